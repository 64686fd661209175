/**
 * Inspector actions that carry an id are done once: the extension's outbox may send one again
 * after a lost answer, and the repeat gets the first answer instead of a second decision or note.
 * The same id with another body is a conflict, as for reports.
 */
import type { Transaction } from 'kysely';
import type { RegistryDatabase } from '../../db/schema';
import { sha256Hex } from '../../db/sha256';

export type Once<T> =
  | { kind: 'done'; result: T }
  | { kind: 'repeat'; result: T }
  | { kind: 'conflict' };

/** Runs `act` inside `trx` unless an action with this id was recorded; records it if it runs. */
export async function once<T>(
  trx: Transaction<RegistryDatabase>,
  action: { id: string | undefined; kind: string; body: unknown; at: string },
  act: () => Promise<T>,
): Promise<Once<T>> {
  if (!action.id) return { kind: 'done', result: await act() };
  const bodySha256 = sha256Hex(JSON.stringify(action.body));
  const stored = await trx
    .selectFrom('review_actions')
    .selectAll()
    .where('id', '=', action.id)
    .executeTakeFirst();
  if (stored) {
    if (stored.kind !== action.kind || stored.body_sha256 !== bodySha256) {
      return { kind: 'conflict' };
    }
    return { kind: 'repeat', result: JSON.parse(stored.result) as T };
  }
  const result = await act();
  await trx
    .insertInto('review_actions')
    .values({
      id: action.id,
      kind: action.kind,
      body_sha256: bodySha256,
      result: JSON.stringify(result),
      at: action.at,
    })
    .execute();
  return { kind: 'done', result };
}
