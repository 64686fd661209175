/**
 * What inspectors read and do: the queue of cases, one key's story, decisions, notes and appeals.
 * Every change is written with its audit row (who, when, before, after) in the same transaction.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { FlagRecord } from '../../utils/protocol/records';
import type { ReportReason } from '../../utils/protocol/report';
import type {
  AppealInput,
  CaseStory,
  CaseSummary,
  DecisionInput,
  QueueQuery,
} from '../../utils/protocol/review';
import type { CasesTable, DecisionsTable, RegistryDatabase } from './schema';
import type { Inspector } from './tokens';

type Db = Kysely<RegistryDatabase>;
type Case = Omit<CasesTable, 'updated_at' | 'appeal'> & { appeal?: string | null };

async function reasonCounts(db: Db, keys: readonly string[]) {
  const counts = new Map<string, Partial<Record<ReportReason, number>>>();
  if (keys.length === 0) return counts;
  const rows = await db
    .selectFrom('report_keys')
    .innerJoin('reports', 'reports.id', 'report_keys.report_id')
    .select(['report_keys.key', 'reports.reasons'])
    .where('report_keys.key', 'in', [...keys])
    .execute();
  for (const row of rows) {
    const counted = counts.get(row.key) ?? {};
    for (const reason of JSON.parse(row.reasons) as ReportReason[]) {
      counted[reason] = (counted[reason] ?? 0) + 1;
    }
    counts.set(row.key, counted);
  }
  return counts;
}

async function summaries(db: Db, cases: readonly Case[]): Promise<CaseSummary[]> {
  const reasons = await reasonCounts(
    db,
    cases.map((row) => row.key),
  );
  return cases.map((row) => ({
    key: row.key,
    status: row.status,
    reports: Number(row.report_count),
    reasons: reasons.get(row.key) ?? {},
    appeals: Number(row.appeal_count),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  }));
}

const encodeCursor = (row: { last_seen: string | null; key: string }) =>
  Buffer.from(JSON.stringify([row.last_seen ?? '', row.key])).toString('base64url');

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string'
      ? [value[0], value[1]]
      : null;
  } catch {
    return null;
  }
}

export class CursorError extends Error {}

/** The queue: cases newest first, filtered, a page at a time. */
export async function queue(db: Db, query: QueueQuery) {
  const limit = query.limit ?? 50;
  let select = db.selectFrom('cases').selectAll();
  if (query.platform) select = select.where('key', 'like', `${query.platform}:%`);
  if (query.status) select = select.where('status', '=', query.status);
  if (query.min) select = select.where('report_count', '>=', query.min);
  if (query.from) select = select.where('last_seen', '>=', query.from);
  if (query.to) select = select.where('first_seen', '<=', query.to);
  if (query.appealed) select = select.where('appeal_count', '>', 0);
  if (query.reason) {
    const needle = `%"${query.reason}"%`;
    select = select.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('report_keys')
          .innerJoin('reports', 'reports.id', 'report_keys.report_id')
          .select('report_keys.key')
          .whereRef('report_keys.key', '=', 'cases.key')
          .where('reports.reasons', 'like', needle),
      ),
    );
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    if (!after) throw new CursorError('the cursor is not one this server gave');
    const [lastSeen, key] = after;
    select = select.where((eb) =>
      eb.or([
        eb('last_seen', '<', lastSeen),
        eb.and([eb('last_seen', '=', lastSeen), eb('key', '>', key)]),
      ]),
    );
  }
  const rows = await select
    .orderBy('last_seen', 'desc')
    .orderBy('key', 'asc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await summaries(db, page),
    next: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

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

/** A key nobody has reported or appealed yet. */
const emptyCase = (key: string): Case => ({
  key,
  status: 'open',
  report_count: 0,
  appeal_count: 0,
  first_seen: null,
  last_seen: null,
});

async function caseOf(db: Db, key: string): Promise<Case> {
  const row = await db.selectFrom('cases').selectAll().where('key', '=', key).executeTakeFirst();
  return row ?? emptyCase(key);
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

/** Everything the registry knows about one key; null when it knows nothing. */
export async function story(db: Db, key: string): Promise<CaseStory | null> {
  const [summary] = await summaries(db, [await caseOf(db, key)]);
  const record = await currentRecord(db, key);
  const reports = await db
    .selectFrom('report_keys')
    .innerJoin('reports', 'reports.id', 'report_keys.report_id')
    .leftJoin('evidence', 'evidence.report_id', 'reports.id')
    .select(['reports.id', 'reports.received_at', 'reports.body', 'evidence.sha256'])
    .where('report_keys.key', '=', key)
    .orderBy('reports.received_at', 'desc')
    .limit(STORY_REPORTS)
    .execute();
  const decisions = await historyOf(db, 'decisions', [key]);
  const notes = await historyOf(db, 'notes', [key]);
  const appeals = await db
    .selectFrom('appeals')
    .selectAll()
    .where('key', '=', key)
    .orderBy('created_at')
    .execute();
  const audit = await historyOf(db, 'audit', [key]);
  if (
    !summary ||
    (!record && reports.length + decisions.length + notes.length + appeals.length === 0)
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
        url: body.listing.url,
        note: body.note ?? null,
        contact: body.contact ?? null,
        evidence: row.sha256 ? [`/v1/review/evidence/${row.sha256}`] : [],
      };
    }),
    decisions: decisions.map(decisionView),
    notes: notes.map((row) => ({
      id: Number(row.id),
      text: row.text,
      by: row.by_name,
      at: row.at,
    })),
    appeals: appeals.map((row) => ({
      id: row.id,
      statement: row.statement,
      contact: row.contact,
      state: row.state,
      at: row.created_at,
    })),
    audit: audit.map((row) => ({
      action: row.action,
      by: row.by_name,
      at: row.at,
      before: row.before ? JSON.parse(row.before) : null,
      after: row.after ? JSON.parse(row.after) : null,
    })),
  };
}

async function audit(
  trx: Transaction<RegistryDatabase>,
  entry: {
    key: string;
    action: string;
    by: Inspector;
    before: unknown;
    after: unknown;
    at: string;
  },
) {
  await trx
    .insertInto('audit')
    .values({
      key: entry.key,
      action: entry.action,
      by_token: entry.by.tokenId,
      by_name: entry.by.name,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      at: entry.at,
    })
    .execute();
}

async function touchCase(
  trx: Transaction<RegistryDatabase>,
  key: string,
  set: Partial<Pick<CasesTable, 'status' | 'appeal'>>,
  at: string,
  appealDelta = 0,
) {
  await trx
    .insertInto('cases')
    .values({
      key,
      status: set.status ?? 'open',
      report_count: 0,
      appeal_count: appealDelta,
      // A case always has times, so the queue's order and its cursor never meet a null.
      first_seen: at,
      last_seen: at,
      appeal: set.appeal ?? null,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        ...set,
        appeal_count: (eb) => eb('cases.appeal_count', '+', appealDelta),
        // An appeal is news for the queue; an inspector's own action is not.
        ...(appealDelta > 0 ? { last_seen: at } : {}),
        updated_at: at,
      }),
    )
    .execute();
}

/** The record a decision publishes. */
function recordOf(
  input: DecisionInput,
  by: Inspector,
  previous: FlagRecord | null,
  day: string,
  reports: number,
): FlagRecord {
  return {
    key: input.key,
    status: input.status,
    reasons: input.reasons,
    authority: input.authority ?? by.name,
    ...(input.caseId ? { caseId: input.caseId } : {}),
    summary: input.summary,
    ...(input.evidenceUrl ? { evidenceUrl: input.evidenceUrl } : {}),
    ...(reports > 0 ? { reportCount: reports } : {}),
    ...(previous?.name ? { name: previous.name } : {}),
    firstSeen: previous?.firstSeen ?? day,
    updated: day,
    ...(input.expires ? { expires: input.expires } : {}),
  };
}

/** Records a decision: the decision row, the record the feed will publish, the case, the audit. */
export async function decide(db: Db, input: DecisionInput, by: Inspector, now: Date) {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const before = await currentRecord(trx, input.key);
    const { report_count } = await caseOf(trx, input.key);
    const inserted = await trx
      .insertInto('decisions')
      .values({
        key: input.key,
        status: input.status,
        reasons: JSON.stringify(input.reasons),
        authority: input.authority ?? null,
        case_id: input.caseId ?? null,
        summary: JSON.stringify(input.summary),
        evidence_url: input.evidenceUrl ?? null,
        expires: input.expires ?? null,
        by_token: by.tokenId,
        by_name: by.name,
        at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = recordOf(input, by, before, at.slice(0, 10), Number(report_count));
    await trx
      .insertInto('records')
      .values({ key: input.key, record: JSON.stringify(after), source: 'decision', updated_at: at })
      .onConflict((conflict) =>
        conflict
          .column('key')
          .doUpdateSet({ record: JSON.stringify(after), source: 'decision', updated_at: at }),
      )
      .execute();
    await touchCase(trx, input.key, { status: input.status, appeal: null }, at);
    // A new decision answers the appeals that were taken up.
    await trx
      .updateTable('appeals')
      .set({ state: 'resolved' })
      .where('key', '=', input.key)
      .where('state', '=', 'accepted')
      .execute();
    const decided = await trx
      .selectFrom('report_keys')
      .select('report_id')
      .where('key', '=', input.key)
      .execute();
    if (decided.length > 0) {
      await trx
        .updateTable('reports')
        .set({ state: 'decided', decision_id: Number(inserted.id) })
        .where(
          'id',
          'in',
          decided.map((row) => row.report_id),
        )
        .execute();
    }
    await audit(trx, { key: input.key, action: `decide:${input.status}`, by, before, after, at });
    return { id: Number(inserted.id), record: after };
  });
}

export async function addNote(db: Db, key: string, text: string, by: Inspector, now: Date) {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('notes')
      .values({ key, text, by_token: by.tokenId, by_name: by.name, at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touchCase(trx, key, {}, at);
    const reviewed = await trx
      .selectFrom('report_keys')
      .select('report_id')
      .where('key', '=', key)
      .execute();
    if (reviewed.length > 0) {
      await trx
        .updateTable('reports')
        .set({ state: 'in_review' })
        .where('state', '=', 'received')
        .where(
          'id',
          'in',
          reviewed.map((row) => row.report_id),
        )
        .execute();
    }
    await audit(trx, { key, action: 'note', by, before: null, after: { text }, at });
    return { id: Number(inserted.id) };
  });
}

export async function saveAppeal(db: Db, id: string, input: AppealInput, now: Date) {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('appeals')
      .values({
        id,
        key: input.key,
        statement: input.statement,
        contact: input.contact ?? null,
        state: 'received',
        created_at: at,
      })
      .execute();
    await touchCase(trx, input.key, {}, at, 1);
  });
}

/** Takes an appeal up (its record is published as contested) or turns it down. */
export async function answerAppeal(
  db: Db,
  id: string,
  state: 'accepted' | 'rejected',
  by: Inspector,
  now: Date,
): Promise<'done' | 'unknown' | 'answered'> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const appeal = await trx
      .selectFrom('appeals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!appeal) return 'unknown';
    if (appeal.state !== 'received') return 'answered';
    await trx.updateTable('appeals').set({ state }).where('id', '=', id).execute();
    if (state === 'accepted') await touchCase(trx, appeal.key, { appeal: 'pending' }, at);
    await audit(trx, {
      key: appeal.key,
      action: `appeal:${state}`,
      by,
      before: { state: appeal.state },
      after: { state },
      at,
    });
    return 'done';
  });
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
      .map((row) => `/v1/review/evidence/${row.sha256}`),
  }));
}
