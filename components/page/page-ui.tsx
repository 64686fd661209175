/**
 * The page UI chunk's drawing (PageUi, page-ui-contract.ts): Preact renders of the components a
 * content script shows after a click or on a product page, with their words in both languages.
 */
import { render, type VNode } from 'preact';
import { draftListingOf } from '../../utils/content/report-listing';
import { addWords, type Language, setLanguage, useCatalogues } from '../../utils/i18n';
import { CONTENT_MESSAGES } from '../../utils/messages/content';
import { BadgeDetails } from '../BadgeDetails';
import { Banner } from '../Banner';
import { InspectorSection } from '../InspectorSection';
import noticeCss from '../notice.css?inline';
import warningCss from '../warning.css?inline';
import { createNotices } from './notice';
import type { PageUi } from './page-ui-contract';
import { createReportFrame } from './report-frame';

/**
 * A warning (details or banner) with its styles, drawn together: a grid where nothing is opened
 * never loads them. Our own stylesheet as text, in the shadow root where the badge's or banner's is.
 */
function drawWarning(target: Element | ShadowRoot, language: Language, warning: VNode): void {
  setLanguage(language);
  render(
    <>
      <style>{warningCss}</style>
      {warning}
    </>,
    target,
  );
}

export function createPageUi(doc: Document): PageUi {
  useCatalogues(CONTENT_MESSAGES);
  let haveInspectorWords = false;
  return {
    details: (container, props, language) =>
      drawWarning(container, language, <BadgeDetails {...props} />),
    banner: (container, props, language) => drawWarning(container, language, <Banner {...props} />),
    inspector(container, props, language, words) {
      if (words && !haveInspectorWords) {
        addWords(words);
        haveInspectorWords = true;
      }
      setLanguage(language);
      render(<InspectorSection {...props} />, container);
    },
    erase(container) {
      render(null, container);
    },
    frame: createReportFrame(doc),
    notices: createNotices(doc, noticeCss),
    draft: draftListingOf,
  };
}
