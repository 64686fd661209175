/**
 * The review queue: one row per key anyone has reported, appealed or decided (the cases table the
 * case projection keeps), newest first (or most reports, or most distinct networks first),
 * filtered, a page at a time, with each key's reasons counted and the listing title of its latest
 * report.
 */
import { sql } from 'kysely';
import { hasControlCharacters } from '../../../utils/protocol/control-characters';
import type { QueueQuery } from '../../../utils/protocol/registry/review';
import type { CasesTable, Db } from '../../db/schema';
import { summaries } from './case-summaries';

/** The listing title each key's latest report gave (the newest received; ties by report id). */
async function latestTitles(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  if (keys.length === 0) return titles;
  const rows = await db
    .selectFrom('report_keys as rk')
    .innerJoin('reports as r', 'r.id', 'rk.report_id')
    .select(['rk.key', 'r.body'])
    .where('rk.key', 'in', [...keys])
    .where((eb) =>
      eb(
        'r.received_at',
        '=',
        eb
          .selectFrom('report_keys as rk2')
          .innerJoin('reports as r2', 'r2.id', 'rk2.report_id')
          .select((inner) => inner.fn.max('r2.received_at').as('latest'))
          .whereRef('rk2.key', '=', 'rk.key'),
      ),
    )
    .orderBy('r.id')
    .execute();
  for (const row of rows) {
    if (titles.has(row.key)) continue;
    const title = (JSON.parse(row.body) as { listing?: { title?: unknown } }).listing?.title;
    if (typeof title === 'string') titles.set(row.key, title.slice(0, 500));
  }
  return titles;
}

type Sort = NonNullable<QueueQuery['sort']>;

/** The counter each count order sorts by. */
const COUNTED = { reports: 'report_count', networks: 'network_count' } as const;
type CountSort = keyof typeof COUNTED;

/** A cursor names the order it belongs to and where the last page ended in it. */
const encodeCursor = (
  sort: Sort,
  row: Pick<CasesTable, 'last_seen' | 'report_count' | 'network_count' | 'key'>,
) =>
  Buffer.from(
    JSON.stringify(
      sort === 'recent'
        ? [row.last_seen ?? '', row.key]
        : [sort, Number(row[COUNTED[sort]]), row.key],
    ),
  ).toString('base64url');

/** Text from a cursor goes into a query: never a control character (PostgreSQL refuses a NUL). */
const plain = (value: unknown): value is string =>
  typeof value === 'string' && !hasControlCharacters(value);

function decodeCursor(
  cursor: string,
  sort: Sort,
):
  | { kind: 'recent'; lastSeen: string; key: string }
  | { kind: CountSort; count: number; key: string }
  | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value)) return null;
    if (sort !== 'recent') {
      return value.length === 3 &&
        value[0] === sort &&
        Number.isSafeInteger(value[1]) &&
        plain(value[2])
        ? { kind: sort, count: value[1], key: value[2] }
        : null;
    }
    return value.length === 2 && plain(value[0]) && plain(value[1])
      ? { kind: 'recent', lastSeen: value[0], key: value[1] }
      : null;
  } catch {
    return null;
  }
}

/** `q` is matched as it is typed: LIKE's own wildcards in it are taken literally. */
const likeContaining = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class CursorError extends Error {}

/** The queue: cases newest first, filtered, a page at a time. */
export async function queue(db: Db, query: QueueQuery) {
  const limit = query.limit ?? 50;
  let select = db.selectFrom('cases').selectAll();
  if (query.platform) select = select.where('key', 'like', `${query.platform}:%`);
  if (query.status) select = select.where('status', '=', query.status);
  if (query.min) select = select.where('report_count', '>=', query.min);
  if (query.minNetworks) select = select.where('network_count', '>=', query.minNetworks);
  if (query.from) select = select.where('last_seen', '>=', query.from);
  if (query.to) select = select.where('first_seen', '<=', query.to);
  if (query.appealed) select = select.where('appeal_count', '>', 0);
  if (query.q) {
    const needle = likeContaining(query.q.trim().toLowerCase());
    select = select.where(sql<boolean>`lower(key) like ${needle} escape '\\'`);
  }
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
  const sort: Sort = query.sort ?? 'recent';
  if (query.cursor) {
    const after = decodeCursor(query.cursor, sort);
    if (!after) throw new CursorError('the cursor is not one this server gave');
    select =
      after.kind !== 'recent'
        ? select.where((eb) =>
            eb.or([
              eb(COUNTED[after.kind], '<', after.count),
              eb.and([eb(COUNTED[after.kind], '=', after.count), eb('key', '>', after.key)]),
            ]),
          )
        : select.where((eb) =>
            eb.or([
              eb('last_seen', '<', after.lastSeen),
              eb.and([eb('last_seen', '=', after.lastSeen), eb('key', '>', after.key)]),
            ]),
          );
  }
  const ordered =
    sort === 'recent'
      ? select.orderBy('last_seen', 'desc').orderBy('key', 'asc')
      : select.orderBy(COUNTED[sort], 'desc').orderBy('key', 'asc');
  const rows = await ordered.limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const titles = await latestTitles(
    db,
    page.map((row) => row.key),
  );
  return {
    items: (await summaries(db, page)).map((summary) => ({
      ...summary,
      title: titles.get(summary.key) ?? null,
    })),
    next: rows.length > limit && last ? encodeCursor(sort, last) : null,
  };
}
