/**
 * Durable commits off the event loop. With synchronous=FULL SQLite syncs its write-ahead log inside
 * COMMIT, on the calling thread: the server's only one, so every request waited for the disk at
 * every commit (2.5 ms on the machine measured, far more on a busy or networked disk). Here SQLite
 * runs with synchronous=NORMAL (a commit writes the log but does not sync it) and these hooks sync
 * the log file (fdatasync, on libuv's thread pool) after every commit and every statement that
 * wrote outside a transaction, before it returns. The connection is held meanwhile, so no other
 * statement reads a commit before it is on disk: what FULL guarantees, while the event loop goes on
 * taking requests, which join the next group commit (store/reports/intake.ts).
 *
 * The log's file handle is kept open from the first sync on (a handle opened after a failed
 * write-back would not hear of the failure) and opened anew only if the file is replaced.
 */
import { type FileHandle, open, stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import type { DriverHooks } from './driver-hooks';

export class WalSync {
  private handle: { file: FileHandle; ino: number } | null = null;

  constructor(private readonly wal: string) {}

  async sync(): Promise<void> {
    const found = await stat(this.wal).catch((error: NodeJS.ErrnoException) => {
      // No log yet: nothing has been written to one (SQLite makes it at the first write).
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!found) return;
    const { ino } = found;
    if (this.handle?.ino !== ino) {
      await this.handle?.file.close().catch(() => {});
      const file = await open(this.wal, 'r');
      this.handle = { file, ino: (await file.stat()).ino };
    }
    await this.handle.file.datasync();
  }

  async close(): Promise<void> {
    await this.handle?.file.close().catch(() => {});
    this.handle = null;
  }
}

/** Syncs the log after every commit, and after every statement outside a transaction but reads. */
export function walSyncHooks(sqlite: Database.Database, wal: WalSync): DriverHooks {
  return {
    async execute(query, _connection, next) {
      const autocommit = !sqlite.inTransaction;
      const result = await next();
      if (autocommit && query.query.kind !== 'SelectQueryNode') await wal.sync();
      return result;
    },
    async commit(_connection, next) {
      await next();
      await wal.sync();
    },
    destroyed: () => wal.close(),
  };
}
