/**
 * The secret that keys the hash of a report's network (http/network-key.ts): made once, on the first
 * start, and kept in the database, so every instance on one database hashes a network alike and a
 * copy of the reports alone cannot be matched against a list of networks.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/schema';

const NAME = 'network';

async function stored(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('secrets')
    .select('value')
    .where('name', '=', NAME)
    .executeTakeFirst();
  return row?.value ?? null;
}

/** The network secret, made now if the database has none; of two instances racing, one wins. */
export async function networkSecret(db: Db): Promise<string> {
  const held = await stored(db);
  if (held) return held;
  await db
    .insertInto('secrets')
    .values({ name: NAME, value: randomBytes(32).toString('hex') })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const made = await stored(db);
  if (!made) throw new Error('the network secret could not be stored');
  return made;
}
