/** A listing's facts as the extension read it from the page (report dialog, inspector panel). */
import { formatDate, type MessageKey, t } from '../utils/i18n';
import type { DraftListing } from '../utils/protocol/report-drafts';
import { SITE_NAMES } from './site-names';

const formatPrice = (price: number) => `${price.toLocaleString('vi-VN')} ₫`;

export function ListingFacts({ draft }: { draft: DraftListing }) {
  const { listing } = draft;
  const rows: Array<[MessageKey, string]> = [
    ['dialogFactSite', t(SITE_NAMES[listing.platform])],
    ['dialogFactTitle', listing.title],
    ...(listing.price !== undefined
      ? [['dialogFactPrice', formatPrice(listing.price)] as [MessageKey, string]]
      : []),
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
