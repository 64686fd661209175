/**
 * Opens the registry's database from `DATABASE_URL`: a file path for the embedded SQLite (WAL, so
 * readers never wait for the writer and a crash loses no acknowledged write) or `postgres://…`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationsFor } from './migrations';
import type { DialectName, RegistryDatabase } from './schema';

export type { DialectName } from './schema';

export interface OpenDatabase {
  db: Kysely<RegistryDatabase>;
  dialect: DialectName;
  /** Where the data is, for logs: a file path or the PostgreSQL host and database (no password). */
  where: string;
  /** The SQLite handle, for the online backup (null on PostgreSQL). */
  sqlite: Database.Database | null;
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

export function openDatabase(url: string): OpenDatabase {
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
      db: new Kysely({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      where: describePostgres(url),
      sqlite: null,
    };
  }
  const file = path.resolve(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a killed process; only a power cut can lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return {
    db: new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
    dialect: 'sqlite',
    where: file,
    sqlite,
  };
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
