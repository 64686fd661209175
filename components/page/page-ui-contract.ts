/**
 * What the page UI chunk (entrypoints/page-ui.ts) draws for a content script: everything a shopper
 * sees only after a click or on a product page (a badge's details with its report chips, the
 * banner, inspector sections, the report dialog's frame, a failure's notice, a listing shaped for
 * a report), with Preact and the words those need. Types only: the content script
 * holds none of that code, it asks the chunk once it is loaded (load-page-ui.ts).
 */
import type { draftListingOf } from '../../utils/content/report-listing';
import type { Catalogues, Language } from '../../utils/i18n';
import type { BadgeDetailsProps } from '../BadgeDetails';
import type { BannerProps } from '../Banner';
import type { InspectorSectionProps } from '../InspectorSection';
import type { Notices } from './notice';
import type { ReportFrame } from './report-frame';

export interface PageUi {
  details(container: HTMLElement, props: BadgeDetailsProps, language: Language): void;
  banner(container: HTMLElement, props: BannerProps, language: Language): void;
  /** Inspector mode's words come from the background with the page's first inspector view. */
  inspector(
    container: Element | ShadowRoot,
    props: InspectorSectionProps,
    language: Language,
    words: Catalogues | null,
  ): void;
  /** Takes down what was drawn into a container. */
  erase(container: Element | ShadowRoot): void;
  /** The report dialog over the page (one at a time). */
  frame: ReportFrame;
  notices: Notices;
  /** A listing as the report dialog and the registry take it: only a report needs it. */
  draft: typeof draftListingOf;
}

/** Where the chunk leaves its UI for the content script, in the content script's own realm. */
export const PAGE_UI_KEY = Symbol.for('soi-hang.page-ui');
