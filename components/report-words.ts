/** The label of each report reason, for every place that names one (dialog, chips, summaries). */
import type { MessageKey } from '../utils/i18n';
import type { ReportReason } from '../utils/protocol/registry/report';

/** Each report reason's chip label. */
export const REASON_LABELS: Record<ReportReason, MessageKey> = {
  counterfeit: 'reportReasonCounterfeit',
  fake_brand: 'reportReasonFakeBrand',
  wrong_origin: 'reportReasonWrongOrigin',
  unsafe: 'reportReasonUnsafe',
  off_platform: 'reportReasonOffPlatform',
  scam_site: 'reportReasonScamSite',
  other: 'reportReasonOther',
};
