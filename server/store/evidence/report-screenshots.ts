/**
 * A reporter's screenshot, tied to its report: one a report, its image stored in the same
 * transaction (evidence-store.ts). The same screenshot again changes nothing; another one for the
 * same report is a conflict.
 */
import type { Db } from '../../db/schema';
import type { StagedEvidence } from './evidence-store';

export async function attachReportScreenshot(
  db: Db,
  reportId: string,
  screenshot: { sha256: string; mediaType: string; bytes: number },
  staged: Pick<StagedEvidence, 'persist'>,
  now: Date,
): Promise<'created' | 'repeat' | 'conflict'> {
  return db.transaction().execute(async (trx) => {
    const outcome = await attachIn(trx, reportId, screenshot, now);
    if (outcome !== 'conflict') await staged.persist(trx);
    return outcome;
  });
}

async function attachIn(
  db: Db,
  reportId: string,
  screenshot: { sha256: string; mediaType: string; bytes: number },
  now: Date,
): Promise<'created' | 'repeat' | 'conflict'> {
  const inserted = await db
    .insertInto('evidence')
    .values({
      report_id: reportId,
      sha256: screenshot.sha256,
      media_type: screenshot.mediaType,
      bytes: screenshot.bytes,
      created_at: now.toISOString(),
    })
    .onConflict((conflict) => conflict.column('report_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return 'created';
  const stored = await db
    .selectFrom('evidence')
    .select('sha256')
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  return stored.sha256 === screenshot.sha256 ? 'repeat' : 'conflict';
}
