/**
 * Official records into the database: checked records stored as imported, all or none, without
 * ever overwriting a key an inspector has decided.
 */
import type { FlagRecord } from '../../../utils/protocol/records';
import { chunks } from '../../db/chunks';
import type { Db } from '../../db/schema';

const IMPORT_BATCH = 500;

/**
 * Stores checked records as imported (one transaction: all or none). A key an inspector has
 * decided keeps the decision: an import never overwrites a newer human judgement.
 */
export async function importRecords(db: Db, records: readonly FlagRecord[], now: Date) {
  const at = now.toISOString();
  let written = 0;
  await db.transaction().execute(async (trx) => {
    for (const batch of chunks(records, IMPORT_BATCH)) {
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
