/** A listing's facts as the extension read it from the page (report dialog, inspector panel). */
import { formatDate, type MessageKey, t } from '../utils/i18n';
import type { DraftListing } from '../utils/protocol/report-drafts';
import { priceFacts } from './price-text';
import { SITE_NAMES } from './site-names';

export function ListingFacts({ draft }: { draft: DraftListing }) {
  const { listing } = draft;
  const rows: Array<[MessageKey, string]> = [
    ['dialogFactSite', t(SITE_NAMES[listing.platform])],
    ['dialogFactTitle', listing.title],
    // The listed price in the page's own currency, and the price after promo codes as such.
    ...priceFacts(listing),
    ...(draft.sellerName ? [['dialogFactSeller', draft.sellerName] as [MessageKey, string]] : []),
    ['dialogFactIds', [listing.itemKey, listing.sellerKey].filter(Boolean).join(' · ')],
    ['dialogFactAddress', listing.url],
    ['dialogFactSeenAt', formatDate(listing.seenAt, true)],
  ];
  return (
    <dl class="facts" data-testid="report-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
