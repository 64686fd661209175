/**
 * What the registry knows about keys, for inspectors: one key's whole story (reports, decisions,
 * notes, appeals, audit) and the batched in-page view of the keys a page shows.
 */
import type { Selectable } from 'kysely';
import type { FlagRecord } from '../../../utils/protocol/records';
import type { CaseStory } from '../../../utils/protocol/registry/review';
import type { AppealsTable, Db, DecisionsTable, RegistryDatabase } from '../../db/schema';
import { evidenceOf, evidenceUrl, evidenceView } from '../evidence/key-evidence';
import { caseOf, emptyCase, summaries } from './case-summaries';

const appealView = (row: Selectable<AppealsTable>) => ({
  id: row.id,
  statement: row.statement,
  contact: row.contact,
  state: row.state,
  at: row.created_at,
});

const decisionView = (row: Selectable<DecisionsTable>) => ({
  id: Number(row.id),
  status: row.status,
  reasons: JSON.parse(row.reasons) as string[],
  authority: row.authority,
  caseId: row.case_id,
  summary: JSON.parse(row.summary) as { vi: string; en: string },
  evidenceUrl: row.evidence_url,
  expires: row.expires,
  by: row.by_name,
  at: row.at,
});

export async function currentRecord(db: Db, key: string): Promise<FlagRecord | null> {
  const row = await db
    .selectFrom('records')
    .select('record')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.record) as FlagRecord) : null;
}

const STORY_REPORTS = 500;

type History = 'decisions' | 'notes' | 'audit';

/** The rows of one history table about these keys, oldest first. */
function historyOf<T extends History>(
  db: Db,
  table: T,
  keys: readonly string[],
): Promise<Selectable<RegistryDatabase[T]>[]> {
  // The three tables share `key` and `id`; Kysely types the query for one of them.
  return db
    .selectFrom(table as History as 'notes')
    .selectAll()
    .where('key', 'in', [...keys])
    .orderBy('id')
    .execute() as Promise<Selectable<RegistryDatabase[T]>[]>;
}

/** The appeals about these keys, oldest first. */
function appealsOf(db: Db, keys: readonly string[]): Promise<Selectable<AppealsTable>[]> {
  return db
    .selectFrom('appeals')
    .selectAll()
    .where('key', 'in', [...keys])
    .orderBy('created_at')
    .execute();
}

/** Everything the registry knows about one key; null when it knows nothing. */
export async function story(db: Db, key: string): Promise<CaseStory | null> {
  const [summary] = await summaries(db, [await caseOf(db, key)]);
  const record = await currentRecord(db, key);
  const reports = await db
    .selectFrom('report_keys')
    .innerJoin('reports', 'reports.id', 'report_keys.report_id')
    .leftJoin('evidence', 'evidence.report_id', 'reports.id')
    .select([
      'reports.id',
      'reports.received_at',
      'reports.body',
      'reports.site',
      'evidence.sha256',
    ])
    .where('report_keys.key', '=', key)
    .orderBy('reports.received_at', 'desc')
    .limit(STORY_REPORTS)
    .execute();
  const decisions = await historyOf(db, 'decisions', [key]);
  const notes = await historyOf(db, 'notes', [key]);
  const appeals = await appealsOf(db, [key]);
  const audit = await historyOf(db, 'audit', [key]);
  const attached = await evidenceOf(db, [key]);
  if (
    !summary ||
    (!record &&
      reports.length + decisions.length + notes.length + appeals.length + attached.length === 0)
  ) {
    return null;
  }
  return {
    case: summary,
    record,
    reports: reports.map((row) => {
      const body = JSON.parse(row.body);
      return {
        id: row.id,
        receivedAt: row.received_at,
        reasons: body.reasons,
        title: body.listing.title,
        price: body.listing.price ?? null,
        // As the shopper saw it: a report without a currency is from before one was sent (đồng).
        ...(body.listing.price !== undefined ? { currency: body.listing.currency ?? 'VND' } : {}),
        ...(body.listing.promoPrice !== undefined ? { promoPrice: body.listing.promoPrice } : {}),
        url: body.listing.url,
        // For the inspector to look at: the site is never a case, a count or a record of its own.
        ...(row.site ? { site: row.site } : {}),
        note: body.note ?? null,
        contact: body.contact ?? null,
        evidence: row.sha256 ? [evidenceUrl(row.sha256)] : [],
      };
    }),
    decisions: decisions.map(decisionView),
    notes: notes.map((row) => ({
      id: Number(row.id),
      text: row.text,
      by: row.by_name,
      at: row.at,
    })),
    appeals: appeals.map(appealView),
    evidence: attached.map(evidenceView),
    audit: audit.map((row) => ({
      action: row.action,
      by: row.by_name,
      at: row.at,
      before: row.before ? JSON.parse(row.before) : null,
      after: row.after ? JSON.parse(row.after) : null,
    })),
  };
}

/** The inspector's in-page view: for each key the registry knows, its case, record and history. */
export async function lookup(db: Db, keys: readonly string[]) {
  if (keys.length === 0) return [];
  const cases = await db
    .selectFrom('cases')
    .selectAll()
    .where('key', 'in', [...keys])
    .execute();
  const records = await db
    .selectFrom('records')
    .select(['key', 'record'])
    .where('key', 'in', [...keys])
    .execute();
  const known = new Set([...cases.map((row) => row.key), ...records.map((row) => row.key)]);
  if (known.size === 0) return [];
  const knownKeys = [...known];
  const caseRows = new Map(cases.map((row) => [row.key, row] as const));
  const summaryRows = await summaries(
    db,
    knownKeys.map((key) => caseRows.get(key) ?? emptyCase(key)),
  );
  const decisions = await historyOf(db, 'decisions', knownKeys);
  const notes = await historyOf(db, 'notes', knownKeys);
  const evidence = await db
    .selectFrom('report_keys')
    .innerJoin('evidence', 'evidence.report_id', 'report_keys.report_id')
    .select(['report_keys.key', 'evidence.sha256'])
    .where('report_keys.key', 'in', knownKeys)
    .execute();
  const attached = await evidenceOf(db, knownKeys);
  const appeals = await appealsOf(db, knownKeys);
  const recordOfKey = new Map(
    records.map((row) => [row.key, JSON.parse(row.record) as FlagRecord]),
  );
  return summaryRows.map((summary) => ({
    key: summary.key,
    case: summary,
    record: recordOfKey.get(summary.key) ?? null,
    decisions: decisions.filter((row) => row.key === summary.key).map(decisionView),
    notes: notes
      .filter((row) => row.key === summary.key)
      .map((row) => ({ id: Number(row.id), text: row.text, by: row.by_name, at: row.at })),
    evidence: evidence
      .filter((row) => row.key === summary.key)
      .map((row) => evidenceUrl(row.sha256)),
    attached: attached.filter((row) => row.key === summary.key).map(evidenceView),
    // A page's view never carries the seller's contact (the panel's full story does).
    appeals: appeals
      .filter((row) => row.key === summary.key)
      .map((row) => {
        const { contact: _contact, ...view } = appealView(row);
        return view;
      }),
  }));
}
