/**
 * Puts our UI into the page: a badge inside a flagged card, a banner before a flagged product's
 * title. Each lives in its own shadow root (the page's CSS cannot reach in, ours cannot leak out)
 * and is rendered by Preact from data, never from HTML strings.
 */
import { type ComponentChild, render } from 'preact';
import type { Verdict } from '../lookup/verdict';
import type { DataInfo } from '../protocol/records';
import type { ExtractedListing } from '../sites/types';
import { BADGE_HOST, BANNER_HOST } from './hosts';
import type { Overlay } from './runner';
import { applyStyles } from './shadow-styles';

export type RenderUi = (
  listing: ExtractedListing,
  verdict: Verdict,
  data: DataInfo | null,
) => ComponentChild;

export interface OverlayViews {
  badge: RenderUi;
  banner: RenderUi;
  css: string;
}

export function createOverlay(doc: Document, views: OverlayViews): Overlay {
  const mounted = new Map<Element, { host: HTMLElement; root: ShadowRoot }>();

  const unmount = (anchor: Element) => {
    const entry = mounted.get(anchor);
    if (!entry) return;
    render(null, entry.root);
    entry.host.remove();
    mounted.delete(anchor);
  };

  return {
    mount(listing, verdict, data) {
      unmount(listing.anchor);
      const isCard = listing.kind === 'card';
      const host = doc.createElement(isCard ? BADGE_HOST : BANNER_HOST);
      // Layout of the host itself, inline so page rules on unknown elements matter less.
      host.style.cssText = isCard
        ? 'display:block;position:relative;height:0;width:100%;z-index:5;pointer-events:none'
        : 'display:block;margin:8px 0';
      const root = host.attachShadow({ mode: 'open' });
      applyStyles(root, views.css);
      render((isCard ? views.badge : views.banner)(listing, verdict, data), root);
      if (isCard) listing.anchor.prepend(host);
      else listing.anchor.before(host);
      mounted.set(listing.anchor, { host, root });
    },
    unmount,
    clear() {
      for (const anchor of [...mounted.keys()]) unmount(anchor);
    },
  };
}
