/**
 * PUBLISH_EVERY: a publish every interval, by exactly one of the instances sharing the database.
 * Every instance ticks; the one holding the `scheduled-publish` lease publishes and renews it, the
 * others only check it. A lease lasts three intervals, so a holder that died is replaced within
 * about three intervals, and a slow publish never loses its lease while it runs.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Db } from '../db/schema';
import { releaseLease, takeLease } from '../store/leases/leases';
import type { PublishRefusedError, RegistryPublish } from './publish-from-database';

export const PUBLISH_LEASE = 'scheduled-publish';

export interface ScheduledPublishes {
  /** Stops ticking; waits for a publish under way; gives the lease up. */
  stop(): Promise<void>;
}

export function schedulePublishes(
  db: Db,
  everyMs: number,
  publish: () => Promise<RegistryPublish>,
  log: Logger,
): ScheduledPublishes {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const tick = async () => {
    try {
      if (!(await takeLease(db, PUBLISH_LEASE, holder, everyMs * 3))) return;
      // A publish longer than the lease keeps it: renewed every interval while it runs.
      const renewing = setInterval(() => {
        takeLease(db, PUBLISH_LEASE, holder, everyMs * 3).catch(() => {});
      }, everyMs);
      const result = await publish().finally(() => clearInterval(renewing));
      log.info(
        { sequence: result.sequence, records: result.records, ms: Math.round(result.ms) },
        'scheduled publish',
      );
    } catch (error) {
      const refused = (error as PublishRefusedError).name === 'PublishRefusedError';
      log[refused ? 'warn' : 'error']({ err: error }, 'scheduled publish failed');
    }
  };
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(next);
    }, everyMs);
  };
  next();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await releaseLease(db, PUBLISH_LEASE, holder).catch(() => {});
    },
  };
}
