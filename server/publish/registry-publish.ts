/**
 * Publishes the registry's next feed sequence: every stored record, community reports over the
 * threshold and contested marks, signed and written to the feed directory (manifest last).
 */
import type { Kysely } from 'kysely';
import type { RegistryConfig } from '../config';
import { publishableRecords, recordPublish } from '../store/records';
import type { RegistryDatabase } from '../store/schema';
import { type PublishResult, publishFeed } from './publisher';
import type { PublisherKey } from './publisher-key';

export interface RegistryPublish extends PublishResult {
  records: number;
  ms: number;
}

export async function publishRegistry(
  db: Kysely<RegistryDatabase>,
  config: Pick<
    RegistryConfig,
    'feedDir' | 'publisherName' | 'feedName' | 'communityThreshold' | 'communityWindowDays'
  >,
  key: PublisherKey,
  now = new Date(),
): Promise<RegistryPublish> {
  const started = performance.now();
  const records = await publishableRecords(
    db,
    { threshold: config.communityThreshold, windowDays: config.communityWindowDays },
    now,
  );
  const result = await publishFeed({
    dir: config.feedDir,
    records,
    privateKey: key.privateKey,
    publisher: config.publisherName,
    feedName: config.feedName,
    now,
  });
  await recordPublish(db, {
    sequence: result.sequence,
    publishedAt: now.toISOString(),
    records: records.length,
    changes: result.changes,
  });
  return { ...result, records: records.length, ms: performance.now() - started };
}

/**
 * Runs publishes one at a time: a scheduled one and one asked for by an admin never write the
 * same directory together.
 */
export class PublishQueue {
  private running: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.running.then(job, job);
    this.running = next.catch(() => {});
    return next;
  }
}
