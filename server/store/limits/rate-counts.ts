/**
 * Rate-limit counters in the shared database, for instances behind one load balancer: one row per
 * key and fixed minute, counted by the database's clock, so every instance adds to the same count
 * and agrees on when the minute ends.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/schema';

export interface CountedHit {
  hits: number;
  /** When this minute's count ends (ms since the epoch). */
  resetAt: number;
}

/** Adds one hit to the key's count for the database's current minute and returns the count. */
export async function countHit(db: Db, key: string): Promise<CountedHit> {
  const { rows } = await sql<{ hits: number; minute: string | number }>`
    insert into rate_counts (key, minute, hits)
    values (${key}, floor(extract(epoch from clock_timestamp()) / 60)::bigint, 1)
    on conflict (key, minute) do update set hits = rate_counts.hits + 1
    returning hits, minute`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('the rate count was not returned');
  return { hits: Number(row.hits), resetAt: (Number(row.minute) + 1) * 60_000 };
}

/** Takes back one hit of the current minute (a request the limiter was told not to count). */
export async function uncountHit(db: Db, key: string): Promise<void> {
  await sql`update rate_counts set hits = hits - 1
    where key = ${key} and minute = floor(extract(epoch from clock_timestamp()) / 60)::bigint
      and hits > 0`.execute(db);
}

export async function resetCount(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_counts').where('key', '=', key).execute();
}

/** Removes the counts of minutes that ended (run now and then; they count nothing any more). */
export async function dropEndedCounts(db: Db): Promise<number> {
  const result = await sql`delete from rate_counts
    where minute < floor(extract(epoch from clock_timestamp()) / 60)::bigint`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
