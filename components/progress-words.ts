/** The words "Báo cáo của tôi" uses for each stage of a report's delivery. */
import type { MessageKey } from '../utils/i18n';
import type { ReportProgress } from '../utils/protocol/runtime/report-messages';

/** What "Báo cáo của tôi" says of each report's progress. */
export const PROGRESS_LABELS: Record<ReportProgress, MessageKey> = {
  waiting: 'myReportsWaiting',
  sent: 'myReportsSent',
  received: 'myReportsReceived',
  in_review: 'myReportsInReview',
  decided: 'myReportsDecided',
  refused: 'myReportsRefused',
  expired: 'myReportsExpired',
  local: 'myReportsLocal',
};
