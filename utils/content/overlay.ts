/**
 * Puts our UI into the page: a badge inside a flagged card, a banner before a flagged product's
 * title. Each lives in its own shadow root (the page's CSS cannot reach in, ours cannot leak out),
 * styled by one shared sheet per kind, and built from data, never from HTML strings.
 */
import { type ComponentChild, render } from 'preact';
import type { Verdict } from '../lookup/verdict';
import type { DataInfo } from '../protocol/records';
import type { ExtractedListing } from '../sites/types';
import { BADGE_HOST, BANNER_HOST } from './hosts';
import type { Overlay } from './runner';
import { applyStyles } from './shadow-styles';

export interface OverlayViews {
  /** Cards: many per page, so plain DOM built from text rather than a component render each. */
  badge(doc: Document, listing: ExtractedListing, verdict: Verdict): Node;
  badgeCss: string;
  /** Product pages: one banner, rendered by Preact. */
  banner(listing: ExtractedListing, verdict: Verdict, data: DataInfo | null): ComponentChild;
  bannerCss: string;
}

export function createOverlay(doc: Document, views: OverlayViews): Overlay {
  const mounted = new Map<Element, { host: HTMLElement; root: ShadowRoot; preact: boolean }>();

  const unmount = (anchor: Element) => {
    const entry = mounted.get(anchor);
    if (!entry) return;
    if (entry.preact) render(null, entry.root);
    entry.host.remove();
    mounted.delete(anchor);
  };

  return {
    mount(listing, verdict, data) {
      unmount(listing.anchor);
      const isCard = listing.kind === 'card';
      const host = doc.createElement(isCard ? BADGE_HOST : BANNER_HOST);
      const root = host.attachShadow({ mode: 'open' });
      if (isCard) {
        applyStyles(root, views.badgeCss);
        root.append(views.badge(doc, listing, verdict));
        listing.anchor.prepend(host);
      } else {
        applyStyles(root, views.bannerCss);
        render(views.banner(listing, verdict, data), root);
        listing.anchor.before(host);
      }
      mounted.set(listing.anchor, { host, root, preact: !isCard });
    },
    unmount,
    clear() {
      for (const anchor of [...mounted.keys()]) unmount(anchor);
    },
  };
}
