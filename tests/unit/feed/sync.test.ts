import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '@/utils/db/database';
import { type LoadedData, loadData } from '@/utils/db/flag-store';
import { RecordReader } from '@/utils/db/record-reader';
import { RECORDS_PER_BLOCK } from '@/utils/feed/manifest';
import { buildManifest, gzipLines, signManifest } from '@/utils/feed/publish';
import { generateKeyPair } from '@/utils/feed/signature';
import { type SyncInput, syncFeed } from '@/utils/feed/sync';
import type { FlagRecord } from '@/utils/protocol/records';
import {
  BASE,
  FEED_NOW,
  MANIFEST,
  MemoryFeed,
  privateKey,
  publicKey,
} from '../../helpers/memory-feed';
import { record } from '../../helpers/records';

const now = FEED_NOW;

const demo = (n: number, status: FlagRecord['status'] = 'confirmed') =>
  Array.from({ length: n }, (_, i) => record(`tiki:item:${100000 + i}`, { status }));

async function sync(db: Database, feed: MemoryFeed, current?: LoadedData, keys = [publicKey]) {
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
async function dump(db: Database): Promise<string> {
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
    chunks: chunks.map((c) => [c.id, Buffer.from(c.data).toString('base64')]),
  });
}

describe('feed sync', () => {
  let db: Database;
  let feed: MemoryFeed;
  let base: LoadedData;

  beforeAll(() => {
    expect(privateKey).not.toBe('');
  });

  async function start() {
    db = await openDatabase();
    feed = new MemoryFeed();
    await feed.publish(demo(3000));
    const result = await sync(db, feed);
    expect(result.status).toBe('updated');
    base = await loadData(db);
    return dump(db);
  }

  it('applies a valid snapshot: every record readable, described by the manifest', async () => {
    await start();
    expect(base.info).toMatchObject({
      source: 'feed',
      sequence: 1,
      recordCount: 3000,
      counts: { item: 3000 },
    });
    const found = await new RecordReader(db, base.index).get([
      'tiki:item:100000',
      'tiki:item:102999',
      'tiki:item:1',
    ]);
    expect(found.size).toBe(2);
  });

  const refusals: Array<[string, RegExp, (feed: MemoryFeed) => Promise<void>, string[]?]> = [
    [
      'a bad signature',
      /bad_signature|signature/,
      async (f) => {
        await f.publish(demo(10));
        f.files.set(`${MANIFEST}.sig`, new TextEncoder().encode('AAAA'));
      },
    ],
    [
      'a manifest signed with another key',
      /signature/,
      async (f) => {
        const other = await generateKeyPair();
        await f.publish(demo(10), {}, other.privateKey);
      },
    ],
    [
      'a tampered manifest',
      /signature/,
      async (f) => {
        await f.publish(demo(10));
        const text = new TextDecoder()
          .decode(f.files.get(MANIFEST))
          .replace('Test registry', 'Evil registry');
        f.files.set(MANIFEST, new TextEncoder().encode(text));
      },
    ],
    [
      'an expired manifest',
      /expired/,
      async (f) => {
        await f.publish(demo(10), { expiresAt: '2026-11-01T00:00:00Z' });
      },
    ],
    [
      'a snapshot whose hash does not match',
      /sha256/,
      async (f) => {
        // Without deltas in the manifest the snapshot is fetched; one of its bytes is changed.
        await f.publish(demo(10), { deltas: [] });
        const snapshot = f.files.get(`${BASE}snapshot-${f.sequence}.ndjson.gz`) as Uint8Array;
        snapshot[snapshot.length - 5] = (snapshot[snapshot.length - 5] as number) ^ 1;
      },
    ],
    [
      'a file larger than its declared size',
      /larger than/,
      async (f) => {
        await f.publish(demo(10), { deltas: [] });
        const url = `${BASE}snapshot-${f.sequence}.ndjson.gz`;
        const s = f.files.get(url) as Uint8Array;
        f.files.set(url, new Uint8Array([...s, 0, 0, 0]));
      },
    ],
  ];

  for (const [what, message, tamper] of refusals) {
    it(`refuses ${what} and leaves the data and index byte for byte`, async () => {
      const before = await start();
      await tamper(feed);
      await expect(sync(db, feed, base)).rejects.toThrow(message);
      expect(await dump(db)).toBe(before);
    });
  }

  it('refuses a rollback to a lower sequence and leaves the data and index byte for byte', async () => {
    await start();
    const oldManifest = feed.files.get(MANIFEST) as Uint8Array;
    const oldSignature = feed.files.get(`${MANIFEST}.sig`) as Uint8Array;
    await feed.publish(demo(20));
    const updated = await sync(db, feed, base);
    expect(updated.status).toBe('updated');
    const before = await dump(db);
    feed.files.set(MANIFEST, oldManifest);
    feed.files.set(`${MANIFEST}.sig`, oldSignature);
    await expect(sync(db, feed, await loadData(db))).rejects.toThrow(
      /offers sequence 1, we hold 2/,
    );
    expect(await dump(db)).toBe(before);
  });

  it('refuses a truncated gzip and one invalid record among thousands, changing nothing', async () => {
    const before = await start();
    const records = demo(5000);
    const bad = [
      ...records.slice(0, 2500),
      { ...records[2500], status: 'bogus' },
      ...records.slice(2501),
    ];
    for (const [payload, message] of [
      [await gzipLines(bad), /line 2501/],
      [(await gzipLines(records)).slice(0, 2000), /not valid gzip/],
    ] as const) {
      feed.sequence++;
      const url = `snapshot-bad-${feed.sequence}.ndjson.gz`;
      feed.files.set(BASE + url, payload);
      const { createHash } = await import('node:crypto');
      const ref = {
        url,
        sha256: createHash('sha256').update(payload).digest('hex'),
        bytes: payload.byteLength,
        count: records.length,
      };
      const { bytes } = buildManifest({
        sequence: feed.sequence,
        publisher: 'Test registry',
        publishedAt: now.toISOString(),
        expiresAt: '2027-01-01T00:00:00Z',
        snapshot: ref,
        deltas: [],
      });
      feed.files.set(MANIFEST, bytes);
      feed.files.set(
        `${MANIFEST}.sig`,
        new TextEncoder().encode(await signManifest(bytes, privateKey)),
      );
      await expect(sync(db, feed, base)).rejects.toThrow(message);
      expect(await dump(db)).toBe(before);
    }
  });

  it('a delta chain and the snapshot give the same index and records', async () => {
    await start();
    let current = base;
    const second = demo(3000).map((r, i) =>
      i % 50 === 0 ? { ...r, status: 'suspected' as const } : r,
    );
    await feed.publish([...second.slice(100), record('domain:lazada-001.com')]);
    const third = [
      ...second.slice(100),
      record('domain:lazada-001.com'),
      record('product:colos iq for mum'),
    ];
    await feed.publish(third);
    const viaDelta = await sync(db, feed, current);
    expect(viaDelta).toMatchObject({ status: 'updated', via: 'delta' });
    current = (viaDelta as { loaded: LoadedData }).loaded;

    const fresh = await openDatabase('fresh');
    const viaSnapshot = await sync(fresh, feed);
    expect(viaSnapshot).toMatchObject({ status: 'updated', via: 'snapshot' });
    const snapshotLoaded = (viaSnapshot as { loaded: LoadedData }).loaded;

    const fingerprints = (l: LoadedData) =>
      Array.from(l.index.entries(), ({ hi, lo16 }) => `${hi}:${lo16}`).sort();
    expect(fingerprints(current)).toEqual(fingerprints(snapshotLoaded));
    expect(current.info).toMatchObject({
      sequence: 3,
      recordCount: 2902,
      counts: { item: 2900, domain: 1, product: 1 },
    });
    expect(current.info?.counts).toEqual(snapshotLoaded.info?.counts);
    expect(current.names).toEqual(snapshotLoaded.names);
    const keys = third.map((r) => r.key).concat(['tiki:item:100000', 'tiki:item:100099']);
    const a = await new RecordReader(db, current.index).get(keys);
    const b = await new RecordReader(fresh, snapshotLoaded.index).get(keys);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(a.has('tiki:item:100000')).toBe(false); // deleted by the delta
    expect(a.get('tiki:item:100150')?.status).toBe('suspected');
    fresh.close();
  });

  it('stores a blocked snapshot block by block, and accepts a plain one-member gzip snapshot', async () => {
    await start();
    expect(await db.count('chunks')).toBe(Math.ceil(3000 / RECORDS_PER_BLOCK));
    const stored = await db.get('chunks', 0);
    const published = feed.files.get(`${BASE}snapshot-1.ndjson.gz`) as Uint8Array;
    expect(
      Buffer.from(stored?.data ?? []).equals(
        Buffer.from(published.subarray(0, stored?.data.byteLength)),
      ),
    ).toBe(true);

    const fresh = await openDatabase('plain');
    const plain = new MemoryFeed();
    plain.plain = true;
    await plain.publish(demo(600));
    const result = await sync(fresh, plain);
    expect(result).toMatchObject({ status: 'updated', loaded: { info: { recordCount: 600 } } });
    const found = await new RecordReader(
      fresh,
      (result as { loaded: LoadedData }).loaded.index,
    ).get(['tiki:item:100599']);
    expect(found.size).toBe(1);
    fresh.close();
  });

  it('refuses a bad record in the last block of a snapshot stored as it is checked, changing nothing', async () => {
    const before = await start();
    const records = demo(5000);
    // Blocks before the bad one are already staged (10 blocks, 8 a transaction) when it is found.
    records[4990] = { ...records[4990], status: 'bogus' } as unknown as FlagRecord;
    await feed.publish(records, { deltas: [] });
    await expect(sync(db, feed, base)).rejects.toThrow(/line 5000: [\s\S]*status/);
    expect(await dump(db)).toBe(before);
  });

  it('refuses block offsets that do not fall on gzip members, changing nothing', async () => {
    const before = await start();
    await feed.publish(demo(1000), { deltas: [] });
    const manifest = JSON.parse(new TextDecoder().decode(feed.files.get(MANIFEST)));
    manifest.snapshot.blocks = [0, 10, 20];
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    feed.files.set(MANIFEST, bytes);
    feed.files.set(
      `${MANIFEST}.sig`,
      new TextEncoder().encode(await signManifest(bytes, privateKey)),
    );
    await expect(sync(db, feed, base)).rejects.toThrow(/block 1 is not valid gzip/);
    expect(await dump(db)).toBe(before);
  });

  it('says unchanged when the manifest is the one it holds', async () => {
    await start();
    expect((await sync(db, feed, base)).status).toBe('unchanged');
  });
});
