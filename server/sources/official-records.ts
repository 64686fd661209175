/**
 * The sourced decisions of Vietnamese authorities (server/data/official-records/) as flag records.
 * Statuses map onto DESIGN.md §4 as the dataset's README defines them:
 *   confirmed_counterfeit → confirmed, reason "counterfeit"
 *   under_investigation   → suspected, reason "suspected_counterfeit"
 *   recalled              → confirmed, reason "recall" (a decision, but not a counterfeit finding)
 *   violating_site        → confirmed, reason "violating_site", keyed by domain
 * Several notices can name the same product (e.g. different batches of one medicine); they become
 * one record per product key, with every batch and finding listed and the strongest status.
 * Caveats kept from the README: batch-specific medicines carry a `scope`; the four domains from a
 * cut-off sentence are only `suspected`; a firm "(ghi trên nhãn)" is never named as the faker.
 */
import * as z from 'zod';
import { formatKey, normaliseProductName } from '../../utils/protocol/keys';
import type { FlagRecord, FlagStatus } from '../../utils/protocol/records';

const OfficialRecordSchema = z.object({
  kind: z.enum(['product', 'domain']),
  name: z.string().min(1),
  company: z.string().nullable(),
  identifiers: z.record(z.string(), z.unknown()),
  authority: z.string().min(1),
  decision: z.string().nullable(),
  date: z.iso.date().nullable(),
  status: z.enum(['confirmed_counterfeit', 'under_investigation', 'recalled', 'violating_site']),
  summary_vi: z.string().min(1),
  source: z.url(),
});
type OfficialRecord = z.infer<typeof OfficialRecordSchema>;

/** Domains the README says to check before blocking (a cut-off, ambiguous sentence). */
const UNCERTAIN_DOMAINS = new Set(['retamino68.com', 'cronbase2.one', 'vluky.com', '323.com']);

/** Category words printed before the product's own name; titles on marketplaces rarely carry them. */
const CATEGORY_PREFIXES = [
  'thuc pham bao ve suc khoe',
  'thuc pham bo sung',
  'vien nen bao phim',
  'vien nen',
  'vien hoan cung',
  'gel boi',
];

/** The phrase a listing title must contain: the name without parentheses, ® and category words. */
export function productMatchName(name: string): string {
  let folded = normaliseProductName(name.split(',')[0]?.replace(/\([^)]*\)/g, ' ') ?? name);
  for (const prefix of CATEGORY_PREFIXES) {
    if (folded.startsWith(`${prefix} `)) folded = folded.slice(prefix.length + 1);
  }
  return folded;
}

const RANK: Record<FlagStatus, number> = { confirmed: 3, suspected: 2, reported: 1, cleared: 0 };

function mapStatus(record: OfficialRecord): { status: FlagStatus; reason: string } {
  switch (record.status) {
    case 'confirmed_counterfeit':
      return { status: 'confirmed', reason: 'counterfeit' };
    case 'under_investigation':
      return { status: 'suspected', reason: 'suspected_counterfeit' };
    case 'recalled':
      return { status: 'confirmed', reason: 'recall' };
    case 'violating_site':
      return UNCERTAIN_DOMAINS.has(String(record.identifiers.domain))
        ? { status: 'suspected', reason: 'violating_site' }
        : { status: 'confirmed', reason: 'violating_site' };
  }
}

const STATUS_EN: Record<OfficialRecord['status'], string> = {
  confirmed_counterfeit: 'named as counterfeit',
  under_investigation: 'named as suspected counterfeit',
  recalled: 'ordered recalled or withdrawn (not a counterfeit finding)',
  violating_site: 'named as a violating or impersonating site',
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function englishSummary(record: OfficialRecord): string {
  const batches = strings(record.identifiers.batch_numbers);
  const when = record.date ? ` on ${record.date}` : '';
  const which = batches.length > 0 ? ` (batch ${batches.join(', ')})` : '';
  return `${record.name}${which}: ${STATUS_EN[record.status]} by ${record.authority}${when}.`;
}

function single(record: OfficialRecord, fallbackDate: string): FlagRecord {
  const { status, reason } = mapStatus(record);
  const date = record.date ?? fallbackDate;
  const isDomain = record.kind === 'domain';
  const key = isDomain
    ? formatKey({ kind: 'domain', domain: String(record.identifiers.domain) })
    : formatKey({ kind: 'product', name: productMatchName(record.name) });
  const batches = strings(record.identifiers.batch_numbers);
  const registration = record.identifiers.registration_number;
  const rule = record.identifiers.batch_rule;
  const scoped = batches.length > 0 || typeof rule === 'string';
  return {
    key,
    status,
    reasons: [reason],
    authority: record.authority.slice(0, 300),
    ...(record.decision ? { caseId: record.decision.slice(0, 100) } : {}),
    name: record.name.slice(0, 300),
    summary: { vi: record.summary_vi, en: englishSummary(record) },
    evidenceUrl: record.source,
    ...(scoped
      ? {
          scope: {
            ...(batches.length > 0 ? { batches } : {}),
            ...(typeof registration === 'string' ? { registrationNumbers: [registration] } : {}),
            ...(typeof rule === 'string' ? { rule } : {}),
          },
        }
      : {}),
    firstSeen: date,
    updated: date,
    // An authority named this site as violating: trusted to block it. A suspected one only warns.
    ...(isDomain && status === 'confirmed' ? { blocking: true as const } : {}),
  };
}

/** Merges records that share a key: strongest status, all batches, every finding in the summary. */
function merge(records: FlagRecord[]): FlagRecord {
  if (records.length === 1) return records[0] as FlagRecord;
  const byRank = [...records].sort((a, b) => RANK[b.status] - RANK[a.status]);
  const first = byRank[0] as FlagRecord;
  const dates = records.map((r) => r.updated).sort();
  const unique = <T>(values: T[]) => [...new Set(values)];
  const batches = unique(records.flatMap((r) => r.scope?.batches ?? []));
  const registrationNumbers = unique(records.flatMap((r) => r.scope?.registrationNumbers ?? []));
  const rules = unique(records.flatMap((r) => (r.scope?.rule ? [r.scope.rule] : [])));
  const allScoped = records.every((r) => r.scope);
  return {
    ...first,
    reasons: unique(records.flatMap((r) => r.reasons)),
    summary: {
      vi: unique(records.map((r) => r.summary.vi))
        .join(' ')
        .slice(0, 2000),
      en: unique(records.map((r) => r.summary.en))
        .join(' ')
        .slice(0, 2000),
    },
    ...(allScoped
      ? {
          scope: {
            ...(batches.length > 0 ? { batches } : {}),
            ...(registrationNumbers.length > 0 ? { registrationNumbers } : {}),
            ...(rules.length > 0 ? { rule: rules.join('; ').slice(0, 300) } : {}),
          },
        }
      : { scope: undefined }),
    firstSeen: dates[0] as string,
    updated: dates[dates.length - 1] as string,
  };
}

/**
 * Records from the dataset's NDJSON. `fallbackDate` dates the few notices whose source gives no full
 * date: the day the dataset entered this repository, i.e. when the record entered our data, never a
 * made-up decision date (the summary and evidence link carry the source's own wording).
 */
export function officialRecords(ndjson: string, fallbackDate: string): FlagRecord[] {
  const byKey = new Map<string, FlagRecord[]>();
  for (const [i, line] of ndjson.split('\n').entries()) {
    if (!line.trim()) continue;
    const parsed = OfficialRecordSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`official records line ${i + 1}: ${parsed.error.message}`);
    const record = single(parsed.data, fallbackDate);
    byKey.set(record.key, [...(byKey.get(record.key) ?? []), record]);
  }
  return [...byKey.values()].map(merge).map((record) => {
    if (record.scope === undefined) delete record.scope;
    return record;
  });
}
