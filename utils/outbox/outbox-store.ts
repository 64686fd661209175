/**
 * One outbox in the extension's IndexedDB, whatever kind of entry it holds, each kind in the store
 * it always had (reports in `outbox`, actions in `actions`: utils/db/database.ts).
 */
import type { IndexNames } from 'idb';
import type { Database, SoiHangSchema } from '../db/database';
import type { Deliverable } from './deliverable';

/** The stores that hold outboxes; each has a `byCreated` index, so entries come oldest first. */
export type OutboxStoreName = 'outbox' | 'actions';

/** A kind of entry: the store it is kept in and the schema each of its rows is read with. */
export interface OutboxKind<E, S extends OutboxStoreName = OutboxStoreName> {
  store: S;
  schema: {
    safeParse(raw: unknown): { success: true; data: E } | { success: false };
    parse(raw: unknown): E;
  };
}

/** Each kind reads its own indexes; idb's types know the indexes of one named store at a time. */
interface IndexRead {
  getAllFromIndex(
    store: OutboxStoreName,
    index: string,
    query: string | IDBKeyRange,
  ): Promise<unknown[]>;
}

/** What an outbox's rows must have for their store: the key and the `byCreated` index's field. */
type Row = Deliverable & { createdAt: string };

/**
 * Every row is checked with its kind's zod schema on each read; a row that no longer passes is left
 * where it is (never dropped silently) and counted, so a later version can still read and deliver
 * it.
 */
export function createOutboxStore<E extends Row, S extends OutboxStoreName>(
  openDb: () => Promise<Database>,
  kind: OutboxKind<E, S>,
) {
  const { store, schema } = kind;
  const parse = (raw: unknown): E | null => {
    const checked = schema.safeParse(raw);
    return checked.success ? checked.data : null;
  };
  const readable = (rows: unknown[]) =>
    rows.map(parse).filter((entry): entry is E => entry !== null);
  return {
    /** Every entry, oldest first, and how many rows no longer pass the schema. */
    async all(): Promise<{ entries: E[]; unreadable: number }> {
      const rows = await (await openDb()).getAllFromIndex(store as OutboxStoreName, 'byCreated');
      const entries: E[] = [];
      let unreadable = 0;
      for (const row of rows) {
        const entry = parse(row);
        if (entry) entries.push(entry);
        else unreadable++;
      }
      return { entries, unreadable };
    },
    /** The readable entries one of the kind's indexes finds for `query`. */
    async byIndex(index: IndexNames<SoiHangSchema, S>, query: string | IDBKeyRange): Promise<E[]> {
      const db = (await openDb()) as unknown as IndexRead;
      return readable(await db.getAllFromIndex(store, index, query));
    },
    async get(id: string): Promise<E | null> {
      return parse(await (await openDb()).get(store as OutboxStoreName, id));
    },
    async put(entry: E): Promise<void> {
      await (await openDb()).put(store as OutboxStoreName, schema.parse(entry));
    },
    /** Reads, changes and writes one row in one transaction; `change` returning null writes nothing. */
    async update(id: string, change: (entry: E) => E | null): Promise<E | null> {
      const db = await openDb();
      const tx = db.transaction(store as OutboxStoreName, 'readwrite');
      const current = parse(await tx.store.get(id));
      const next = current ? change(current) : null;
      if (next) await tx.store.put(schema.parse(next));
      await tx.done;
      return next;
    },
    async remove(ids: readonly string[]): Promise<void> {
      const db = await openDb();
      const tx = db.transaction(store as OutboxStoreName, 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
  };
}

export type OutboxStore<E extends Row, S extends OutboxStoreName = OutboxStoreName> = ReturnType<
  typeof createOutboxStore<E, S>
>;
