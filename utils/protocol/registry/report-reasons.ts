/**
 * Why a shopper reports a listing: a closed list, so reports can be counted and grouped. Kept apart
 * from the schemas so that content scripts (the report chips) carry the list without zod.
 */
export const REPORT_REASONS = [
  'counterfeit',
  'fake_brand',
  'wrong_origin',
  'unsafe',
  'off_platform',
  'scam_site',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
