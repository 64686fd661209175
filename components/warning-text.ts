/**
 * The words of a warning, by status and subject, hedged as DESIGN.md §4 requires: only a confirmed
 * record states a violation, a heuristic signal is only "worth a look", and every warning names its
 * source and date. These are a badge's (its label and accessible name), which every grid needs; the
 * details' words are in warning-details-text.ts, loaded with the details.
 */

import { formatDate, getLanguage, type MessageKey, t, tn } from '../utils/i18n';
import { tryParseKey } from '../utils/protocol/keys';
import type { FlagRecord } from '../utils/protocol/records';
import type {
  RecordVerdict,
  ShownStatus,
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
