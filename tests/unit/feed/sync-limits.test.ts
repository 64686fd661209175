/**
 * Feeds made to exhaust the client: a snapshot that inflates far past what its record count allows,
 * a manifest larger than any real one, and a delta that is not the one the manifest signed. Each is
 * refused and the data stays byte for byte as it was.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildManifest, signManifest } from '../../../server/publish/feed-builder';
import { loadData } from '../../../utils/db/flag-store';
import { demo, dump, now, startSynced, sync } from '../../helpers/feed-sync';
import { BASE, MANIFEST, type MemoryFeed, privateKey } from '../../helpers/memory-feed';

/** Signs and serves a manifest whose snapshot is `payload`, claiming `count` records. */
async function serveSnapshot(feed: MemoryFeed, payload: Uint8Array, count: number) {
  feed.sequence++;
  const url = `snapshot-crafted-${feed.sequence}.ndjson.gz`;
  feed.files.set(BASE + url, payload);
  const { bytes } = buildManifest({
    sequence: feed.sequence,
    publisher: 'Test registry',
    publishedAt: now.toISOString(),
    expiresAt: '2027-01-01T00:00:00Z',
    snapshot: {
      url,
      sha256: createHash('sha256').update(payload).digest('hex'),
      bytes: payload.byteLength,
      count,
    },
    deltas: [],
  });
  feed.files.set(MANIFEST, bytes);
  feed.files.set(
    `${MANIFEST}.sig`,
    new TextEncoder().encode(await signManifest(bytes, privateKey)),
  );
}

describe('feed sync limits', () => {
  it('refuses a decompression bomb: a small snapshot that inflates past its record count', async () => {
    const { db, feed, base, before } = await startSynced();
    // 64 MB of one repeated line compress to about 64 KB; ten records may take 16 KB each.
    const line = `${JSON.stringify(demo(1)[0])}\n`;
    const bomb = gzipSync(Buffer.from(line.repeat(Math.ceil((64 * 1024 * 1024) / line.length))));
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    await serveSnapshot(feed, bomb, 10);
    await expect(sync(db, feed, base)).rejects.toThrow(/expands beyond its record count/);
    expect(await dump(db)).toBe(before);
  });

  it('refuses a manifest larger than any real one before reading all of it', async () => {
    const { db, feed, base, before } = await startSynced();
    const huge = new TextEncoder().encode(`{"padding":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    feed.files.set(MANIFEST, huge);
    feed.files.set(
      `${MANIFEST}.sig`,
      new TextEncoder().encode(await signManifest(huge, privateKey)),
    );
    await expect(sync(db, feed, base)).rejects.toThrow(/manifest.*larger than/);
    expect(await dump(db)).toBe(before);
  });

  it('refuses a delta whose bytes are not those the manifest signed, and does not fall back', async () => {
    const { db, feed, before } = await startSynced();
    await feed.publish(demo(3001));
    const delta = feed.files.get(`${BASE}delta-2.ndjson.gz`) as Uint8Array;
    delta[delta.length - 5] = (delta[delta.length - 5] as number) ^ 1;
    const fetched: string[] = [];
    const fetch = feed.fetch;
    feed.fetch = async (input, init) => {
      fetched.push(String(input));
      return fetch(input, init);
    };
    await expect(sync(db, feed, await loadData(db))).rejects.toThrow(/sha256/);
    expect(fetched).toContain(`${BASE}delta-2.ndjson.gz`);
    expect(fetched.some((url) => url.includes('snapshot-2'))).toBe(false);
    expect(await dump(db)).toBe(before);
  });
});
