/**
 * What the shopper is told of a report: one of REPORT_PROGRESS, from its delivery and from what the
 * registry last said of it; and the view the extension pages list.
 */

import type { ReportEntry } from '../../../utils/outbox/report-entry';
import type { ReportProgress, ReportView } from '../../../utils/protocol/runtime/report-messages';

export function progressOf(entry: ReportEntry): ReportProgress {
  const { state } = entry.delivery;
  if (state === 'pending') return 'waiting';
  if (state !== 'delivered') return state;
  return entry.status?.state ?? 'sent';
}

export function viewOf(entry: ReportEntry): ReportView {
  const { report, delivery, screenshot } = entry;
  return {
    id: entry.id,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    listing: report.listing,
    reasons: report.reasons,
    ...(report.note ? { note: report.note } : {}),
    ...(report.contact ? { contact: report.contact } : {}),
    ...(report.snapshotSha256 ? { snapshotSha256: report.snapshotSha256 } : {}),
    progress: progressOf(entry),
    registryUrl: entry.registryUrl,
    attempts: delivery.attempts,
    ...(delivery.nextAttemptAt ? { nextAttemptAt: delivery.nextAttemptAt } : {}),
    ...(delivery.lastError ? { lastError: delivery.lastError } : {}),
    ...(entry.receivedAt ? { receivedAt: entry.receivedAt } : {}),
    ...(screenshot
      ? {
          screenshot: {
            bytes: screenshot.bytes.byteLength,
            sha256: screenshot.sha256,
            takenAt: screenshot.takenAt,
            delivered: screenshot.delivery.state === 'delivered',
            ...(screenshot.delivery.lastError ? { lastError: screenshot.delivery.lastError } : {}),
          },
        }
      : {}),
    ...(entry.status ? { status: entry.status } : {}),
  };
}
