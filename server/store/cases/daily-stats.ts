/**
 * The dashboard's chart: reports received (with their distinct installs and networks, side by side)
 * and decisions made per day (UTC) and platform, over the last `days` days. Grouped in SQL for
 * reports (they are many); decisions are few and grouped here.
 */
import { sql } from 'kysely';
import type { Stats } from '../../../utils/protocol/registry/review';
import type { Db } from '../../db/schema';

const DAY_MS = 86_400_000;

export async function stats(db: Db, days: number, now: Date): Promise<Stats> {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  const day = sql<string>`substr(received_at, 1, 10)`;
  const reports = await db
    .selectFrom('reports')
    .select((eb) => [
      day.as('day'),
      'platform',
      eb.fn.countAll<number>().as('count'),
      eb.fn.count<number>('client_id').distinct().as('installs'),
      // Reports from before networks were counted have none: count(distinct) leaves them out.
      eb.fn.count<number>('network').distinct().as('networks'),
    ])
    .where('received_at', '>=', from)
    .groupBy([day, 'platform'])
    .execute();
  const decisions = await db
    .selectFrom('decisions')
    .select(['key', 'at'])
    .where('at', '>=', from)
    .execute();
  const rows = new Map<string, Stats['rows'][number]>();
  const rowOf = (dayOf: string, platform: string) => {
    const id = `${dayOf} ${platform}`;
    let row = rows.get(id);
    if (!row) {
      row = { day: dayOf, platform, reports: 0, installs: 0, networks: 0, decisions: 0 };
      rows.set(id, row);
    }
    return row;
  };
  for (const row of reports) {
    const counted = rowOf(row.day, row.platform);
    counted.reports += Number(row.count);
    counted.installs = Number(row.installs);
    counted.networks = Number(row.networks);
  }
  for (const row of decisions) {
    // A key's platform is its first part (`domain` for web domains).
    rowOf(row.at.slice(0, 10), row.key.slice(0, row.key.indexOf(':'))).decisions++;
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.day.localeCompare(b.day) || a.platform.localeCompare(b.platform),
  );
  return { from, to, rows: sorted };
}
