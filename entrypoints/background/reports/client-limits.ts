/**
 * Limits every install keeps before anything reaches the registry: at most MAX_REPORTS_PER_HOUR new
 * reports an hour, and a second report of a listing within a day amends the first.
 */

import { restart } from '../../../utils/outbox/delivery';
import type { ReportEntry } from '../../../utils/outbox/report-entry';
import {
  REPORT_AMEND_MS,
  REPORT_REASONS,
  type ReportReason,
} from '../../../utils/protocol/registry/report';

/**
 * An amendment changes the first report's reasons, note and contact instead of counting again (the
 * listing's facts stay as first received). The registry accepts it under the first report's id
 * within REPORT_AMEND_MS of its first receipt.
 */
export const MAX_REPORTS_PER_HOUR = 20;
export const HOUR_MS = 60 * 60 * 1000;

/** What the shopper chose in the dialog. */
export interface Amendment {
  reasons: ReportReason[];
  note?: string;
  contact?: string;
}

/**
 * An amendment sent this close to the end of the registry's window might arrive after it: it is
 * made a new report instead.
 */
export const AMEND_MARGIN_MS = 10 * 60 * 1000;

/**
 * Whether a report may still be amended at `now`. The registry measures the window from its first
 * receipt, so a received report is measured from the receipt it answered; one not received yet is
 * measured from its creation (it cannot have been received before it was made).
 */
export function withinAmendWindow(entry: ReportEntry, now: Date): boolean {
  const from = Date.parse(entry.receivedAt ?? entry.createdAt);
  return now.getTime() - from <= REPORT_AMEND_MS - AMEND_MARGIN_MS;
}

/**
 * The report of this listing still within the amendment window, if any (never a refused one); a
 * later report of the same listing is a new report.
 */
export function amendableEntry(
  entries: readonly ReportEntry[],
  itemKey: string,
  now: Date,
): ReportEntry | null {
  let found: ReportEntry | null = null;
  for (const entry of entries) {
    if (entry.report.listing.itemKey !== itemKey || entry.delivery.state === 'refused') continue;
    if (!withinAmendWindow(entry, now)) continue;
    if (!found || entry.createdAt > found.createdAt) found = entry;
  }
  return found;
}

/** When the next new report may be made, or null if one may be made now. */
export function rateLimitedUntil(entries: readonly ReportEntry[], now: Date): Date | null {
  const since = now.getTime() - HOUR_MS;
  const recent = entries
    .map((entry) => Date.parse(entry.createdAt))
    .filter((created) => created > since && created <= now.getTime())
    .sort((a, b) => a - b);
  if (recent.length < MAX_REPORTS_PER_HOUR) return null;
  const oldest = recent[recent.length - MAX_REPORTS_PER_HOUR] as number;
  return new Date(oldest + HOUR_MS);
}

/**
 * The first report amended: reasons joined (in the schema's order), a new note or contact replaces
 * the old one, and an empty one keeps it. Delivered or not, it goes out again as the new revision.
 */
export function amend(entry: ReportEntry, choices: Amendment, now: Date): ReportEntry {
  const chosen = new Set([...entry.report.reasons, ...choices.reasons]);
  const reasons = REPORT_REASONS.filter((reason) => chosen.has(reason));
  const note = choices.note?.trim() || entry.report.note;
  const contact = choices.contact?.trim() || entry.report.contact;
  const { note: _note, contact: _contact, ...rest } = entry.report;
  return {
    ...entry,
    report: { ...rest, reasons, ...(note ? { note } : {}), ...(contact ? { contact } : {}) },
    revision: entry.revision + 1,
    updatedAt: now.toISOString(),
    delivery: entry.delivery.state === 'local' ? entry.delivery : restart(entry.delivery, now),
  };
}
