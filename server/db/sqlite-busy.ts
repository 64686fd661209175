/**
 * SQLite's write lock, waited for without blocking the event loop. better-sqlite3 runs every
 * statement on the calling thread, so SQLite's own busy timeout (5 s, before) froze every request
 * while another process held the lock. Here SQLite waits a few milliseconds at most, and a
 * statement that finds the database locked is tried again after an asynchronous pause, until
 * BUSY_BUDGET_MS have passed; then its SQLITE_BUSY reaches the caller (a 503 with Retry-After).
 *
 * Transactions begin IMMEDIATE, taking the write lock first: the only statement of a transaction
 * that can find the lock held is its BEGIN, when nothing is half done and trying again is safe. A
 * statement outside a transaction is one transaction by itself, so it is retried the same way.
 */
import type Database from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import type { DriverHooks } from './driver-hooks';

/** What SQLite itself may block the thread for, once per attempt. */
export const SQLITE_BUSY_TIMEOUT_MS = 10;
/** How long a statement keeps trying for the lock, with the event loop free between attempts. */
export const BUSY_BUDGET_MS = 2000;

const isBusy = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  /^SQLITE_BUSY/.test(String(error.code));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function retryWhileBusy<T>(attempt: () => Promise<T>, budgetMs: number): Promise<T> {
  const started = performance.now();
  let pause = 5;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || performance.now() - started + pause > budgetMs) throw error;
      await sleep(pause);
      pause = Math.min(pause * 2, 100);
    }
  }
}

export function sqliteBusyHooks(sqlite: Database.Database, budgetMs = BUSY_BUDGET_MS): DriverHooks {
  return {
    async begin(connection) {
      await retryWhileBusy(
        () => connection.executeQuery(CompiledQuery.raw('begin immediate')),
        budgetMs,
      );
    },
    async execute(_query, _connection, next) {
      return sqlite.inTransaction ? next() : retryWhileBusy(next, budgetMs);
    },
    // SQLite rolls a transaction back by itself after some errors (SQLITE_FULL, SQLITE_IOERR); a
    // second rollback would fail with "no transaction is active" and hide the error that matters.
    async rollback(_connection, next) {
      if (sqlite.inTransaction) await next();
    },
  };
}
