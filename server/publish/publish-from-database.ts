/**
 * Publishes the registry's next feed sequence: every stored record, community reports over the
 * threshold and contested marks, signed and written to the feed store (manifest last). It
 * refuses a feed with no records at all, and one that drops more than PUBLISH_MAX_DROP percent of
 * the last published feed's records unless forced: an extension that syncs a feed takes it as the
 * whole of what it knows, so an emptied or truncated database must not reach every shopper.
 */
import { sql } from 'kysely';
import type { RegistryConfig } from '../config';
import type { Db, DialectName } from '../db/schema';
import { forgetPublish, lastPublished, recordPublish } from '../store/records/publish-history';
import { publishableRecords } from '../store/records/publishable-records';
import { buildFeedSequence } from './feed-sequence';
import type { PublishResult } from './feed-writer';
import type { PublisherKey } from './publisher-key';
import type { FeedStore } from './stores/feed-store';

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

/** Another process published the same sequence first (two processes on one SQLite file). */
export class PublishConflictError extends Error {
  override readonly name = 'PublishConflictError';
}

type PublishConfig = Pick<
  RegistryConfig,
  | 'publisherName'
  | 'feedName'
  | 'communityThreshold'
  | 'communityWindowDays'
  | 'publishMaxDropPercent'
  | 'replacesShipped'
>;

/**
 * An arbitrary, fixed key for PostgreSQL's advisory lock that makes publishes take turns across
 * every instance on the database.
 */
const PUBLISH_LOCK = 0x50_48_41_4e; // "SHAN"

/**
 * Publishes the next sequence. On PostgreSQL everything happens in one transaction under an
 * advisory lock: the next sequence is read from the database, and the feed's files, the manifest
 * and the publishes row commit together, so concurrent publishes on any instances get distinct,
 * increasing sequences and every instance serves the newest whole. On SQLite (one server process)
 * the caller's queue keeps publishes in turn; the publishes row is claimed before any file is
 * written, so a second process publishing at once fails instead of writing the same sequence.
 */
export async function publishRegistry(
  db: Db,
  dialect: DialectName,
  feed: FeedStore,
  config: PublishConfig,
  key: PublisherKey,
  /** The publish's time, or the clock to read it from once the publish's turn has come. */
  clock: Date | (() => Date) = () => new Date(),
  options: PublishOptions = {},
): Promise<RegistryPublish> {
  const started = performance.now();
  // Read after the lock, so a publish that waited its turn is never dated before the one it followed.
  const now = () => (typeof clock === 'function' ? clock() : clock);
  const result =
    dialect === 'postgres'
      ? await db.transaction().execute(async (trx) => {
          await sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(trx);
          return publishInTurn(trx, feed.within(trx), config, key, now(), options, 'after');
        })
      : await publishInTurn(db, feed, config, key, now(), options, 'before');
  return { ...result, ms: performance.now() - started };
}

async function publishInTurn(
  db: Db,
  feed: FeedStore,
  config: PublishConfig,
  key: PublisherKey,
  now: Date,
  options: PublishOptions,
  /** When the publishes row is written: with the files in one transaction, or first as a claim. */
  claim: 'before' | 'after',
): Promise<Omit<RegistryPublish, 'ms'>> {
  const records = await publishableRecords(
    db,
    { threshold: config.communityThreshold, windowDays: config.communityWindowDays },
    now,
  );
  const last = await lastPublished(db);
  checkPublishSize(records.length, last, config.publishMaxDropPercent, options.force);
  const previous = await feed.previous();
  // The database's count leads; the feed's own manifest guards a database restored from an older
  // backup, so a sequence never goes back.
  const sequence = Math.max(last?.sequence ?? 0, previous?.manifest.sequence ?? 0) + 1;
  const built = await buildFeedSequence(sequence, previous, {
    records,
    privateKey: key.privateKey,
    publisher: config.publisherName,
    feedName: config.feedName,
    now,
    ...(config.replacesShipped ? { replacesShipped: true } : {}),
  });
  const entry = {
    sequence,
    publishedAt: now.toISOString(),
    records: records.length,
    changes: built.changes,
  };
  if (claim === 'before') {
    if (!(await recordPublish(db, entry))) {
      throw new PublishConflictError(`sequence ${sequence} was published by another process`);
    }
    try {
      await feed.write(built);
    } catch (error) {
      await forgetPublish(db, sequence).catch(() => {});
      throw error;
    }
  } else {
    await feed.write(built);
    if (!(await recordPublish(db, entry))) {
      throw new PublishConflictError(`sequence ${sequence} was published twice`);
    }
  }
  return {
    sequence,
    snapshot: built.snapshot,
    delta: built.delta,
    changes: built.changes,
    records: records.length,
  };
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
