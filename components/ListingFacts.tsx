/** A listing's facts as the extension read it from the page (report dialog, inspector panel). */
import { formatDate, type MessageKey, t } from '../utils/i18n';
import type { DraftListing } from '../utils/protocol/runtime/report-drafts';
import { priceFacts } from './price-text';
import { SITE_NAMES } from './site-names';

type Row = [MessageKey, string];

function Rows({ rows }: { rows: Row[] }) {
  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The listing as a shopper knows it: marketplace, title, shop, price, address and when it was read.
 * The registry's keys (`shopee:item:…`) mean nothing to a shopper: with `foldIds` (the report
 * dialog) they sit in a closed disclosure, still there for whoever wants to see what is sent;
 * inspectors see them in the open.
 */
export function ListingFacts({
  draft,
  foldIds = false,
}: {
  draft: DraftListing;
  foldIds?: boolean;
}) {
  const { listing } = draft;
  const rows: Row[] = [
    ['dialogFactSite', t(SITE_NAMES[listing.platform])],
    ['dialogFactTitle', listing.title],
    ...(draft.sellerName ? [['dialogFactSeller', draft.sellerName] as Row] : []),
    // The listed price in the page's own currency, and the price after promo codes as such.
    ...priceFacts(listing),
    ['dialogFactAddress', listing.url],
    ['dialogFactSeenAt', formatDate(listing.seenAt, true)],
  ];
  const ids: Row = [
    'dialogFactIds',
    // A shop's report names its seller as the item: the key once.
    [...new Set([listing.itemKey, listing.sellerKey].filter(Boolean))].join(' · '),
  ];
  if (!foldIds) {
    return (
      <div data-testid="report-facts">
        <Rows rows={[...rows.slice(0, 4), ids, ...rows.slice(4)]} />
      </div>
    );
  }
  return (
    <div data-testid="report-facts">
      <Rows rows={rows} />
      <details class="facts-ids" data-testid="report-ids">
        <summary>{t('dialogFactIdsMore')}</summary>
        <Rows rows={[ids]} />
      </details>
    </div>
  );
}
