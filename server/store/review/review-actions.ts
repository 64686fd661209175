/**
 * What inspectors change: decisions (and the record each publishes), notes and answers to appeals
 * (sellers' appeals arrive through appeal-intake.ts). Every change is written with its audit row
 * (who, when, before, after) in the same transaction.
 */
import type { Transaction } from 'kysely';
import { kindOfKey } from '../../../utils/protocol/keys';
import type { FlagRecord } from '../../../utils/protocol/records';
import type { DecisionInput } from '../../../utils/protocol/registry/review';
import type { Db, RegistryDatabase } from '../../db/schema';
import { currentRecord } from '../cases/case-story';
import { caseOf } from '../cases/case-summaries';
import { audit, touchCase } from '../cases/case-writes';
import type { Inspector } from '../tokens/inspector-tokens';
import { type Once, once } from './action-ids';

/**
 * The record a decision publishes. A `reported` one publishes the case's reports, unverified, in the
 * inspector's words, with the count of reports beside them. Only a confirmed decision about a domain
 * (which names its authority and case) may block it; nothing else an inspector publishes does.
 */
function recordOf(
  input: DecisionInput,
  by: Inspector,
  previous: FlagRecord | null,
  day: string,
  reports: number,
): FlagRecord {
  return {
    key: input.key,
    status: input.status,
    reasons: input.reasons,
    authority: input.authority ?? by.name,
    ...(input.caseId ? { caseId: input.caseId } : {}),
    summary: input.summary,
    ...(input.evidenceUrl ? { evidenceUrl: input.evidenceUrl } : {}),
    ...(reports > 0 ? { reportCount: reports } : {}),
    ...(previous?.name ? { name: previous.name } : {}),
    firstSeen: previous?.firstSeen ?? day,
    updated: day,
    ...(input.expires ? { expires: input.expires } : {}),
    ...(input.status === 'confirmed' && kindOfKey(input.key) === 'domain'
      ? { blocking: true as const }
      : {}),
  };
}

/** The ids of the reports about a key, whose state a decision or a note moves on. */
async function reportIdsOf(trx: Transaction<RegistryDatabase>, key: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('report_keys')
    .select('report_id')
    .where('key', '=', key)
    .execute();
  return rows.map((row) => row.report_id);
}

type Decided = { id: number; record: FlagRecord };

/**
 * Records a decision: the decision row, the record the feed will publish, the case, the audit.
 * A decision sent again with its id is recorded once.
 */
export async function decide(
  db: Db,
  input: DecisionInput,
  by: Inspector,
  now: Date,
): Promise<Once<Decided>> {
  const at = now.toISOString();
  const { id: actionId, ...body } = input;
  return db
    .transaction()
    .execute((trx) =>
      once(trx, { id: actionId, kind: 'decision', body, at }, () => decideIn(trx, input, by, at)),
    );
}

async function decideIn(
  trx: Transaction<RegistryDatabase>,
  input: DecisionInput,
  by: Inspector,
  at: string,
): Promise<Decided> {
  const before = await currentRecord(trx, input.key);
  const { report_count } = await caseOf(trx, input.key);
  const inserted = await trx
    .insertInto('decisions')
    .values({
      key: input.key,
      status: input.status,
      reasons: JSON.stringify(input.reasons),
      authority: input.authority ?? null,
      case_id: input.caseId ?? null,
      summary: JSON.stringify(input.summary),
      evidence_url: input.evidenceUrl ?? null,
      expires: input.expires ?? null,
      by_token: by.tokenId,
      by_name: by.name,
      at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = recordOf(input, by, before, at.slice(0, 10), Number(report_count));
  await trx
    .insertInto('records')
    .values({ key: input.key, record: JSON.stringify(after), source: 'decision', updated_at: at })
    .onConflict((conflict) =>
      conflict
        .column('key')
        .doUpdateSet({ record: JSON.stringify(after), source: 'decision', updated_at: at }),
    )
    .execute();
  await touchCase(trx, input.key, { status: input.status, appeal: null }, at);
  // A new decision answers the appeals that were taken up.
  await trx
    .updateTable('appeals')
    .set({ state: 'resolved' })
    .where('key', '=', input.key)
    .where('state', '=', 'accepted')
    .execute();
  const decided = await reportIdsOf(trx, input.key);
  if (decided.length > 0) {
    await trx
      .updateTable('reports')
      .set({ state: 'decided', decision_id: Number(inserted.id) })
      .where('id', 'in', decided)
      .execute();
  }
  await audit(trx, { key: input.key, action: `decide:${input.status}`, by, before, after, at });
  return { id: Number(inserted.id), record: after };
}

/** A note on a key; sent again with its id, it is recorded once. */
export async function addNote(
  db: Db,
  input: { id?: string | undefined; key: string; text: string },
  by: Inspector,
  now: Date,
): Promise<Once<{ id: number }>> {
  const at = now.toISOString();
  const { id: actionId, key, text } = input;
  return db.transaction().execute((trx) =>
    once(trx, { id: actionId, kind: 'note', body: { key, text }, at }, async () => {
      const inserted = await trx
        .insertInto('notes')
        .values({ key, text, by_token: by.tokenId, by_name: by.name, at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await touchCase(trx, key, {}, at);
      const reviewed = await reportIdsOf(trx, key);
      if (reviewed.length > 0) {
        await trx
          .updateTable('reports')
          .set({ state: 'in_review' })
          .where('state', '=', 'received')
          .where('id', 'in', reviewed)
          .execute();
      }
      await audit(trx, { key, action: 'note', by, before: null, after: { text }, at });
      return { id: Number(inserted.id) };
    }),
  );
}

/** Takes an appeal up (its record is published as contested) or turns it down. */
export async function answerAppeal(
  db: Db,
  id: string,
  state: 'accepted' | 'rejected',
  by: Inspector,
  now: Date,
): Promise<'done' | 'unknown' | 'answered'> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const appeal = await trx
      .selectFrom('appeals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!appeal) return 'unknown';
    if (appeal.state !== 'received') return 'answered';
    await trx.updateTable('appeals').set({ state }).where('id', '=', id).execute();
    if (state === 'accepted') await touchCase(trx, appeal.key, { appeal: 'pending' }, at);
    await audit(trx, {
      key: appeal.key,
      action: `appeal:${state}`,
      by,
      before: { state: appeal.state },
      after: { state },
      at,
    });
    return 'done';
  });
}
