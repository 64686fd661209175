/**
 * The review queue: one row per key anyone has reported, appealed or decided (the cases table the
 * case projection keeps), newest first, filtered, a page at a time, with each key's reasons counted.
 */
import type { Kysely } from 'kysely';
import type { ReportReason } from '../../utils/protocol/report';
import type { CaseSummary, QueueQuery } from '../../utils/protocol/review';
import type { CasesTable, RegistryDatabase } from './schema';

export type Db = Kysely<RegistryDatabase>;
export type Case = Omit<CasesTable, 'updated_at' | 'appeal'> & { appeal?: string | null };

/** A key nobody has reported or appealed yet. */
export const emptyCase = (key: string): Case => ({
  key,
  status: 'open',
  report_count: 0,
  appeal_count: 0,
  first_seen: null,
  last_seen: null,
});

export async function caseOf(db: Db, key: string): Promise<Case> {
  const row = await db.selectFrom('cases').selectAll().where('key', '=', key).executeTakeFirst();
  return row ?? emptyCase(key);
}

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

export async function summaries(db: Db, cases: readonly Case[]): Promise<CaseSummary[]> {
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
