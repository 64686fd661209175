/**
 * A seller's appeals as they arrive: each one stored with its case touched, within a daily
 * allowance per key and per network counted in the database (appeal_quota), so every instance on
 * one database agrees and one person cannot flood the queue about one key or from one network.
 */
import type { AppealInput, AppealState } from '../../../utils/protocol/registry/review';
import type { Db } from '../../db/schema';
import { touchCase } from '../cases/case-writes';
import { dropPastDays, OverLimit, takeDaily } from '../limits/daily-quota';

export interface AppealLimits {
  perKey: number;
  perNetwork: number;
}

/**
 * Stores an appeal if neither its key nor its network has used the day's (UTC) allowance; 'limit'
 * when one has, and then nothing is stored or counted. `network` is the keyed hash of the sender's
 * network (null when it had no address: such senders share one allowance).
 */
export async function saveAppeal(
  db: Db,
  appeal: { id: string; input: AppealInput; network: string | null },
  limits: AppealLimits,
  now: Date,
): Promise<'saved' | 'limit'> {
  const at = now.toISOString();
  const day = at.slice(0, 10);
  const { id, input } = appeal;
  try {
    await db.transaction().execute(async (trx) => {
      await takeDaily(trx, `key:${input.key}`, day, limits.perKey);
      await takeDaily(trx, `network:${appeal.network ?? 'unknown'}`, day, limits.perNetwork);
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
      await dropPastDays(trx, day);
    });
    return 'saved';
  } catch (error) {
    if (error instanceof OverLimit) return 'limit';
    throw error;
  }
}

/** Where an appeal stands, for the seller who holds its id; null when no appeal has it. */
export async function appealState(
  db: Db,
  id: string,
): Promise<{ key: string; state: AppealState; receivedAt: string } | null> {
  const row = await db
    .selectFrom('appeals')
    .select(['key', 'state', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { key: row.key, state: row.state, receivedAt: row.created_at } : null;
}
