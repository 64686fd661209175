/**
 * The registry's housekeeping, on every instance: at start and every hour, the sweeps that clear what
 * a crash left (feed files never published, evidence never committed, or committed but not yet
 * renamed); every minute on PostgreSQL, the rate counts of minutes that ended.
 */
import type { Registry } from './registry';
import { mediaTypeOf } from './store/evidence/key-evidence';
import { dropEndedCounts } from './store/limits/rate-counts';

const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * `olderThanMs`: leftovers younger than this are left, as a write under way may still own them; a
 * SQLite server starting has no write under way (one process owns its files), so it clears all.
 */
export async function sweepLeftovers(
  registry: Registry,
  olderThanMs?: number,
): Promise<{ feed: number; evidence: number }> {
  const feed = await registry.feed.sweep(olderThanMs);
  const evidence = await registry.evidence.sweep(
    async (sha256) => (await mediaTypeOf(registry.db, sha256)) !== null,
    olderThanMs,
  );
  return { feed, evidence };
}

export function startMaintenance(registry: Registry): () => void {
  const log = registry.log;
  const sweep = (olderThanMs?: number) =>
    sweepLeftovers(registry, olderThanMs).then(
      (removed) => {
        if (removed.feed + removed.evidence > 0) log.info(removed, 'removed what a crash left');
      },
      (error: unknown) => log.warn({ err: error }, 'sweep failed'),
    );
  void sweep(registry.database.dialect === 'sqlite' ? 0 : undefined);
  const timers = [setInterval(() => sweep(), SWEEP_EVERY_MS)];
  if (registry.database.dialect === 'postgres') {
    timers.push(
      setInterval(() => {
        dropEndedCounts(registry.db).catch((error: unknown) =>
          log.warn({ err: error }, 'dropping ended rate counts failed'),
        );
      }, 60_000),
    );
  }
  for (const timer of timers) timer.unref();
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
