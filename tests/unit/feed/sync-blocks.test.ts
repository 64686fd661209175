import { describe, expect, it } from 'vitest';
import { signManifest } from '../../../server/publish/feed-builder';
import { openDatabase } from '../../../utils/db/database';
import type { LoadedData } from '../../../utils/db/flag-store';
import { RecordReader } from '../../../utils/db/record-reader';
import { RECORDS_PER_BLOCK, RECORDS_PER_PART } from '../../../utils/feed-format/manifest';
import type { FlagRecord } from '../../../utils/protocol/records';
import { demo, dump, startSynced, sync } from '../../helpers/feed-sync';
import { BASE, MANIFEST, MemoryFeed, privateKey } from '../../helpers/memory-feed';

describe('feed sync: snapshots in gzip blocks', () => {
  it('stores a blocked snapshot block by block, and accepts a plain one-member gzip snapshot', async () => {
    const { db, feed } = await startSynced();
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

  it('stores where each block is flushed in parts, reads a hit from its part, and falls back to the whole block when parts mislead', async () => {
    const { db, base } = await startSynced();
    const rows = await db.getAll('chunks');
    const keys = demo(3000).map((r) => r.key);
    for (const row of rows) {
      const first = keys.indexOf(row.parts?.firstKeys[0] ?? '');
      expect(row.parts?.firstKeys).toEqual(
        keys.slice(first, first + row.count).filter((_, i) => i % RECORDS_PER_PART === 0),
      );
      expect(row.parts?.offsets.length).toBe(Math.ceil(row.count / RECORDS_PER_PART) + 1);
    }
    expect((await new RecordReader(db, base.index).get(keys)).size).toBe(3000);

    // Parts that point at the wrong place or name the wrong keys cost a whole-block read, nothing more.
    for (const row of rows) {
      const parts = row.parts as NonNullable<typeof row.parts>;
      await db.put('chunks', {
        ...row,
        parts: {
          offsets: parts.offsets.map((offset, i) => (i % 2 === 0 ? offset + 5 : offset)),
          firstKeys: [...parts.firstKeys].reverse(),
        },
      });
    }
    const found = await new RecordReader(db, base.index).get(keys);
    expect(found.size).toBe(3000);
    expect(found.get('tiki:item:101234')?.key).toBe('tiki:item:101234');
  });

  it('reads a hit from its part alone: the rest of the block is not inflated', async () => {
    const { db, base } = await startSynced();
    const row = await db.get('chunks', 0);
    const parts = row?.parts as NonNullable<NonNullable<typeof row>['parts']>;
    const data = Uint8Array.from(row?.data ?? []);
    // The block's last part made unreadable: inflating the whole block would now fail.
    data.fill(0xff, parts.offsets[7], parts.offsets[8]);
    await db.put('chunks', { ...(row as NonNullable<typeof row>), data });
    const first = parts.firstKeys[0] as string;
    const found = await new RecordReader(db, base.index).get([first]);
    expect(found.get(first)?.key).toBe(first);
  });

  it('refuses a bad record in the last block of a snapshot stored as it is checked, changing nothing', async () => {
    const { db, feed, base, before } = await startSynced();
    const records = demo(5000);
    // Blocks before the bad one are already staged (10 blocks, 8 a transaction) when it is found;
    // the error names its line in the file.
    records[4990] = { ...records[4990], status: 'bogus' } as unknown as FlagRecord;
    await feed.publish(records, { deltas: [] });
    await expect(sync(db, feed, base)).rejects.toThrow(/line 4991: [\s\S]*status/);
    expect(await dump(db)).toBe(before);
  });

  it('refuses block offsets that do not fall on gzip members, changing nothing', async () => {
    const { db, feed, base, before } = await startSynced();
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
});
