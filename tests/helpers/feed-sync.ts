/**
 * A database synced from an in-memory signed feed, and a byte-for-byte dump of what it stores, for
 * the feed sync tests.
 */
import { expect } from 'vitest';
import { type Database, openDatabase } from '../../utils/db/database';
import { type LoadedData, loadData } from '../../utils/db/flag-store';
import { type SyncInput, syncFeed } from '../../utils/feed/sync';
import type { FlagRecord } from '../../utils/protocol/records';
import { FEED_NOW, MANIFEST, MemoryFeed, publicKey } from './memory-feed';
import { record } from './records';

export const now = FEED_NOW;

export const demo = (n: number, status: FlagRecord['status'] = 'confirmed') =>
  Array.from({ length: n }, (_, i) => record(`tiki:item:${100000 + i}`, { status }));

export async function sync(
  db: Database,
  feed: MemoryFeed,
  current?: LoadedData,
  keys = [publicKey],
) {
  const input: SyncInput = {
    db,
    source: { manifestUrl: MANIFEST, publicKeys: keys },
    current: current ?? (await loadData(db)),
    etag: null,
    fetch: feed.fetch,
    now,
  };
  return syncFeed(input);
}

/** Everything stored, byte for byte: meta values and chunks. */
export async function dump(db: Database): Promise<string> {
  const meta = await db.getAll('meta');
  const metaKeys = await db.getAllKeys('meta');
  const chunks = await db.getAll('chunks');
  const show = async (v: unknown) =>
    v instanceof Blob
      ? `blob:${Buffer.from(await v.arrayBuffer()).toString('base64')}`
      : v instanceof ArrayBuffer
        ? Buffer.from(v).toString('base64')
        : JSON.stringify(v);
  return JSON.stringify({
    meta: await Promise.all(metaKeys.map(async (k, i) => [k, await show(meta[i])])),
    chunks: chunks.map((c) => [
      c.id,
      Buffer.from(c.data).toString('base64'),
      c.parts ? [[...c.parts.offsets], c.parts.firstKeys] : null,
    ]),
  });
}

/** A fresh database synced from a feed of 3,000 records: what the tests start from. */
export async function startSynced() {
  const db = await openDatabase();
  const feed = new MemoryFeed();
  await feed.publish(demo(3000));
  const result = await sync(db, feed);
  expect(result.status).toBe('updated');
  return { db, feed, base: await loadData(db), before: await dump(db) };
}
