/**
 * Report intake: each report stored exactly once under its id. A repeat with the same body gets the
 * first receipt back; the same id with another body is a conflict. The report, the keys it concerns
 * and their case counters are written in one transaction, so a crash leaves all or nothing.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Report, ReportReceipt, ReportStatus } from '../../utils/protocol/report';
import type { RegistryDatabase } from './schema';

export type IntakeOutcome =
  | { kind: 'created'; receipt: ReportReceipt }
  | { kind: 'repeat'; receipt: ReportReceipt }
  | { kind: 'conflict' };

/** The report as validated, serialised in schema order: equal reports hash equal. */
export const canonicalBody = (report: Report) => JSON.stringify(report);

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const keysOf = (report: Report): string[] =>
  report.listing.sellerKey && report.listing.sellerKey !== report.listing.itemKey
    ? [report.listing.itemKey, report.listing.sellerKey]
    : [report.listing.itemKey];

/** Adds one report to the counters of a key's case, opening the case if it is new. */
async function countReport(trx: Transaction<RegistryDatabase>, key: string, at: string) {
  await trx
    .insertInto('cases')
    .values({
      key,
      status: 'open',
      report_count: 1,
      appeal_count: 0,
      first_seen: at,
      last_seen: at,
      appeal: null,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet((update) => ({
        report_count: (eb) => eb('cases.report_count', '+', 1),
        last_seen: update.ref('excluded.last_seen'),
        first_seen: (eb) => eb.fn.coalesce('cases.first_seen', update.ref('excluded.first_seen')),
        updated_at: update.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

async function existing(
  db: Kysely<RegistryDatabase>,
  id: string,
  hash: string,
): Promise<IntakeOutcome> {
  const row = await db
    .selectFrom('reports')
    .select(['body_sha256', 'received_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.body_sha256 === hash
    ? { kind: 'repeat', receipt: { id, receivedAt: row.received_at } }
    : { kind: 'conflict' };
}

export async function saveReport(
  db: Kysely<RegistryDatabase>,
  report: Report,
  now: Date,
): Promise<IntakeOutcome> {
  const body = canonicalBody(report);
  const hash = sha256(body);
  const receivedAt = now.toISOString();
  const inserted = await db.transaction().execute(async (trx) => {
    const result = await trx
      .insertInto('reports')
      .values({
        id: report.id,
        body_sha256: hash,
        body,
        platform: report.listing.platform,
        item_key: report.listing.itemKey,
        seller_key: report.listing.sellerKey ?? null,
        client_id: report.clientId.toLowerCase(),
        reasons: JSON.stringify(report.reasons),
        received_at: receivedAt,
        state: 'received',
        decision_id: null,
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const keys = keysOf(report);
    await trx
      .insertInto('report_keys')
      .values(keys.map((key) => ({ report_id: report.id, key })))
      .execute();
    for (const key of keys) await countReport(trx, key, receivedAt);
    return true;
  });
  if (!inserted) return existing(db, report.id, hash);
  return { kind: 'created', receipt: { id: report.id, receivedAt } };
}

/** The public part of what became of one report; null when the id is unknown. */
export async function reportStatus(
  db: Kysely<RegistryDatabase>,
  id: string,
): Promise<ReportStatus | null> {
  const row = await db
    .selectFrom('reports')
    .leftJoin('decisions', 'decisions.id', 'reports.decision_id')
    .select([
      'reports.id',
      'reports.state',
      'reports.received_at',
      'decisions.key',
      'decisions.status',
      'decisions.summary',
      'decisions.at',
    ])
    .where('reports.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    state: row.state,
    receivedAt: row.received_at,
    ...(row.key && row.status && row.at
      ? {
          decision: {
            key: row.key,
            status: row.status,
            ...(row.status !== 'cleared' && row.summary
              ? { summary: JSON.parse(row.summary) }
              : {}),
            decidedAt: row.at,
          },
        }
      : {}),
  };
}

export async function reportExists(db: Kysely<RegistryDatabase>, id: string): Promise<boolean> {
  const row = await db.selectFrom('reports').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
