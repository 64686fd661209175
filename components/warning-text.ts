/**
 * The words of a warning, by status and subject, hedged as DESIGN.md §4 requires: only a confirmed
 * record states a violation, and every warning names its source and date.
 */

import { getLanguage, type MessageKey, t } from '../utils/i18n';
import type { Verdict } from '../utils/lookup/verdict';
import type { FlagRecord } from '../utils/protocol/records';

const HEADLINES: Record<Verdict['status'], Record<Verdict['subject'], MessageKey>> = {
  confirmed: { item: 'headlineConfirmedItem', seller: 'headlineConfirmedSeller' },
  suspected: { item: 'headlineSuspectedItem', seller: 'headlineSuspectedSeller' },
  reported: { item: 'headlineReportedItem', seller: 'headlineReportedSeller' },
};

const ADVICE: Record<Verdict['status'], MessageKey> = {
  confirmed: 'adviceConfirmed',
  suspected: 'adviceSuspected',
  reported: 'adviceReported',
};

const REASONS: Record<string, MessageKey> = {
  counterfeit_trademark: 'reasonCounterfeitTrademark',
  under_investigation: 'reasonUnderInvestigation',
  community_reports: 'reasonCommunityReports',
  recall: 'reasonRecall',
  scam_site: 'reasonScamSite',
};

export function reportCount(record: FlagRecord): number {
  return record.reportCount ?? 0;
}

export function badgeText(verdict: Verdict): string {
  if (verdict.status === 'confirmed') return t('badgeConfirmed');
  if (verdict.status === 'suspected') return t('badgeSuspected');
  return t('badgeReported', reportCount(verdict.record));
}

export function headline(verdict: Verdict): string {
  return t(HEADLINES[verdict.status][verdict.subject], reportCount(verdict.record));
}

export function advice(verdict: Verdict): string {
  return t(ADVICE[verdict.status]);
}

const REASONS_LINE: Record<Verdict['status'], MessageKey> = {
  confirmed: 'reasonsConfirmed',
  suspected: 'reasonsSuspected',
  reported: 'reasonsReported',
};

/** The reasons, framed by status: a finding only when an authority confirmed it. */
export function reasonsLine(verdict: Verdict): string {
  const reasons = verdict.record.reasons
    .map((code) => t(REASONS[code] ?? 'reasonOther'))
    .join(', ');
  return t(REASONS_LINE[verdict.status], reasons);
}

export function summaryText(record: FlagRecord): string {
  return record.summary[getLanguage()];
}
