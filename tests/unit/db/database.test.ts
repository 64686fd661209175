import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { sortRecords } from '../../../server/publish/feed-builder';
import { DB_NAME, DB_VERSION, openDatabase } from '../../../utils/db/database';
import { loadData, writeDelta } from '../../../utils/db/flag-store';
import { RecordReader } from '../../../utils/db/record-reader';
import type { FlagRecord } from '../../../utils/protocol/records';
import { dataInfo, record } from '../../helpers/records';
import { toStoredLines, writeSnapshot } from '../../helpers/stored';

const info = (sequence: number) => {
  const { recordCount: _r, counts: _c, ...rest } = dataInfo({ sequence, source: 'feed' });
  return rest;
};

const upsert = (r: FlagRecord) => ({ op: 'upsert' as const, key: r.key, line: JSON.stringify(r) });

/** The stored index blob's bytes. */
async function storedIndex(db: Awaited<ReturnType<typeof openDatabase>>) {
  return new Uint8Array(await ((await db.get('meta', 'index')) as Blob).arrayBuffer());
}

async function readAll(db: Awaited<ReturnType<typeof openDatabase>>, keys: string[]) {
  const loaded = await loadData(db);
  return new RecordReader(db, loaded.index).get(keys);
}

describe('database', () => {
  it('upgrades from empty to the current version with every store', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'actions',
      'chunks',
      'drafts',
      'meta',
      'outbox',
      'settings',
    ]);
    expect(db.transaction('chunks').store.keyPath).toBe('id');
    expect([...db.transaction('actions').store.indexNames].sort()).toEqual(['byCreated', 'byKey']);
    expect((await loadData(db)).info).toBeNull();
    db.close();
  });

  it('upgrades a version 1 database: one-row-per-record flags go, the data reloads later', async () => {
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('flags', { keyPath: 'key' });
        db.createObjectStore('meta');
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('settings');
      },
    });
    await v1.put('flags', record('shopee:item:1.2'));
    await v1.put('meta', dataInfo(), 'data');
    await v1.put('settings', 'kept', 'some-setting');
    v1.close();
    const db = await openDatabase();
    expect([...db.objectStoreNames].sort()).toEqual([
      'actions',
      'chunks',
      'drafts',
      'meta',
      'outbox',
      'settings',
    ]);
    expect((await loadData(db)).info).toBeNull();
    expect(await db.get('settings', 'some-setting')).toBe('kept');
    db.close();
  });

  it('stores a snapshot as packed chunks and reads records back through the index', async () => {
    const db = await openDatabase();
    const records = sortRecords(
      Array.from({ length: 600 }, (_, i) => record(`lazada:item:${1000 + i}`)),
    );
    const loaded = await writeSnapshot(db, toStoredLines(records), info(1));
    expect(loaded.info).toMatchObject({ recordCount: 600, counts: { item: 600 } });
    expect(await db.count('chunks')).toBe(2); // 512 + 88
    const found = await readAll(db, ['lazada:item:1000', 'lazada:item:1599', 'lazada:item:5']);
    expect([...found.keys()].sort()).toEqual(['lazada:item:1000', 'lazada:item:1599']);
    expect(found.get('lazada:item:1599')).toEqual(records[599]);
    db.close();
  });

  it('refuses a snapshot whose keys are not sorted and unique, writing nothing', async () => {
    const db = await openDatabase();
    await writeSnapshot(db, toStoredLines([record('shopee:item:1.2')]), info(1));
    const twice = [record('shopee:item:3.4'), record('shopee:item:3.4')];
    await expect(writeSnapshot(db, toStoredLines(twice), info(2))).rejects.toThrow(
      /sorted and unique/,
    );
    expect((await loadData(db)).info).toMatchObject({ sequence: 1 });
    expect([...(await readAll(db, ['shopee:item:1.2'])).keys()]).toEqual(['shopee:item:1.2']);
    db.close();
  });

  it('applies a delta: upserts replace, deletes remove, counts follow', async () => {
    const db = await openDatabase();
    const base = await writeSnapshot(
      db,
      toStoredLines(
        sortRecords([
          record('shopee:item:1.2'),
          record('shopee:seller:1'),
          record('domain:scam.vn'),
        ]),
      ),
      info(1),
    );
    const after = await writeDelta(
      db,
      base,
      [
        upsert(record('shopee:item:1.2', { status: 'suspected' })),
        { op: 'delete', key: 'shopee:seller:1' },
        upsert(record('product:colos iq for mum')),
        { op: 'delete', key: 'domain:scam.vn' },
      ],
      info(2),
    );
    expect(after.info).toMatchObject({
      sequence: 2,
      recordCount: 2,
      counts: { item: 1, seller: 0, product: 1, domain: 0 },
    });
    expect(after.names).toEqual({ products: ['product:colos iq for mum'], domains: [] });
    const found = await readAll(db, ['shopee:item:1.2', 'shopee:seller:1', 'domain:scam.vn']);
    expect([...found.keys()]).toEqual(['shopee:item:1.2']);
    expect(found.get('shopee:item:1.2')?.status).toBe('suspected');
    db.close();
  });

  it('keeps the previous data when the transaction is aborted half-way (a worker stopped)', async () => {
    const db = await openDatabase();
    const base = await writeSnapshot(db, toStoredLines([record('shopee:item:1.2')]), info(1));
    const indexBefore = await storedIndex(db);
    // Abort the next read-write transaction as soon as it starts, like a stopped service worker.
    const original = db.transaction.bind(db);
    (db as { transaction: unknown }).transaction = ((stores: never, mode: never) => {
      const tx = original(stores, mode);
      if (mode === 'readwrite') {
        tx.done.catch(() => undefined);
        queueMicrotask(() => tx.abort());
      }
      return tx;
    }) as never;
    await expect(
      writeDelta(db, base, [upsert(record('shopee:item:3.4'))], info(2)),
    ).rejects.toThrow();
    (db as { transaction: unknown }).transaction = original;
    expect((await loadData(db)).info).toMatchObject({ sequence: 1, recordCount: 1 });
    expect(await storedIndex(db)).toEqual(indexBefore);
    expect(await db.count('chunks')).toBe(1);
    db.close();
  });

  it('finds a stored line whatever the order of its properties, and only by its own key', async () => {
    const db = await openDatabase();
    const own = record('shopee:item:1.2');
    const { key, ...rest } = own;
    const reordered = JSON.stringify({ ...rest, key });
    // A summary quoting another key is text, escaped in JSON: it never matches.
    const quoting = JSON.stringify(
      record('shopee:item:3.4', { summary: { vi: '"key":"shopee:item:1.2"', en: 'x' } }),
    );
    await writeSnapshot(
      db,
      [
        { key: 'shopee:item:1.2', line: reordered },
        { key: 'shopee:item:3.4', line: quoting },
      ],
      info(1),
    );
    const found = await readAll(db, ['shopee:item:1.2', 'shopee:item:3.4']);
    expect(found.get('shopee:item:1.2')).toEqual(own);
    expect(found.get('shopee:item:3.4')?.key).toBe('shopee:item:3.4');
    db.close();
  });

  it('ignores a stored record that no longer passes its schema', async () => {
    const db = await openDatabase();
    await writeSnapshot(
      db,
      toStoredLines([record('shopee:item:1.2', { status: 'bogus' as never })]),
      info(1),
    );
    expect((await readAll(db, ['shopee:item:1.2'])).size).toBe(0);
    db.close();
  });
});
