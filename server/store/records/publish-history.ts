/**
 * Which feed sequences the registry has published and how many records each held: the next
 * publish's shrink guard, the health check's sequence and the first start's emptiness read it.
 */
import type { Db } from '../../db/schema';

/** Records a published sequence; false when that sequence is already recorded (never overwritten). */
export async function recordPublish(
  db: Db,
  entry: { sequence: number; publishedAt: string; records: number; changes: number },
): Promise<boolean> {
  const inserted = await db
    .insertInto('publishes')
    .values({
      sequence: entry.sequence,
      published_at: entry.publishedAt,
      records: entry.records,
      changes: entry.changes,
    })
    .onConflict((conflict) => conflict.column('sequence').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes back a claimed sequence whose files could not be written. */
export async function forgetPublish(db: Db, sequence: number): Promise<void> {
  await db.deleteFrom('publishes').where('sequence', '=', sequence).execute();
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
