/**
 * The outbox store in the extension's IndexedDB: every report, checked with zod on each read. A row
 * that no longer passes its schema is left where it is (never dropped silently) and counted, so a
 * later version can still read and deliver it.
 */
import type { Database } from '../../../utils/db/database';
import { type OutboxEntry, OutboxEntrySchema } from '../../../utils/outbox/report-entry';

const CLIENT_ID_SETTING = 'clientId';

export interface OutboxStore {
  all(): Promise<{ entries: OutboxEntry[]; unreadable: number }>;
  get(id: string): Promise<OutboxEntry | null>;
  /** The reports of one listing (by the `byItem` index): what a new report of it may amend. */
  ofListing(itemKey: string): Promise<OutboxEntry[]>;
  /** The reports made after `since` (by the `byCreated` index): the hourly limit's count. */
  madeSince(since: Date): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  /** Reads, changes and writes one row in one transaction; `change` returning null writes nothing. */
  update(
    id: string,
    change: (entry: OutboxEntry) => OutboxEntry | null,
  ): Promise<OutboxEntry | null>;
  remove(ids: readonly string[]): Promise<void>;
  /** This install's random id, made once (ReportSchema.clientId). */
  clientId(): Promise<string>;
}

export function createOutboxStore(
  openDb: () => Promise<Database>,
  uuid: () => string,
): OutboxStore {
  const parse = (raw: unknown): OutboxEntry | null => {
    const checked = OutboxEntrySchema.safeParse(raw);
    return checked.success ? checked.data : null;
  };
  const readable = (rows: unknown[]) =>
    rows.map(parse).filter((entry): entry is OutboxEntry => entry !== null);
  return {
    async ofListing(itemKey) {
      return readable(await (await openDb()).getAllFromIndex('outbox', 'byItem', itemKey));
    },
    async madeSince(since) {
      const range = IDBKeyRange.lowerBound(since.toISOString(), true);
      return readable(await (await openDb()).getAllFromIndex('outbox', 'byCreated', range));
    },
    async all() {
      const rows = await (await openDb()).getAllFromIndex('outbox', 'byCreated');
      const entries: OutboxEntry[] = [];
      let unreadable = 0;
      for (const row of rows) {
        const entry = parse(row);
        if (entry) entries.push(entry);
        else unreadable++;
      }
      return { entries, unreadable };
    },
    async get(id) {
      return parse(await (await openDb()).get('outbox', id));
    },
    async put(entry) {
      await (await openDb()).put('outbox', OutboxEntrySchema.parse(entry));
    },
    async update(id, change) {
      const db = await openDb();
      const tx = db.transaction('outbox', 'readwrite');
      const current = parse(await tx.store.get(id));
      const next = current ? change(current) : null;
      if (next) await tx.store.put(OutboxEntrySchema.parse(next));
      await tx.done;
      return next;
    },
    async remove(ids) {
      const db = await openDb();
      const tx = db.transaction('outbox', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    async clientId() {
      const db = await openDb();
      const tx = db.transaction('settings', 'readwrite');
      const stored = await tx.store.get(CLIENT_ID_SETTING);
      if (typeof stored === 'string') {
        await tx.done;
        return stored;
      }
      const id = uuid();
      await tx.store.put(id, CLIENT_ID_SETTING);
      await tx.done;
      return id;
    },
  };
}
