/**
 * What an amendment may change in a stored report: the reasons, note, contact and the site it names.
 * The listing's facts (title, url, prices, seller, seenAt) and the snapshot hash stay as first
 * received, so a report cannot be turned into a report about other facts after it was counted.
 */
import { type Report, ReportSchema } from '../../../utils/protocol/registry/report';

/** The report as validated, serialised in schema order: equal reports hash equal. */
export const canonicalBody = (report: Report) => JSON.stringify(report);

/** Whether `next` may amend `first` at all: the same install about the same item. */
export const amends = (first: { clientId: string; itemKey: string }, next: Report) =>
  first.clientId === next.clientId && first.itemKey === next.listing.itemKey;

/**
 * `first` with `next`'s reasons, note, contact and site (and version), every other fact kept; null
 * when the stored report no longer passes today's schema (it can then only be repeated).
 */
export function amendedReport(first: Report, next: Report): Report | null {
  const { note, contact, site, snapshotSha256: _dropped, listing: _kept, ...rest } = next;
  // Parsed again so the fields are in schema order and the body hashes as a report sent so would.
  const amended = ReportSchema.safeParse({
    ...rest,
    listing: first.listing,
    ...(note !== undefined ? { note } : {}),
    ...(contact !== undefined ? { contact } : {}),
    ...(first.snapshotSha256 !== undefined ? { snapshotSha256: first.snapshotSha256 } : {}),
    ...(site !== undefined ? { site } : {}),
  });
  return amended.success ? amended.data : null;
}
