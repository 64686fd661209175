/**
 * The words of a warning's details (advice, reasons, what the signals saw, a product match's
 * scope), hedged as warning-text.ts's: shown by the banner, a badge's details and the extension's
 * pages, never by a badge itself.
 */
import { getLanguage, type MessageKey, t, tn } from '../utils/i18n';
import type { FlagRecord } from '../utils/protocol/records';
import type { SignalEvidence } from '../utils/protocol/runtime/signal-evidence';
import type {
  RecordVerdict,
  ShownStatus,
  SignalVerdict,
  Verdict,
  WarningStatus,
} from '../utils/protocol/runtime/verdict';
import { isContested, isDemo } from './warning-text';

const ADVICE: Record<WarningStatus, MessageKey> = {
  confirmed: 'adviceConfirmed',
  suspected: 'adviceSuspected',
  reported: 'adviceReported',
  heuristic: 'adviceHeuristic',
};

export const RECORD_REASON_WORDS: Record<string, MessageKey> = {
  counterfeit_trademark: 'reasonCounterfeitTrademark',
  under_investigation: 'reasonUnderInvestigation',
  community_reports: 'reasonCommunityReports',
  recall: 'reasonRecall',
  scam_site: 'reasonScamSite',
  counterfeit: 'reasonCounterfeit',
  suspected_counterfeit: 'reasonSuspectedCounterfeit',
  violating_site: 'reasonViolatingSite',
  verified_genuine: 'reasonVerifiedGenuine',
  no_violation_found: 'reasonNoViolationFound',
  // The reasons shoppers report with, which an inspector's decision may name as its own.
  fake_brand: 'reasonCounterfeitTrademark',
  wrong_origin: 'reasonWrongOrigin',
  unsafe: 'reasonUnsafe',
  off_platform: 'reasonOffPlatform',
};

const PLACES: Record<NonNullable<SignalEvidence['place']> | 'name', MessageKey> = {
  name: 'evidenceInName',
  description: 'evidenceInDescription',
  variant: 'evidenceInVariant',
};

export function advice(verdict: Verdict): string {
  if (isDemo(verdict)) return t('adviceDemo');
  if (verdict.status === 'heuristic') return t(ADVICE.heuristic);
  if (verdict.subject === 'product') return t('adviceProduct');
  return t(isContested(verdict) ? 'adviceContested' : ADVICE[verdict.status]);
}

/**
 * For a product-name match: that only the name matches, and which batches, registration numbers
 * or labels the authority named, so the shopper checks the package instead of assuming.
 */
export function productScopeLines(verdict: Verdict): string[] {
  if (verdict.subject !== 'product') return [];
  const scope = verdict.record.scope;
  const lines = [t('productScope')];
  if (scope?.batches?.length) lines.push(t('productBatches', scope.batches.join(', ')));
  if (scope?.registrationNumbers?.length) {
    lines.push(t('productRegistration', scope.registrationNumbers.join(', ')));
  }
  if (scope?.rule) lines.push(t('productRule', scope.rule));
  return lines;
}

const REASONS_LINE: Record<ShownStatus, MessageKey> = {
  confirmed: 'reasonsConfirmed',
  suspected: 'reasonsSuspected',
  reported: 'reasonsReported',
};

/** The reasons, framed by status: a finding only when an authority confirmed it. */
export function reasonsLine(verdict: RecordVerdict): string {
  if (isDemo(verdict)) return t('reasonsDemo');
  const reasons = verdict.record.reasons
    .map((code) => t(RECORD_REASON_WORDS[code] ?? 'reasonOther'))
    .join(', ');
  return t(REASONS_LINE[verdict.status], reasons);
}

/** A record's summary in the shopper's language. */
export function recordSummary(record: FlagRecord): string {
  return record.summary[getLanguage()];
}

/** What each signal saw, one sentence each (the evidence the details show). */
const EVIDENCE: Record<SignalEvidence['signal'], MessageKey> = {
  replicaWords: 'evidenceReplicaWords',
  replicaHints: 'evidenceReplicaHints',
  offPlatform: 'evidenceOffPlatform',
  regulatedGoods: 'evidenceRegulatedGoods',
  lowPrice: 'evidenceLowPrice',
  reviewComplaints: 'evidenceReviewComplaints',
  barcode: 'evidenceBarcodeCheck',
};

export function evidenceLines(verdict: SignalVerdict): string[] {
  return verdict.signal.evidence.map((seen) => {
    if (seen.reviews) {
      const { flagged, visible } = seen.reviews;
      return tn('evidenceReviewComplaints', visible, flagged, visible, seen.text);
    }
    if (seen.price) {
      // By hand: a number format would load locale data on the page for one line.
      const vnd = (amount: number) =>
        `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
      return tn(
        'evidenceLowPrice',
        seen.price.seen,
        vnd(seen.price.price),
        seen.text,
        vnd(seen.price.reference),
        seen.price.seen,
      );
    }
    // The barcode's lines are whole sentences: which code, and what its prefix does and does not say.
    if (seen.barcode) {
      return seen.barcode.problem === 'origin'
        ? t('evidenceBarcodeOrigin', seen.text, seen.barcode.gtin, seen.barcode.issuer ?? '')
        : t('evidenceBarcodeCheck', seen.barcode.gtin);
    }
    const seenAs = t(EVIDENCE[seen.signal], seen.text);
    return t(PLACES[seen.place ?? 'name'], seenAs);
  });
}

/** The record's own summary, or what the signals saw and what that means. */
export function summaryText(verdict: Verdict): string {
  if (verdict.status !== 'heuristic') return recordSummary(verdict.record);
  return [...evidenceLines(verdict), t('heuristicSummaryEnd')].join(' ');
}
