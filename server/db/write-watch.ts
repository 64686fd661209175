/**
 * Whether the registry's writes work. Every statement that changed rows outside a transaction,
 * and every commit of a transaction that changed some, reports its outcome here; a failure that
 * is a storage fault (storage-faults.ts) reaches the caller as a StorageFaultError, which the
 * HTTP layer answers with 503 and Retry-After.
 *
 * `/health` asks `current()`: a write that failed for lack of disk or an I/O error stays its
 * answer until a write succeeds again (or a minute passes), because health's own small probe
 * write may still fit where a report does not. A busy or unreachable database is not remembered:
 * the probe meets it as surely as a report does.
 */
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import type { DriverHooks } from './driver-hooks';
import { isHealthProbe } from './health-probe';
import {
  databaseFault,
  type FaultReason,
  type StorageFault,
  StorageFaultError,
} from './storage-faults';

const REMEMBERED: readonly FaultReason[] = ['disk_full', 'storage_error'];
export const FAULT_MEMORY_MS = 60_000;

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

/** Whether a statement changed a row (a write that matched nothing wrote nothing to disk). */
function wroteRows(query: CompiledQuery, result: QueryResult<unknown>): boolean {
  if (!WRITES.has(query.query.kind)) return false;
  return (result.numAffectedRows ?? BigInt(result.rows.length)) > 0n;
}

type Listener = (fault: StorageFault | null, cause?: unknown) => void;

export class WriteWatch {
  private failure: { fault: StorageFault; at: number } | null = null;
  private listener: Listener = () => {};

  /** Told once when writes start failing (or fail for another reason), once when they recover. */
  listen(listener: Listener): void {
    this.listener = listener;
  }

  failed(fault: StorageFault, cause: unknown): void {
    const changed = this.failure?.fault.reason !== fault.reason;
    this.failure = { fault, at: Date.now() };
    if (changed) this.listener(fault, cause);
  }

  succeeded(): void {
    if (!this.failure) return;
    this.failure = null;
    this.listener(null);
  }

  /** The fault health reports from the writes themselves, if any. */
  current(now = Date.now()): StorageFault | null {
    const failure = this.failure;
    if (!failure || !REMEMBERED.includes(failure.fault.reason)) return null;
    return now - failure.at <= FAULT_MEMORY_MS ? failure.fault : null;
  }
}

export function watchHooks(watch: WriteWatch): DriverHooks {
  const inTransaction = new WeakSet<DatabaseConnection>();
  /** Transactions that changed a row: the commit of one that changed none proves nothing. */
  const wrote = new WeakSet<DatabaseConnection>();
  /** The error to throw: a storage fault becomes a StorageFaultError, noted unless told not to. */
  const failure = (error: unknown, note = true): unknown => {
    const fault = databaseFault(error);
    if (!fault) return error;
    if (note) watch.failed(fault, error);
    return error instanceof StorageFaultError ? error : new StorageFaultError(fault, error);
  };
  return {
    async execute(query, connection, next) {
      const probe = isHealthProbe(query);
      let result: Awaited<ReturnType<typeof next>>;
      try {
        result = await next();
      } catch (error) {
        throw failure(error, !probe);
      }
      if (!probe && wroteRows(query, result)) {
        // Inside a transaction the write counts once its commit succeeds.
        if (inTransaction.has(connection)) wrote.add(connection);
        else watch.succeeded();
      }
      return result;
    },
    async begin(connection, next) {
      try {
        await next();
      } catch (error) {
        throw failure(error);
      }
      inTransaction.add(connection);
    },
    async commit(connection, next) {
      const changed = wrote.has(connection);
      inTransaction.delete(connection);
      wrote.delete(connection);
      try {
        await next();
      } catch (error) {
        throw failure(error);
      }
      if (changed) watch.succeeded();
    },
    async rollback(connection, next) {
      inTransaction.delete(connection);
      wrote.delete(connection);
      try {
        await next();
      } catch (error) {
        throw failure(error, false);
      }
    },
  };
}
