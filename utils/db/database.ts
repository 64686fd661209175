/**
 * The extension's IndexedDB database. It lives in the extension origin (background and extension
 * pages) and is never opened from a content script, whose IndexedDB would belong to the marketplace.
 *
 * Versions only grow; each step of MIGRATIONS upgrades from the version before it, so a browser that
 * skipped releases runs every step it missed.
 */

import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { ChunkParts } from '../feed-format/gzip-parts';

export const DB_NAME = 'soi-hang';

/** Records packed by the hundred: compressed NDJSON, one chunk per row (see flag-store.ts). */
export interface StoredChunk {
  id: number;
  /** gzip of the records' JSON lines joined by "\n". */
  data: Uint8Array;
  count: number;
  /** When `data` is flushed in parts (utils/feed-format/gzip-parts.ts): where they are, what they hold. */
  parts?: ChunkParts;
}

export interface SoiHangSchema extends DBSchema {
  chunks: { key: number; value: StoredChunk };
  /** Named values: the data's description, the packed index, names lists, sync state. */
  meta: { key: string; value: unknown };
  /**
   * The shopper's reports (utils/outbox/report-entry.ts, checked on every read): kept after delivery
   * for "Báo cáo của tôi" until the shopper deletes them.
   */
  outbox: {
    key: string;
    value: { id: string; createdAt: string };
    indexes: { byItem: string; byCreated: string };
  };
  /** User settings. */
  settings: { key: string; value: unknown };
  /** Report dialogs open now (utils/protocol/runtime/report-drafts.ts), by token; kept an hour at most. */
  drafts: { key: string; value: { token: string; createdAt: string } };
  /**
   * An inspector's actions on their way to the registry (utils/outbox/action-entry.ts), delivered
   * like reports; kept until the registry acknowledges them or the inspector signs out.
   */
  actions: {
    key: string;
    value: { id: string; createdAt: string };
    indexes: { byKey: string; byCreated: string };
  };
}

export type Database = IDBPDatabase<SoiHangSchema>;
type StoreName = 'chunks' | 'meta' | 'outbox' | 'settings' | 'drafts' | 'actions';
type UpgradeTransaction = IDBPTransaction<SoiHangSchema, StoreName[], 'versionchange'>;
// Stores that existed in earlier versions only; idb's typing knows the current schema.
type AnyDatabase = { deleteObjectStore(name: string): void; objectStoreNames: DOMStringList };

const MIGRATIONS: ReadonlyArray<(db: Database, tx: UpgradeTransaction) => void> = [
  // → version 1
  (db) => {
    (db as unknown as IDBDatabase).createObjectStore('flags', { keyPath: 'key' });
    db.createObjectStore('meta');
    db.createObjectStore('outbox', { keyPath: 'id' });
    db.createObjectStore('settings');
  },
  // → version 2: one row per record gave way to packed chunks and one index blob. The data is
  // reloaded from the shipped snapshot (and the next sync), so the old rows are simply dropped.
  (db, tx) => {
    (db as unknown as AnyDatabase).deleteObjectStore('flags');
    db.createObjectStore('chunks', { keyPath: 'id' });
    void tx.objectStore('meta').clear();
  },
  // → version 3: reports are found by listing (a second report within a day amends the first) and
  // counted by time (the hourly limit). The outbox was empty before this version. Open report
  // dialogs keep their drafts in a store of their own, since a worker may stop while one is open.
  (db, tx) => {
    const outbox = tx.objectStore('outbox');
    outbox.createIndex('byItem', 'report.listing.itemKey');
    outbox.createIndex('byCreated', 'createdAt');
    db.createObjectStore('drafts', { keyPath: 'token' });
  },
  // → version 4: inspector mode's outbox of decisions, notes and evidence.
  (db) => {
    const actions = db.createObjectStore('actions', { keyPath: 'id' });
    actions.createIndex('byKey', 'key');
    actions.createIndex('byCreated', 'createdAt');
  },
];

export const DB_VERSION = MIGRATIONS.length;

export function openDatabase(name = DB_NAME): Promise<Database> {
  return openDB<SoiHangSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < MIGRATIONS.length; version++) {
        MIGRATIONS[version]?.(db, tx);
      }
    },
  });
}
