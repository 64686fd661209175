import { describe, expect, it } from 'vitest';
import { sortRecords } from '../../../server/publish/feed-builder';
import { type Database, openDatabase } from '../../../utils/db/database';
import { loadData, packLines } from '../../../utils/db/flag-store';
import { RecordReader } from '../../../utils/db/record-reader';
import { SnapshotWriter } from '../../../utils/db/snapshot-writer';
import { MAX_CHUNKS } from '../../../utils/lookup/packed-index';
import { dataInfo, record } from '../../helpers/records';
import { toStoredLines, writeSnapshotChunks } from '../../helpers/stored';

const info = (sequence: number) => {
  const { recordCount: _r, counts: _c, ...rest } = dataInfo({ sequence, source: 'feed' });
  return rest;
};

/** `n` records of one site, packed as the client packs a plain snapshot (512 a chunk). */
async function packed(site: string, n: number) {
  const records = sortRecords(Array.from({ length: n }, (_, i) => record(`${site}:item:${i + 1}`)));
  return packLines(toStoredLines(records));
}

/** Stores `n` records of `site` as snapshot `sequence`, beside the data `current` describes. */
async function store(
  db: Database,
  site: string,
  n: number,
  sequence: number,
  current = { nextChunk: 0 },
) {
  return writeSnapshotChunks(db, current, await packed(site, n), info(sequence));
}

const chunkIds = async (db: Database) => db.getAllKeys('chunks');

async function readable(db: Database, keys: string[]) {
  return [...(await new RecordReader(db, (await loadData(db)).index).get(keys)).keys()].sort();
}

describe('snapshot writer', () => {
  it('stages a new snapshot beside the current one, then keeps only the new chunks', async () => {
    const db = await openDatabase();
    const first = await store(db, 'tiki', 1100, 1);
    expect(await chunkIds(db)).toEqual([0, 1, 2]);
    const second = await store(db, 'sendo', 600, 2, first);
    expect(await chunkIds(db)).toEqual([3, 4]);
    expect(second).toMatchObject({ nextChunk: 5, info: { recordCount: 600, sequence: 2 } });
    expect(await readable(db, ['sendo:item:1', 'sendo:item:600', 'tiki:item:1'])).toEqual([
      'sendo:item:1',
      'sendo:item:600',
    ]);
    db.close();
  });

  it('leaves the current data untouched while staging, and a discarded snapshot leaves no trace', async () => {
    const db = await openDatabase();
    const first = await store(db, 'tiki', 600, 1);
    const before = JSON.stringify([await db.getAll('chunks'), await db.get('meta', 'data')]);
    const writer = await SnapshotWriter.open(db, first, 20);
    for (const chunk of await packed('sendo', 20 * 512)) writer.add(chunk);
    // Staged chunks are stored under new numbers; the current data still answers as before.
    expect(await readable(db, ['tiki:item:1', 'sendo:item:1'])).toEqual(['tiki:item:1']);
    await writer.discard();
    expect(JSON.stringify([await db.getAll('chunks'), await db.get('meta', 'data')])).toBe(before);
    db.close();
  });

  it('refuses more chunks than the snapshot declared', async () => {
    const db = await openDatabase();
    const writer = await SnapshotWriter.open(db, { nextChunk: 0 }, 1);
    const [one, two] = await packed('tiki', 600);
    writer.add(one as never);
    expect(() => writer.add(two as never)).toThrow(/more than the 1 chunks/);
    db.close();
  });

  it('removes chunks a stopped worker left behind, with the next snapshot', async () => {
    const db = await openDatabase();
    const first = await store(db, 'tiki', 600, 1);
    // A staging interrupted by the worker stopping: rows above the data, referenced by nothing.
    await db.put('chunks', { id: 40, data: new Uint8Array([1, 2, 3]), count: 1 });
    await store(db, 'sendo', 100, 2, first);
    expect(await chunkIds(db)).toEqual([2]);
    db.close();
  });

  it('stages below the current chunks when the numbers above are used up', async () => {
    const db = await openDatabase();
    await store(db, 'tiki', 600, 1, { nextChunk: 10 });
    expect(await chunkIds(db)).toEqual([10, 11]);
    const near = { nextChunk: MAX_CHUNKS - 1 };
    const loaded = await store(db, 'sendo', 1100, 2, near);
    expect(await chunkIds(db)).toEqual([0, 1, 2]);
    expect(loaded.nextChunk).toBe(3);
    expect(await readable(db, ['sendo:item:1100', 'tiki:item:1'])).toEqual(['sendo:item:1100']);
    db.close();
  });

  it('writes everything at the switch when no free range is left', async () => {
    const db = await openDatabase();
    await store(db, 'tiki', 600, 1, { nextChunk: 1 });
    const loaded = await store(db, 'sendo', 1100, 2, { nextChunk: MAX_CHUNKS - 1 });
    expect(await chunkIds(db)).toEqual([0, 1, 2]);
    expect(loaded.nextChunk).toBe(3);
    expect(await readable(db, ['sendo:item:1', 'tiki:item:1'])).toEqual(['sendo:item:1']);
    db.close();
  });
});
