/**
 * Named leases in the database: at most one holder at a time, until the lease expires unless its
 * holder renews it. Instances use one to agree which of them runs the scheduled publish; when that
 * instance dies, its lease runs out and another takes it. Expiry is by the instances' clocks, which
 * must agree to well within a lease's length (NTP does).
 */
import type { Db } from '../../db/schema';

/** Takes the lease, or renews it for its holder; false while another holder's lease runs. */
export async function takeLease(
  db: Db,
  name: string,
  holder: string,
  lengthMs: number,
  nowMs = Date.now(),
): Promise<boolean> {
  const result = await db
    .insertInto('leases')
    .values({ name, holder, expires_at: nowMs + lengthMs })
    .onConflict((conflict) =>
      conflict
        .column('name')
        .doUpdateSet((update) => ({
          holder: update.ref('excluded.holder'),
          expires_at: update.ref('excluded.expires_at'),
        }))
        .where((where) =>
          where.or([where('leases.holder', '=', holder), where('leases.expires_at', '<', nowMs)]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Gives the lease up at once (a clean stop), so another holder need not wait for it to expire. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}

export async function leaseHolder(db: Db, name: string): Promise<string | null> {
  const row = await db
    .selectFrom('leases')
    .select(['holder', 'expires_at'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row && Number(row.expires_at) >= Date.now() ? row.holder : null;
}
