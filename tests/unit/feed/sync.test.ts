import { beforeAll, describe, expect, it } from 'vitest';
import { buildManifest, gzipLines, signManifest } from '../../../server/publish/feed-builder';
import { type Database, openDatabase } from '../../../utils/db/database';
import { type LoadedData, loadData } from '../../../utils/db/flag-store';
import { RecordReader } from '../../../utils/db/record-reader';
import { generateKeyPair } from '../../../utils/feed-format/signature';
import { demo, dump, now, startSynced, sync } from '../../helpers/feed-sync';
import { BASE, MANIFEST, type MemoryFeed, privateKey } from '../../helpers/memory-feed';
import { record } from '../../helpers/records';

describe('feed sync', () => {
  let db: Database;
  let feed: MemoryFeed;
  let base: LoadedData;

  beforeAll(() => {
    expect(privateKey).not.toBe('');
  });

  async function start() {
    let before: string;
    ({ db, feed, base, before } = await startSynced());
    return before;
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
        f.setSignature('AAAA');
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
      'a manifest that names a key other than the one signing it',
      /names key 0000000000000000/,
      async (f) => {
        await f.publish(demo(10), { feed: { keyId: '0000000000000000', name: 'test-feed' } });
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

  it('verifies the manifest it fetched even when a publish lands between its two requests', async () => {
    await start();
    await feed.publish(demo(20));
    const served = feed.fetch;
    let published = false;
    // The next publish happens right after the manifest is read, before its signature is asked for.
    feed.fetch = async (input, init) => {
      const response = await served(input, init);
      if (String(input) === MANIFEST && !published) {
        published = true;
        await feed.publish(demo(30));
      }
      return response;
    };
    const updated = await sync(db, feed, await loadData(db));
    expect(updated).toMatchObject({ status: 'updated', manifest: { sequence: 2 } });
    expect(published).toBe(true);
  });

  it('falls back to manifest.json.sig when a store refuses the hash-named file with 403', async () => {
    await start();
    await feed.publish(demo(20));
    const served = feed.fetch;
    feed.fetch = async (input, init) =>
      /\/manifest\.[0-9a-f]{64}\.sig$/.test(String(input))
        ? new Response('AccessDenied', { status: 403 })
        : served(input, init);
    const updated = await sync(db, feed, await loadData(db));
    expect(updated).toMatchObject({ status: 'updated', manifest: { sequence: 2 } });
  });

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

  it('says unchanged when the manifest is the one it holds', async () => {
    await start();
    expect((await sync(db, feed, base)).status).toBe('unchanged');
  });
});
