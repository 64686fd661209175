/**
 * A receipt means stored, across an OS crash or a power cut too: on SQLite every commit's log is
 * synced to disk before the commit's caller (and so a reporter's receipt) hears of it, and a sync
 * that fails is a failed write. The sync itself runs on libuv's thread pool (sqlite-wal-sync.ts),
 * so it is observed here from outside: the order of events around a real database in this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { migrate, type OpenDatabase, openDatabase } from '../../server/db/dialect';
import { probeWrite } from '../../server/db/health-probe';
import { WalSync } from '../../server/db/sqlite-wal-sync';
import { StorageFaultError } from '../../server/db/storage-faults';
import { ReportIntake } from '../../server/store/reports/intake';
import { report } from '../helpers/reports';

describe('durable commits on SQLite', () => {
  let dir: string;
  let open: OpenDatabase;
  let events: string[];
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-durable-'));
    open = openDatabase(path.join(dir, 'registry.sqlite'));
    await migrate(open);
    events = [];
    const sync = WalSync.prototype.sync;
    vi.spyOn(WalSync.prototype, 'sync').mockImplementation(async function (this: WalSync) {
      await sync.call(this);
      events.push('synced');
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await open.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs SQLite's log with its own sync off and syncs it off the request thread instead", () => {
    expect(open.sqlite?.pragma('journal_mode', { simple: true })).toBe('wal');
    // 1: NORMAL. The sync FULL would do inside COMMIT happens after it, in sqlite-wal-sync.ts.
    expect(open.sqlite?.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('gives a receipt only once the log holding the report is on disk', async () => {
    const intake = new ReportIntake(open.db, () => new Date());
    const saved = intake.save(report(), null).then((outcome) => {
      events.push('receipt');
      return outcome;
    });
    expect((await saved).kind).toBe('created');
    expect(events).toEqual(['synced', 'receipt']);
  });

  it('syncs a write outside a transaction before it returns', async () => {
    await probeWrite(open.db, new Date());
    events.push('returned');
    expect(events).toEqual(['synced', 'returned']);
  });

  it('refuses the write when the log cannot be synced, as a storage fault', async () => {
    vi.spyOn(WalSync.prototype, 'sync').mockRejectedValue(
      Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }),
    );
    const intake = new ReportIntake(open.db, () => new Date());
    const failed = await intake.save(report(), null).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(StorageFaultError);
    expect((failed as StorageFaultError).fault.reason).toBe('storage_error');
  });
});
