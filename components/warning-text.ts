/**
 * The words of a warning, by status and subject, hedged as DESIGN.md §4 requires: only a confirmed
 * record states a violation, a heuristic signal is only "worth a look", and every warning names its
 * source and date.
 */

import { formatDate, getLanguage, type MessageKey, t, tn } from '../utils/i18n';
import { tryParseKey } from '../utils/protocol/keys';
import type { FlagRecord } from '../utils/protocol/records';
import type { SignalEvidence } from '../utils/protocol/runtime/signal-evidence';
import type {
  RecordVerdict,
  ShownStatus,
  SignalVerdict,
  Verdict,
  WarningStatus,
} from '../utils/protocol/runtime/verdict';

const HEADLINES: Record<ShownStatus, Record<RecordVerdict['subject'], MessageKey>> = {
  confirmed: {
    item: 'headlineConfirmedItem',
    seller: 'headlineConfirmedSeller',
    contact: 'headlineContactConfirmed',
    product: 'headlineProductConfirmed',
  },
  suspected: {
    item: 'headlineSuspectedItem',
    seller: 'headlineSuspectedSeller',
    contact: 'headlineContactSuspected',
    product: 'headlineProductSuspected',
  },
  reported: {
    item: 'headlineReportedItem',
    seller: 'headlineReportedSeller',
    contact: 'headlineContactReported',
    product: 'headlineProductReported',
  },
};

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

export function reportCount(record: FlagRecord): number {
  return record.reportCount ?? 0;
}

/**
 * A record the seller contests and the registry has taken up for review (DESIGN.md §4: shown as
 * contested on the badge and banner themselves). The decision still stands and is still named; only
 * the tier changes: its own badge, colour and softened advice.
 */
export function isContested(verdict: Verdict): boolean {
  return verdict.status !== 'heuristic' && verdict.record.appeal === 'pending';
}

/** The tier a warning is drawn in: its status, or "contested" for a record under an accepted appeal. */
export type WarningTier = WarningStatus | 'contested';

export function tierOf(verdict: Verdict): WarningTier {
  return isContested(verdict) ? 'contested' : verdict.status;
}

/** A warning from the reviewer's demo record (options): every word of it says it is a test. */
export function isDemo(verdict: Verdict): boolean {
  return verdict.status !== 'heuristic' && verdict.record.demo === true;
}

export function badgeText(verdict: Verdict): string {
  if (isDemo(verdict)) return t('badgeDemo');
  if (verdict.status === 'heuristic') return t('badgeHeuristic');
  if (isContested(verdict)) return t('badgeContested');
  if (verdict.subject === 'product') return t('badgeProduct');
  if (verdict.status === 'confirmed') return t('badgeConfirmed');
  if (verdict.status === 'suspected') return t('badgeSuspected');
  return tn('badgeReported', reportCount(verdict.record), reportCount(verdict.record));
}

const CONTESTED_CONFIRMED: Record<RecordVerdict['subject'], MessageKey> = {
  item: 'contestedConfirmedItem',
  seller: 'contestedConfirmedSeller',
  contact: 'contestedConfirmedContact',
  product: 'contestedConfirmedProduct',
};

/** What a record names besides its status: a flagged product's name, a contact as people write it. */
function namedBy(verdict: RecordVerdict): string {
  if (verdict.subject === 'product') {
    return verdict.record.name ?? verdict.record.key.slice('product:'.length);
  }
  return verdict.subject === 'contact' ? contactLabel(verdict.record.key) : '';
}

/**
 * A contested record's headline: the decision as it stands, naming who made it and when (or, for a
 * suspicion or reports, the usual hedged words), then that the seller contests it and a review is
 * pending.
 */
function contestedHeadline(verdict: RecordVerdict): string {
  let clause: string;
  if (verdict.status === 'confirmed') {
    clause = t(
      CONTESTED_CONFIRMED[verdict.subject],
      verdict.record.authority,
      formatDate(verdict.record.updated),
      namedBy(verdict),
    );
  } else {
    const plain = recordHeadline(verdict);
    clause = plain.charAt(0).toLocaleLowerCase(getLanguage()) + plain.slice(1);
  }
  return t('headlineContested', clause);
}

function recordHeadline(verdict: RecordVerdict): string {
  if (verdict.subject === 'contact') {
    const count = reportCount(verdict.record);
    return tn(HEADLINES[verdict.status].contact, count, contactLabel(verdict.record.key), count);
  }
  if (verdict.subject === 'product') {
    return t(HEADLINES[verdict.status].product, namedBy(verdict));
  }
  const count = reportCount(verdict.record);
  return tn(HEADLINES[verdict.status][verdict.subject], count, count);
}

export function headline(verdict: Verdict): string {
  if (isDemo(verdict)) return t('headlineDemo');
  if (verdict.status === 'heuristic') {
    const [lead] = verdict.signal.evidence;
    if (lead?.signal !== 'replicaWords') return t('headlineHeuristicSigns');
    if (lead.place === 'description') return t('headlineHeuristicDescription', lead.text);
    if (lead.place === 'variant') return t('headlineHeuristicVariant', lead.text);
    return t('headlineHeuristic', lead.text);
  }
  return isContested(verdict) ? contestedHeadline(verdict) : recordHeadline(verdict);
}

/** A phone or bank key as people write it: "0912345678", "VCB 0011001234567". */
export function contactLabel(key: string): string {
  const parsed = tryParseKey(key);
  if (parsed?.kind === 'phone') {
    return parsed.e164.startsWith('+84') ? `0${parsed.e164.slice(3)}` : parsed.e164;
  }
  return parsed?.kind === 'bank' ? `${parsed.bank} ${parsed.account}` : key;
}

/** Who says so: the authority of the record, or Soi Hàng's own reading of the page. */
export function sourceLine(verdict: Verdict): string {
  return verdict.status === 'heuristic'
    ? t('heuristicSource')
    : t('sourceLine', verdict.record.authority);
}

/** When: the record's date, or the day the page was read. */
export function dateLine(verdict: Verdict): string {
  return t(
    'dateLine',
    formatDate(verdict.status === 'heuristic' ? verdict.signal.seenOn : verdict.record.updated),
  );
}

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
