/**
 * The records the feed publishes: imported official ones and inspectors' decisions (stored), plus
 * community reports over the threshold (derived at publish time, never stored as a finding).
 */
import type { Kysely } from 'kysely';
import type { FlagRecord } from '../../../utils/protocol/records';
import { chunks } from '../../db/chunks';
import type { RegistryDatabase } from '../../db/schema';

type Db = Kysely<RegistryDatabase>;

const IMPORT_BATCH = 500;

/**
 * Stores checked records as imported (one transaction: all or none). A key an inspector has
 * decided keeps the decision: an import never overwrites a newer human judgement.
 */
export async function importRecords(db: Db, records: readonly FlagRecord[], now: Date) {
  const at = now.toISOString();
  let written = 0;
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < records.length; start += IMPORT_BATCH) {
      const batch = records.slice(start, start + IMPORT_BATCH);
      const result = await trx
        .insertInto('records')
        .values(
          batch.map((record) => ({
            key: record.key,
            record: JSON.stringify(record),
            source: 'import' as const,
            updated_at: at,
          })),
        )
        .onConflict((conflict) =>
          conflict
            .column('key')
            .doUpdateSet((update) => ({
              record: update.ref('excluded.record'),
              updated_at: update.ref('excluded.updated_at'),
            }))
            .where('records.source', '=', 'import'),
        )
        .executeTakeFirst();
      written += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return { written, kept: records.length - written };
}

export interface CommunityRule {
  /** Distinct install ids needed within the window. */
  threshold: number;
  windowDays: number;
}

function communityRecord(key: string, clients: number, first: string, last: string): FlagRecord {
  return {
    key,
    status: 'reported',
    reasons: ['community_reports'],
    authority: 'Soi Hàng',
    summary: {
      vi: `Có ${clients} phản ánh chưa xác minh từ người mua về tin đăng hoặc người bán này.`,
      en: `${clients} unverified reports from shoppers about this listing or seller.`,
    },
    reportCount: clients,
    firstSeen: first.slice(0, 10),
    updated: last.slice(0, 10),
  };
}

/** Keys reported by at least `threshold` installs within the window and not decided otherwise. */
async function communityRecords(db: Db, rule: CommunityRule, now: Date): Promise<FlagRecord[]> {
  const since = new Date(now.getTime() - rule.windowDays * 86_400_000).toISOString();
  const rows = await db
    .selectFrom('report_keys')
    .innerJoin('reports', 'reports.id', 'report_keys.report_id')
    .select((eb) => [
      'report_keys.key as key',
      eb.fn.count<number>('reports.client_id').distinct().as('clients'),
      eb.fn.min<string>('reports.received_at').as('first'),
      eb.fn.max<string>('reports.received_at').as('last'),
    ])
    .where('reports.received_at', '>=', since)
    .groupBy('report_keys.key')
    .having((eb) => eb.fn.count('reports.client_id').distinct(), '>=', rule.threshold)
    .execute();
  return rows.map((row) => communityRecord(row.key, Number(row.clients), row.first, row.last));
}

/** Every record the next feed sequence carries, with contested ones marked. */
export async function publishableRecords(
  db: Db,
  rule: CommunityRule,
  now: Date,
): Promise<FlagRecord[]> {
  const stored = new Map<string, FlagRecord>();
  for (const row of await db.selectFrom('records').select(['key', 'record']).execute()) {
    stored.set(row.key, JSON.parse(row.record) as FlagRecord);
  }
  const reported: string[] = [];
  for (const record of await communityRecords(db, rule, now)) {
    if (stored.has(record.key)) continue;
    stored.set(record.key, record);
    reported.push(record.key);
  }
  // The queue shows which open cases the feed now carries as community reports.
  for (const part of chunks(reported)) {
    await db
      .updateTable('cases')
      .set({ status: 'reported' })
      .where('status', '=', 'open')
      .where('key', 'in', part)
      .execute();
  }
  const contested = await db
    .selectFrom('cases')
    .select('key')
    .where('appeal', '=', 'pending')
    .execute();
  for (const { key } of contested) {
    const record = stored.get(key);
    if (record) stored.set(key, { ...record, appeal: 'pending' });
  }
  return [...stored.values()];
}

export async function recordPublish(
  db: Db,
  entry: { sequence: number; publishedAt: string; records: number; changes: number },
) {
  await db
    .insertInto('publishes')
    .values({
      sequence: entry.sequence,
      published_at: entry.publishedAt,
      records: entry.records,
      changes: entry.changes,
    })
    .onConflict((conflict) => conflict.column('sequence').doNothing())
    .execute();
}

/** The last published sequence and how many records it held (null: nothing published yet). */
export async function lastPublished(db: Db): Promise<{ sequence: number; records: number } | null> {
  const row = await db
    .selectFrom('publishes')
    .select(['sequence', 'records'])
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { sequence: Number(row.sequence), records: Number(row.records) } : null;
}

/** Whether the database has never held a record nor published a feed: a first start. */
export async function isEmptyRegistry(db: Db): Promise<boolean> {
  const [record, published] = await Promise.all([
    db.selectFrom('records').select('key').limit(1).executeTakeFirst(),
    db.selectFrom('publishes').select('sequence').limit(1).executeTakeFirst(),
  ]);
  return !record && !published;
}

export async function lastPublish(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('publishes')
    .select('sequence')
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.sequence) : null;
}
