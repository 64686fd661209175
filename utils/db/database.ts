/**
 * The extension's IndexedDB database. It lives in the extension origin (background and extension
 * pages) and is never opened from a content script, whose IndexedDB would belong to the marketplace.
 *
 * Versions only grow; each step of MIGRATIONS upgrades from the version before it, so a browser that
 * skipped releases runs every step it missed.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { FlagRecord } from '../protocol/records';

export const DB_NAME = 'soi-hang';

export interface SoiHangSchema extends DBSchema {
  /** Flag records by canonical key. */
  flags: { key: string; value: FlagRecord };
  /** Small named values: which data is loaded (`data`), later the feed's sync state. */
  meta: { key: string; value: unknown };
  /** Reports waiting to be delivered (filled by the report flow). */
  outbox: { key: string; value: { id: string } };
  /** User settings. */
  settings: { key: string; value: unknown };
}

export type Database = IDBPDatabase<SoiHangSchema>;
type UpgradeTransaction = IDBPTransaction<
  SoiHangSchema,
  ('flags' | 'meta' | 'outbox' | 'settings')[],
  'versionchange'
>;

const MIGRATIONS: ReadonlyArray<(db: Database, tx: UpgradeTransaction) => void> = [
  // → version 1
  (db) => {
    db.createObjectStore('flags', { keyPath: 'key' });
    db.createObjectStore('meta');
    db.createObjectStore('outbox', { keyPath: 'id' });
    db.createObjectStore('settings');
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
