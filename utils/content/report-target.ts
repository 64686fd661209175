/**
 * Which listing a report made from outside the page is about (the popup, the context menu, the
 * shortcut): the one whose address is the link the menu was opened on, else the product the page is
 * about, else the card the shopper last hovered or focused. Read afresh from the page, so it is the
 * listing as it shows now.
 */
import type { ExtractedListing, SiteAdapter } from '../sites/engine/types';

export function listingToReport(
  adapter: SiteAdapter,
  doc: Document,
  pageUrl: URL,
  linkUrl: string | undefined,
  lastCard: () => ExtractedListing | null,
): ExtractedListing | null {
  let listings: ExtractedListing[];
  try {
    listings = adapter.extract(doc, pageUrl).listings;
  } catch {
    return null;
  }
  if (linkUrl) {
    let target: string;
    try {
      const parsed = new URL(linkUrl, pageUrl);
      target = `${parsed.origin}${parsed.pathname}`;
    } catch {
      return null;
    }
    return listings.find((listing) => listing.url === target) ?? null;
  }
  return listings.find((listing) => listing.kind !== 'card') ?? lastCard();
}
