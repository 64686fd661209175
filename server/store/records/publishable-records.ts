/**
 * The records the feed publishes: imported official ones and inspectors' decisions (stored), plus,
 * only where the operator turned it on (COMMUNITY_THRESHOLD), keys reported from enough distinct
 * networks (derived at publish time, never stored as a finding).
 */
import type { FlagRecord } from '../../../utils/protocol/records';
import { chunks } from '../../db/chunks';
import type { Db } from '../../db/schema';

export interface CommunityRule {
  /** Distinct networks needed within the window; 0: community reports never publish by themselves. */
  threshold: number;
  windowDays: number;
}

/**
 * A key reported from `networks` distinct networks. The words say what the registry can vouch for,
 * networks, and never "shoppers" (người mua): install ids are made up at will and one person may use
 * several networks, so the number is of networks, not of people.
 */
function communityRecord(key: string, networks: number, first: string, last: string): FlagRecord {
  return {
    key,
    status: 'reported',
    reasons: ['community_reports'],
    authority: 'Soi Hàng',
    summary: {
      vi: `Có phản ánh chưa xác minh về tin đăng hoặc người bán này, gửi từ ${networks} mạng khác nhau. Chưa có thanh tra viên xem xét.`,
      en: `Unverified reports about this listing or seller, sent from ${networks} different networks. No inspector has reviewed them yet.`,
    },
    reportCount: networks,
    firstSeen: first.slice(0, 10),
    updated: last.slice(0, 10),
  };
}

/** Keys reported from at least `threshold` networks within the window (none when it is 0). */
async function communityRecords(db: Db, rule: CommunityRule, now: Date): Promise<FlagRecord[]> {
  if (rule.threshold <= 0) return [];
  const since = new Date(now.getTime() - rule.windowDays * 86_400_000).toISOString();
  const rows = await db
    .selectFrom('report_keys')
    .innerJoin('reports', 'reports.id', 'report_keys.report_id')
    .select((eb) => [
      'report_keys.key as key',
      eb.fn.count<number>('reports.network').distinct().as('networks'),
      eb.fn.min<string>('reports.received_at').as('first'),
      eb.fn.max<string>('reports.received_at').as('last'),
    ])
    .where('reports.received_at', '>=', since)
    .groupBy('report_keys.key')
    .having((eb) => eb.fn.count('reports.network').distinct(), '>=', rule.threshold)
    .execute();
  return rows.map((row) => communityRecord(row.key, Number(row.networks), row.first, row.last));
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
