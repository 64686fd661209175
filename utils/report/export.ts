/**
 * "Báo cáo của tôi" exported: every report as JSON (what the outbox keeps of it, without the
 * screenshot's bytes) or as CSV for a spreadsheet.
 */
import type { ReportView } from '../protocol/runtime/report-messages';

export function reportsJson(reports: readonly ReportView[]): string {
  return `${JSON.stringify({ format: 'soi-hang-reports', version: 1, reports }, null, 2)}\n`;
}

const COLUMNS: CsvColumns<ReportView> = [
  ['id', (r) => r.id],
  ['created_at', (r) => r.createdAt],
  ['progress', (r) => r.progress],
  ['platform', (r) => r.listing.platform],
  ['item_key', (r) => r.listing.itemKey],
  ['seller_key', (r) => r.listing.sellerKey],
  ['title', (r) => r.listing.title],
  // In đồng only, as the column says; a price in another currency is in the next three.
  ['price_vnd', (r) => ((r.listing.currency ?? 'VND') === 'VND' ? r.listing.price : undefined)],
  ['price', (r) => r.listing.price],
  ['currency', (r) => (r.listing.price === undefined ? undefined : (r.listing.currency ?? 'VND'))],
  ['promo_price', (r) => r.listing.promoPrice],
  ['url', (r) => r.listing.url],
  ['seen_at', (r) => r.listing.seenAt],
  ['reasons', (r) => r.reasons.join(' ')],
  ['note', (r) => r.note],
  ['snapshot_sha256', (r) => r.snapshotSha256],
  ['registry', (r) => r.registryUrl ?? ''],
  ['received_at', (r) => r.receivedAt],
  ['status_checked_at', (r) => r.status?.checkedAt],
  ['decision', (r) => r.status?.decision?.status],
  ['screenshot_sha256', (r) => r.screenshot?.sha256],
];

/**
 * CSV cells are quoted, and a cell a spreadsheet would run as a formula (= + - @ at its start) is
 * prefixed with an apostrophe, since titles and notes come from pages and shoppers.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export type CsvColumns<T> = Array<[string, (row: T) => string | number | undefined]>;

/** Rows as CSV: a header, quoted cells, CRLF lines. */
export function toCsv<T>(columns: CsvColumns<T>, rows: readonly T[]): string {
  const lines = [columns.map(([name]) => name).join(',')];
  for (const row of rows) lines.push(columns.map(([, read]) => csvCell(read(row))).join(','));
  // A byte-order mark: spreadsheet programs then read the Vietnamese as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function reportsCsv(reports: readonly ReportView[]): string {
  return toCsv(COLUMNS, reports);
}
