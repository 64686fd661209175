/**
 * The records the feed publishes: imported official ones and inspectors' decisions (stored), plus
 * community reports over the threshold (derived at publish time, never stored as a finding).
 */
import type { FlagRecord } from '../../../utils/protocol/records';
import { chunks } from '../../db/chunks';
import type { Db } from '../../db/schema';

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
