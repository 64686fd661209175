/**
 * Where a key's reports came from, once each: the installs and the networks the case projection
 * counts as distinct. A fold adds to a case's counts only the origins its insert really added.
 */
import type { Transaction } from 'kysely';
import { chunks } from '../../db/chunks';
import type { CaseOriginsTable, RegistryDatabase } from '../../db/schema';

/** A report as the projection reads it. */
export interface PickedRow {
  id: string;
  item_key: string;
  seller_key: string | null;
  client_id: string;
  network: string | null;
  received_at: string;
}

/** The keys a report concerns: its item and, when known, its seller. */
export const keysOf = (itemKey: string, sellerKey: string | null | undefined): string[] =>
  sellerKey && sellerKey !== itemKey ? [itemKey, sellerKey] : [itemKey];

/**
 * Adds the installs and networks of these reports to their keys' origins and answers those that
 * were new. An origin's row is inserted once: on PostgreSQL a concurrent fold's insert of the same
 * one waits for it and then does nothing, so each counts once however folds interleave. The rows go
 * in one order everywhere, so two folds take their row locks in one order and never deadlock.
 */
export async function newOrigins(
  trx: Transaction<RegistryDatabase>,
  rows: readonly PickedRow[],
): Promise<CaseOriginsTable[]> {
  const unique = new Map<string, CaseOriginsTable>();
  const add = (origin: CaseOriginsTable) =>
    unique.set(`${origin.key}\n${origin.kind}\n${origin.origin}`, origin);
  for (const row of rows) {
    for (const key of keysOf(row.item_key, row.seller_key)) {
      add({ key, kind: 'install', origin: row.client_id });
      if (row.network) add({ key, kind: 'network', origin: row.network });
    }
  }
  const ordered = [...unique].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const added: CaseOriginsTable[] = [];
  for (const part of chunks(ordered.map(([, origin]) => origin))) {
    added.push(
      ...(await trx
        .insertInto('case_origins')
        .values(part)
        .onConflict((conflict) => conflict.columns(['key', 'kind', 'origin']).doNothing())
        .returning(['key', 'kind', 'origin'])
        .execute()),
    );
  }
  return added;
}
