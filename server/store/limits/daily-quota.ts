/**
 * Daily allowances counted in the database (the `appeal_quota` table, named for its first user:
 * one row per scope and UTC day), so every instance on one database agrees. Scopes are prefixed by
 * what they limit (`key:`, `network:` for appeals, `layout-network:` for layout reports).
 */
import type { Transaction } from 'kysely';
import type { RegistryDatabase } from '../../db/schema';

/** Thrown inside the transaction so the day's counts it took are rolled back with it. */
export class OverLimit extends Error {}

/**
 * Takes one of the day's allowance of `scope`, or throws OverLimit. The upsert takes the row's
 * lock, so of two instances counting at once the second sees the first's count.
 */
export async function takeDaily(
  trx: Transaction<RegistryDatabase>,
  scope: string,
  day: string,
  limit: number,
): Promise<void> {
  const row = await trx
    .insertInto('appeal_quota')
    .values({ scope, day, used: 1 })
    .onConflict((conflict) =>
      conflict.columns(['scope', 'day']).doUpdateSet((eb) => ({
        used: eb('appeal_quota.used', '+', 1),
      })),
    )
    .returning('used')
    .executeTakeFirstOrThrow();
  if (Number(row.used) > limit) throw new OverLimit();
}

/** Past days' counts are never read again. */
export async function dropPastDays(trx: Transaction<RegistryDatabase>, day: string): Promise<void> {
  await trx.deleteFrom('appeal_quota').where('day', '<', day).execute();
}
