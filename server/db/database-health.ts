/**
 * What `/health` says about storage: up, or down with a reason a monitor can act on. Down when the
 * disk where the registry writes is (nearly) full, when a write lately failed for lack of disk or
 * an I/O error (write-watch.ts), or when the probe write (health-probe.ts) fails or has not
 * finished within PROBE_DEADLINE_MS (another process holds SQLite's lock, PostgreSQL is away).
 * The probe runs at most once every PROBE_EVERY_MS; callers in between share its answer, so a
 * flood of health checks is not a flood of writes. One that outlives its deadline (a PostgreSQL
 * table lock has no timeout) is not joined by another: the answer stays "busy" until it ends, and
 * it holds one connection at most.
 */
import { statfs } from 'node:fs/promises';
import { probeWrite } from './health-probe';
import type { Db } from './schema';
import { databaseFault, type FaultReason, faultOf, type StorageFault } from './storage-faults';
import type { WriteWatch } from './write-watch';

/** Below this much free space a screenshot (2 MB) and the next checkpoint may not fit. */
export const LOW_DISK_BYTES = 16 * 1024 * 1024;
export const PROBE_DEADLINE_MS = 1000;
export const PROBE_EVERY_MS = 1000;

export type HealthState = { ok: true } | { ok: false; reason: FaultReason; message: string };

const down = (fault: StorageFault, message = fault.message): HealthState => ({
  ok: false,
  reason: fault.reason,
  message,
});

async function freeBytes(directory: string): Promise<number | null> {
  try {
    const stats = await statfs(directory);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

class ProbeDeadline extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeDeadline()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export class DatabaseHealth {
  private last: { at: number; state: Promise<HealthState> } | null = null;
  /** The probe write under way, if one is (it may outlive its deadline). */
  private probing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly watch: WriteWatch,
    /** Where the registry writes files: the SQLite database's directory, the evidence directory. */
    private readonly directories: readonly string[],
  ) {}

  check(): Promise<HealthState> {
    const remembered = this.watch.current();
    if (remembered) return Promise.resolve(down(remembered));
    const now = Date.now();
    if (!this.last || now - this.last.at >= PROBE_EVERY_MS) {
      this.last = { at: now, state: this.measure() };
    }
    return this.last.state;
  }

  private async measure(): Promise<HealthState> {
    for (const directory of this.directories) {
      const free = await freeBytes(directory);
      if (free !== null && free < LOW_DISK_BYTES) {
        return down(
          faultOf('disk_full'),
          `the disk where the registry writes has ${Math.floor(free / 1024)} KiB free ` +
            `(below ${LOW_DISK_BYTES / 1024 / 1024} MiB)`,
        );
      }
    }
    if (this.probing) {
      return down(faultOf('database_busy'), 'the last probe write has not finished yet');
    }
    const probe = probeWrite(this.db, new Date());
    this.probing = probe;
    probe.then(
      () => this.settled(probe),
      () => this.settled(probe),
    );
    try {
      await withDeadline(probe, PROBE_DEADLINE_MS);
      return { ok: true };
    } catch (error) {
      if (error instanceof ProbeDeadline) {
        return down(
          faultOf('database_busy'),
          `the database did not take a write within ${PROBE_DEADLINE_MS} ms`,
        );
      }
      return down(databaseFault(error) ?? faultOf('database_unavailable'));
    }
  }

  private settled(probe: Promise<void>): void {
    if (this.probing === probe) this.probing = null;
  }
}
