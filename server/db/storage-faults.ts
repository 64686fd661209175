/**
 * Which failures of storage are the registry's condition rather than a request's fault: the
 * database busy (another process holds SQLite's write lock), the disk full, an I/O error, the
 * database unreachable. They answer 503 with Retry-After (the extension's outbox retries), never a
 * 500 that reads as a bug, and `/health` names them.
 */

export type FaultReason = 'database_busy' | 'disk_full' | 'storage_error' | 'database_unavailable';

export interface StorageFault {
  reason: FaultReason;
  /** Said to the client, and by /health: no paths, no SQL. */
  message: string;
  /** How long a client should wait before sending again. */
  retryAfterSeconds: number;
}

const FAULTS: Record<FaultReason, StorageFault> = {
  database_busy: {
    reason: 'database_busy',
    message: 'the database is busy (another process holds its write lock); try again shortly',
    retryAfterSeconds: 2,
  },
  disk_full: {
    reason: 'disk_full',
    message: 'the registry cannot store anything now: its disk is full; try again later',
    retryAfterSeconds: 60,
  },
  storage_error: {
    reason: 'storage_error',
    message: "the registry's storage failed to read or write; try again later",
    retryAfterSeconds: 30,
  },
  database_unavailable: {
    reason: 'database_unavailable',
    message: 'the database is unavailable; try again shortly',
    retryAfterSeconds: 10,
  },
};

export const faultOf = (reason: FaultReason): StorageFault => FAULTS[reason];

/** A storage fault carried to the HTTP layer, with the driver's own error as its cause. */
export class StorageFaultError extends Error {
  override readonly name = 'StorageFaultError';
  constructor(
    readonly fault: StorageFault,
    cause: unknown,
  ) {
    super(`${fault.reason}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';

/** A file written by the registry itself (evidence, feed): the operating system's error codes. */
export function fileFault(error: unknown): StorageFault | null {
  const code = codeOf(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return FAULTS.disk_full;
  if (code === 'EIO' || code === 'EROFS') return FAULTS.storage_error;
  return null;
}

/**
 * An error from a database query or connection: better-sqlite3's extended result codes
 * (SQLITE_BUSY, SQLITE_FULL, SQLITE_IOERR_FSYNC…), PostgreSQL's SQLSTATE, or the socket's error
 * when PostgreSQL cannot be reached. Only errors known to come from the database are classified
 * here: a client's dropped connection also reads ECONNRESET.
 */
export function databaseFault(error: unknown): StorageFault | null {
  if (error instanceof StorageFaultError) return error.fault;
  const code = codeOf(error);
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return FAULTS.database_busy;
  if (code === 'SQLITE_FULL') return FAULTS.disk_full;
  if (/^SQLITE_(IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)/.test(code)) return FAULTS.storage_error;
  // PostgreSQL: 53100 disk_full; 53xxx out of resources; lock and serialization waits.
  if (code === '53100') return FAULTS.disk_full;
  if (/^53/.test(code) || ['55P03', '40001', '40P01'].includes(code)) return FAULTS.database_busy;
  if (code === '58030') return FAULTS.storage_error;
  // Connection exceptions, the server shutting down or starting, a read-only standby.
  if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '25006') {
    return FAULTS.database_unavailable;
  }
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'].includes(code)) {
    return FAULTS.database_unavailable;
  }
  return fileFault(error);
}
