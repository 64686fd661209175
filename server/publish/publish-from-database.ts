/**
 * Publishes the registry's next feed sequence: every stored record, community reports over the
 * threshold and contested marks, signed and written to the feed directory (manifest last). It
 * refuses a feed with no records at all, and one that drops more than PUBLISH_MAX_DROP percent of
 * the last published feed's records unless forced: an extension that syncs a feed takes it as the
 * whole of what it knows, so an emptied or truncated database must not reach every shopper.
 */
import type { Kysely } from 'kysely';
import type { RegistryConfig } from '../config';
import type { RegistryDatabase } from '../db/schema';
import { lastPublished, recordPublish } from '../store/records/publish-history';
import { publishableRecords } from '../store/records/publishable-records';
import { type PublishResult, publishFeed } from './feed-writer';
import type { PublisherKey } from './publisher-key';

export interface RegistryPublish extends PublishResult {
  records: number;
  ms: number;
}

/** Why a publish was refused: `empty_feed` or `feed_shrinks`, with a message naming the counts. */
export class PublishRefusedError extends Error {
  override readonly name = 'PublishRefusedError';
  constructor(
    readonly code: 'empty_feed' | 'feed_shrinks',
    message: string,
  ) {
    super(message);
  }
}

export interface PublishOptions {
  /** Publish even when the feed drops more than the allowed share (never an empty one). */
  force?: boolean;
}

/** Refuses an empty feed always, and a shrinking one past the allowed share unless forced. */
export function checkPublishSize(
  count: number,
  last: { sequence: number; records: number } | null,
  maxDropPercent: number,
  force = false,
): void {
  if (count === 0) {
    throw new PublishRefusedError(
      'empty_feed',
      'refusing to publish a feed with 0 records: extensions that sync it would drop every record ' +
        'they hold. Import records first (the shipped sources are imported on the first start ' +
        'unless IMPORT_SHIPPED_SOURCES=0; npm run server:import -- <file>)',
    );
  }
  if (force || !last || last.records === 0) return;
  const dropped = last.records - count;
  if (dropped * 100 <= last.records * maxDropPercent) return;
  const percent = Math.floor((dropped * 100) / last.records);
  throw new PublishRefusedError(
    'feed_shrinks',
    `refusing to publish ${count} records: the last feed (sequence ${last.sequence}) held ` +
      `${last.records}, and dropping ${dropped} (${percent}%) is more than PUBLISH_MAX_DROP=` +
      `${maxDropPercent}% allows. If the drop is meant, publish with --force ` +
      '(or POST /v1/review/publish with {"force": true})',
  );
}

export async function publishRegistry(
  db: Kysely<RegistryDatabase>,
  config: Pick<
    RegistryConfig,
    | 'feedDir'
    | 'publisherName'
    | 'feedName'
    | 'communityThreshold'
    | 'communityWindowDays'
    | 'publishMaxDropPercent'
    | 'replacesShipped'
  >,
  key: PublisherKey,
  now = new Date(),
  options: PublishOptions = {},
): Promise<RegistryPublish> {
  const started = performance.now();
  const records = await publishableRecords(
    db,
    { threshold: config.communityThreshold, windowDays: config.communityWindowDays },
    now,
  );
  checkPublishSize(
    records.length,
    await lastPublished(db),
    config.publishMaxDropPercent,
    options.force,
  );
  const result = await publishFeed({
    dir: config.feedDir,
    records,
    privateKey: key.privateKey,
    publisher: config.publisherName,
    feedName: config.feedName,
    now,
    ...(config.replacesShipped ? { replacesShipped: true } : {}),
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
