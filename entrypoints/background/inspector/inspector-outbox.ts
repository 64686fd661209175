/**
 * The inspector's outbox in the extension's IndexedDB (the `actions` store): every decision, note
 * and piece of evidence is saved here before it is sent, checked with zod on each read. A row that
 * no longer passes its schema is left in place, as in the reports' outbox.
 */
import type { Database } from '../../../utils/db/database';
import { type ActionEntry, ActionEntrySchema } from '../../../utils/outbox/action-entry';

export function createActionStore(openDb: () => Promise<Database>) {
  const parse = (raw: unknown): ActionEntry | null => {
    const checked = ActionEntrySchema.safeParse(raw);
    return checked.success ? checked.data : null;
  };
  const readable = (rows: unknown[]) =>
    rows.map(parse).filter((entry): entry is ActionEntry => entry !== null);
  return {
    async all(): Promise<ActionEntry[]> {
      return readable(await (await openDb()).getAllFromIndex('actions', 'byCreated'));
    },
    async ofKeys(keys: readonly string[]): Promise<ActionEntry[]> {
      const db = await openDb();
      const rows = await Promise.all(
        keys.map((key) => db.getAllFromIndex('actions', 'byKey', key)),
      );
      return readable(rows.flat());
    },
    async get(id: string): Promise<ActionEntry | null> {
      return parse(await (await openDb()).get('actions', id));
    },
    async put(entry: ActionEntry): Promise<void> {
      await (await openDb()).put('actions', ActionEntrySchema.parse(entry));
    },
    /** Reads, changes and writes one row in one transaction; null from `change` writes nothing. */
    async update(
      id: string,
      change: (entry: ActionEntry) => ActionEntry | null,
    ): Promise<ActionEntry | null> {
      const db = await openDb();
      const tx = db.transaction('actions', 'readwrite');
      const current = parse(await tx.store.get(id));
      const next = current ? change(current) : null;
      if (next) await tx.store.put(ActionEntrySchema.parse(next));
      await tx.done;
      return next;
    },
    async remove(ids: readonly string[]): Promise<void> {
      const db = await openDb();
      const tx = db.transaction('actions', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
  };
}

export type ActionStore = ReturnType<typeof createActionStore>;
