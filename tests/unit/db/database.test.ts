import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openDatabase } from '@/utils/db/database';
import { readAllFlags, readDataInfo, replaceAllFlags } from '@/utils/db/flags';
import { dataInfo, record } from '../../helpers/records';

describe('database', () => {
  it('upgrades from empty to the current version with every store', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['flags', 'meta', 'outbox', 'settings']);
    expect(db.transaction('flags').store.keyPath).toBe('key');
    expect(db.transaction('outbox').store.keyPath).toBe('id');
    expect(await readDataInfo(db)).toBeNull();
    db.close();
  });

  it('replaces flags and their description together', async () => {
    const db = await openDatabase();
    await replaceAllFlags(db, [record('shopee:item:1.2')], dataInfo({ sequence: 1 }));
    await replaceAllFlags(
      db,
      [record('shopee:item:3.4'), record('shopee:seller:3')],
      dataInfo({ sequence: 2 }),
    );
    const { records, invalid } = await readAllFlags(db);
    expect(records.map((r) => r.key).sort()).toEqual(['shopee:item:3.4', 'shopee:seller:3']);
    expect(invalid).toBe(0);
    expect(await readDataInfo(db)).toMatchObject({ sequence: 2 });
    db.close();
  });

  it('leaves the old data untouched when a replacement fails part way', async () => {
    const db = await openDatabase();
    await replaceAllFlags(db, [record('shopee:item:1.2')], dataInfo({ sequence: 1 }));
    // A record without its key path makes put() fail inside the transaction.
    const broken = [
      record('shopee:item:3.4'),
      { ...record('shopee:item:5.6'), key: undefined } as never,
    ];
    await expect(replaceAllFlags(db, broken, dataInfo({ sequence: 2 }))).rejects.toThrow();
    const { records } = await readAllFlags(db);
    expect(records.map((r) => r.key)).toEqual(['shopee:item:1.2']);
    expect(await readDataInfo(db)).toMatchObject({ sequence: 1 });
    db.close();
  });

  it('refuses to store a description that fails its schema', async () => {
    const db = await openDatabase();
    await expect(
      replaceAllFlags(db, [record('shopee:item:1.2')], dataInfo({ sequence: -1 })),
    ).rejects.toThrow();
    expect((await readAllFlags(db)).records).toEqual([]);
    db.close();
  });

  it('skips stored records that no longer pass their schema', async () => {
    const db = await openDatabase();
    await replaceAllFlags(db, [record('shopee:item:1.2')], dataInfo());
    db.close();
    const raw = await openDB(DB_NAME, DB_VERSION);
    await raw.put('flags', { key: 'shopee:item:9.9', status: 'bogus' });
    raw.close();
    const again = await openDatabase();
    expect(await readAllFlags(again)).toMatchObject({
      invalid: 1,
      records: [{ key: 'shopee:item:1.2' }],
    });
    again.close();
  });
});
