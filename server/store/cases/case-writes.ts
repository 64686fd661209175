/**
 * The two writes every inspector action shares: its audit row (who, when, before, after) and the
 * touch that makes its key a case in the queue. Always inside the action's own transaction.
 */
import type { Transaction } from 'kysely';
import type { CasesTable, RegistryDatabase } from '../../db/schema';
import type { Inspector } from '../tokens/inspector-tokens';

export async function audit(
  trx: Transaction<RegistryDatabase>,
  entry: {
    key: string;
    action: string;
    by: Inspector;
    before: unknown;
    after: unknown;
    at: string;
  },
) {
  await trx
    .insertInto('audit')
    .values({
      key: entry.key,
      action: entry.action,
      by_token: entry.by.tokenId,
      by_name: entry.by.name,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      at: entry.at,
    })
    .execute();
}

export async function touchCase(
  trx: Transaction<RegistryDatabase>,
  key: string,
  set: Partial<Pick<CasesTable, 'status' | 'appeal'>>,
  at: string,
  appealDelta = 0,
) {
  await trx
    .insertInto('cases')
    .values({
      key,
      status: set.status ?? 'open',
      report_count: 0,
      install_count: 0,
      network_count: 0,
      appeal_count: appealDelta,
      // A case always has times, so the queue's order and its cursor never meet a null.
      first_seen: at,
      last_seen: at,
      appeal: set.appeal ?? null,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        ...set,
        appeal_count: (eb) => eb('cases.appeal_count', '+', appealDelta),
        // An appeal is news for the queue; an inspector's own action is not.
        ...(appealDelta > 0 ? { last_seen: at } : {}),
        updated_at: at,
      }),
    )
    .execute();
}
