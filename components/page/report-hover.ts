/**
 * The report action of cards without a warning, built lazily: nothing is added at scan time; the
 * first time the shopper's pointer enters a card (or keyboard focus lands in it), that card gets its
 * small "Báo cáo" button. One pair of passive listeners per page. The card last hovered or focused
 * is also what the keyboard shortcut reports on a grid.
 */
import type { Overlay } from '../../utils/content/overlay-contract';
import type { ExtractedListing } from '../../utils/sites/engine/types';

export interface CardWatch {
  lastCard(): Element | null;
  stop(): void;
}

export function watchCardsForReport(
  view: Window,
  listingAt: (node: Node | null) => ExtractedListing | null,
  overlay: Pick<Overlay, 'offerReport' | 'has'>,
): CardWatch {
  let last: WeakRef<Element> | null = null;
  const stopped = new AbortController();
  const onEnter = (event: Event) => {
    if (!event.isTrusted) return;
    const listing = listingAt(event.target as Node | null);
    if (listing?.kind !== 'card') return;
    last = new WeakRef(listing.anchor);
    if (!overlay.has(listing.anchor)) overlay.offerReport(listing);
  };
  const options = { capture: true, passive: true, signal: stopped.signal };
  view.addEventListener('pointerover', onEnter, options);
  view.addEventListener('focusin', onEnter, options);
  return {
    lastCard: () => last?.deref() ?? null,
    stop: () => stopped.abort(),
  };
}
