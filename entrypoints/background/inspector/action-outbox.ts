/**
 * The inspector's outbox: the one outbox store (utils/outbox/outbox-store.ts) on the `actions`
 * store, where every decision, note and piece of evidence is saved before it is sent; with what
 * inspector mode alone asks of it, the actions on a page's keys.
 */
import type { Database } from '../../../utils/db/database';
import { ACTION_OUTBOX } from '../../../utils/outbox/action-entry';
import { createOutboxStore } from '../../../utils/outbox/outbox-store';

export function createActionOutbox(openDb: () => Promise<Database>) {
  const store = createOutboxStore(openDb, ACTION_OUTBOX);
  return {
    ...store,
    /** The actions on these keys (by the `byKey` index). */
    async ofKeys(keys: readonly string[]) {
      const found = await Promise.all(keys.map((key) => store.byIndex('byKey', key)));
      return found.flat();
    },
  };
}

export type ActionOutbox = ReturnType<typeof createActionOutbox>;
