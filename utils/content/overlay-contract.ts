/**
 * The overlay's contract: what the runner asks of the UI it puts into a page (implemented by
 * components/page/overlay.ts): warnings on listings, a report action on the others, and their
 * upkeep as the page changes.
 */

import type { DataInfo } from '../protocol/records';
import type { InspectorEntry } from '../protocol/runtime/inspector';
import type { Verdict } from '../protocol/runtime/verdict';
import type { ExtractedListing } from '../sites/engine/types';

export interface Overlay {
  /** `collapsed`: a confirmed warning whose seller the shopper muted (product page only). */
  mount(
    listing: ExtractedListing,
    verdict: Verdict,
    data: DataInfo | null,
    collapsed?: boolean,
  ): void;
  unmount(anchor: Element): void;
  clear(): void;
  /**
   * After removals: puts back a warning the page removed while its card stays, and forgets every
   * card that left the page, so nothing of it is kept alive.
   */
  sweep(): void;
  /** How many warnings are mounted. */
  readonly size: number;
  /** Scrolls a listing's warning into view and focuses it; false if it shows none. */
  reveal(anchor: Element): boolean;
  /**
   * A listing with no warning: a product page's gets a "Báo cáo" button beside it; a card's gets a
   * small report action, only once the shopper hovers or focuses it (never at scan time).
   */
  offerReport(listing: ExtractedListing): void;
  /** Whether a listing's anchor carries anything of ours (a warning or a report action). */
  has(anchor: Element): boolean;
  /**
   * Inspector mode: what the registry knows about the listing's item and seller (a marker with a
   * popover on cards, a section on product pages); no entries removes it.
   */
  inspect(listing: ExtractedListing, view: InspectedListing): void;
}

/** The registry's entries for one listing's item and seller, as inspector mode shows them. */
export interface InspectedListing {
  name?: string | undefined;
  error?: string | undefined;
  entries: Array<{ role: 'item' | 'seller'; entry: InspectorEntry }>;
}
