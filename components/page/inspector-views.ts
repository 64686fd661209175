/**
 * Inspector mode on a marketplace page: asks the background what the registry knows about the
 * listings just looked up (only while the mode is on; the page's keys only), and draws it through
 * the overlay: a marker with a popover on cards, a section on product pages. "Xử lý" asks for the
 * panel on that listing, and only a real press by the inspector counts.
 */
import type { InspectedListing, Overlay } from '../../utils/content/overlay-contract';
import { addWords, type Catalogues, getLanguage, t } from '../../utils/i18n';
import type { InspectorEntry } from '../../utils/protocol/runtime/inspector';
import type { ExtractedListing } from '../../utils/sites/engine/types';
import badgeCss from '../badge.css?inline';
import { markerText } from '../inspector-marker';
import type { WithPageUi } from './load-page-ui';

type Lookup = (
  keys: string[],
  needWords: boolean,
) => Promise<{
  active: boolean;
  name?: string | undefined;
  entries: InspectorEntry[];
  error?: string | undefined;
  words?: Catalogues | undefined;
  styles?: string | undefined;
}>;

/** Inspector mode's words and styles arrive with the first view a page gets (pages carry neither). */
let words: Catalogues | null = null;
let inspectorStyles = '';

export function inspectorViews(
  withUi: WithPageUi,
  onHandle: (listing: ExtractedListing) => Promise<unknown>,
) {
  return {
    // The sections are drawn by the page UI chunk, given the words this script got.
    inspector(
      container: Element | ShadowRoot,
      listing: ExtractedListing,
      view: InspectedListing,
      drawn?: () => void,
    ) {
      return withUi(container, (ui) => {
        const props = {
          name: view.name,
          entries: view.entries,
          error: view.error,
          onHandle: (event: Event) => (event.isTrusted ? onHandle(listing) : undefined),
        };
        ui.inspector(container, props, getLanguage(), words);
        drawn?.();
      });
    },
    inspectorMarker(doc: Document, view: InspectedListing): HTMLElement {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'inspector-marker';
      button.textContent = markerText(view.entries);
      return button;
    },
    // The card marker's popover is styled like a badge's.
    inspectorCss: () => badgeCss + inspectorStyles,
    inspectorLabel: () => t('inspectorPopoverLabel'),
  };
}

/** Asks for a batch's inspector entries and shows each listing's (its item's and its seller's). */
export async function inspectBatch(
  overlay: Overlay,
  batch: readonly ExtractedListing[],
  lookup: Lookup,
): Promise<void> {
  const keys = new Set<string>();
  for (const listing of batch) {
    keys.add(listing.itemKey);
    if (listing.sellerKey) keys.add(listing.sellerKey);
  }
  const view = await lookup([...keys], !words);
  if (!view.active) return;
  if (view.words) {
    addWords(view.words);
    inspectorStyles = view.styles ?? '';
    words = view.words;
  }
  const byKey = new Map(view.entries.map((entry) => [entry.key, entry]));
  for (const listing of batch) {
    if (!listing.anchor.isConnected) continue;
    const item = byKey.get(listing.itemKey);
    const seller = listing.sellerKey ? byKey.get(listing.sellerKey) : undefined;
    const entries: InspectedListing['entries'] = [];
    if (item) entries.push({ role: 'item', entry: item });
    if (seller) entries.push({ role: 'seller', entry: seller });
    // A listing the registry knows nothing about shows nothing, not even on a product page.
    if (entries.length === 0 && !(view.error && listing.kind === 'product')) continue;
    overlay.inspect(listing, { name: view.name, error: view.error, entries });
  }
}
