/** A report as plain text (subject and body), for the shopper to copy or email to an authority. */
import { formatDate, t } from '../utils/i18n';
import type { ReportListing, ReportReason } from '../utils/protocol/registry/report';
import { priceLine } from './price-text';
import { REASON_LABELS } from './report-words';
import { SITE_NAMES } from './site-names';

export interface ReportSummary {
  subject: string;
  body: string;
}

/**
 * A report as plain text, for the shopper to copy or email to an authority: the listing's facts, the
 * reasons and note, and the report's id and snapshot hash when it has them. Plain text only: it is
 * pasted into forms and mail clients, never parsed as HTML.
 */
export function reportSummary(
  listing: ReportListing,
  reasons: readonly ReportReason[],
  extra: { note?: string; sellerName?: string; id?: string; snapshotSha256?: string } = {},
): ReportSummary {
  const lines = [
    t('summaryIntro'),
    '',
    `${t('dialogFactSite')}: ${t(SITE_NAMES[listing.platform])}`,
    `${t('dialogFactTitle')}: ${listing.title}`,
    ...[priceLine(listing)].filter((line) => line !== null),
    ...(extra.sellerName ? [`${t('dialogFactSeller')}: ${extra.sellerName}`] : []),
    `${t('dialogFactIds')}: ${[listing.itemKey, listing.sellerKey].filter(Boolean).join(', ')}`,
    `${t('dialogFactAddress')}: ${listing.url}`,
    `${t('dialogFactSeenAt')}: ${formatDate(listing.seenAt, true)}`,
    `${t('dialogReasons')}: ${reasons.map((reason) => t(REASON_LABELS[reason])).join(', ')}`,
    ...(extra.note ? [`${t('summaryNote')}: ${extra.note}`] : []),
    ...(extra.id ? [`${t('summaryId')}: ${extra.id}`] : []),
    ...(extra.snapshotSha256 ? [`SHA-256: ${extra.snapshotSha256}`] : []),
  ];
  return { subject: t('summarySubject', listing.title.slice(0, 80)), body: lines.join('\n') };
}
