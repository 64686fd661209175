/**
 * Opens the registry's database from `DATABASE_URL`: a file path for the embedded SQLite (WAL, so
 * readers never wait for the writer, and every commit synced, so a crash or a power cut loses no
 * acknowledged write) or `postgres://…`. Either way every statement passes the write watch
 * (write-watch.ts), and on SQLite a locked database is waited for without blocking the event loop
 * (sqlite-busy.ts).
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { withDriverHooks } from './driver-hooks';
import { migrationsFor } from './migrations';
import type { DialectName, RegistryDatabase } from './schema';
import { SQLITE_BUSY_TIMEOUT_MS, sqliteBusyHooks } from './sqlite-busy';
import { WalSync, walSyncHooks } from './sqlite-wal-sync';
import { WriteWatch, watchHooks } from './write-watch';

export type { DialectName } from './schema';

export interface OpenDatabase {
  db: Kysely<RegistryDatabase>;
  dialect: DialectName;
  /** Where the data is, for logs: a file path or the PostgreSQL host and database (no password). */
  where: string;
  /** The SQLite handle, for the online backup (null on PostgreSQL). */
  sqlite: Database.Database | null;
  /** Whether writes lately failed, and why (for /health). */
  watch: WriteWatch;
}

export const isPostgresUrl = (url: string) => /^postgres(?:ql)?:\/\//.test(url);

function describePostgres(url: string): string {
  const parsed = new URL(url);
  return `postgres://${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/**
 * Kysely prepares every query anew; our queries are few and fixed, so their prepared statements are
 * kept (bounded), which halves the cost of a report's transaction on SQLite.
 */
function withStatementCache(sqlite: Database.Database, limit = 500) {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        if (cache.size >= limit) cache.clear();
        statement = sqlite.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * The database file and its directory are the registry's alone: they hold reporters' contacts.
 * The file is made 0600 before SQLite opens it, and SQLite gives its -wal and -shm files the
 * database file's mode; files an older start left readable by others are tightened.
 */
function privateDatabaseFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  for (const each of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(each)) chmodSync(each, 0o600);
  }
}

function openSqlite(
  file: string,
  watch: WriteWatch,
): { db: Kysely<RegistryDatabase>; sqlite: Database.Database } {
  privateDatabaseFile(file);
  const sqlite = new Database(file);
  let wal: WalSync | null = null;
  try {
    // WAL: readers never wait for the writer. A commit is on disk before anything is answered on
    // it (a receipt, a read of it): synced by sqlite-wal-sync.ts off the event loop, with SQLite's
    // own sync inside COMMIT (FULL) turned off, since it would stop every request for the disk.
    // Should the file system refuse WAL, SQLite syncs inside COMMIT after all.
    if (sqlite.pragma('journal_mode = WAL', { simple: true }) === 'wal') {
      sqlite.pragma('synchronous = NORMAL');
      wal = new WalSync(`${file}-wal`);
    } else {
      sqlite.pragma('synchronous = FULL');
    }
    // SQLite blocks the thread while it waits for a lock: only briefly, the rest is waited for
    // asynchronously (sqlite-busy.ts).
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  let dialect = withDriverHooks(
    new SqliteDialect({ database: withStatementCache(sqlite) }),
    sqliteBusyHooks(sqlite),
  );
  if (wal) dialect = withDriverHooks(dialect, walSyncHooks(sqlite, wal));
  const db = new Kysely<RegistryDatabase>({
    dialect: withDriverHooks(dialect, watchHooks(watch)),
  });
  return { db, sqlite };
}

export function openDatabase(url: string): OpenDatabase {
  const watch = new WriteWatch();
  if (isPostgresUrl(url)) {
    // COUNT(*) and BIGINT come back as strings by default; every count here fits a double.
    pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
    // A client's error (the server restarted or cut the connection) must not crash the process:
    // the pool drops an idle client that failed, a query in flight rejects on its own, and the next
    // query connects anew. A client checked out between two queries has no listener of the pool's,
    // so every client gets one of its own.
    pool.on('error', () => {});
    pool.on('connect', (connection) => connection.on('error', () => {}));
    return {
      db: new Kysely({
        dialect: withDriverHooks(new PostgresDialect({ pool }), watchHooks(watch)),
      }),
      dialect: 'postgres',
      where: describePostgres(url),
      sqlite: null,
      watch,
    };
  }
  const file = path.resolve(url);
  const { db, sqlite } = openSqlite(file, watch);
  return { db, dialect: 'sqlite', where: file, sqlite, watch };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrate(open: OpenDatabase): Promise<void> {
  const migrator = new Migrator({ db: open.db, provider: migrationsFor(open.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${String(error)}`);
  }
}

/** True when the database answers a trivial query. */
export async function isReachable(db: Kysely<RegistryDatabase>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
