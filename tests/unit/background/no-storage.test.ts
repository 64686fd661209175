/** Without a usable IndexedDB, the shipped data in memory still warns. */
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../utils/db/database';
import { shippedService } from '../../helpers/shipped-data';

describe('no storage, still a warning', () => {
  const shippedItem = 'shopee:item:0000000007.0000000101';

  it('answers from the shipped data in memory when IndexedDB cannot be opened, and says so', async () => {
    const openDb = vi.fn(async () => {
      throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const data = shippedService({ openDb });
    for (let i = 0; i < 3; i++) {
      expect((await data.lookup({ keys: [shippedItem] })).hits.map((r) => r.key)).toEqual([
        shippedItem,
      ]);
    }
    expect(openDb).toHaveBeenCalledOnce(); // not retried on every message
    const status = await data.status();
    expect(status).toMatchObject({ inMemory: true, data: { source: 'default' } });
    expect(status.data?.recordCount).toBeGreaterThan(16_000);
    expect((await data.scamInfo('https://login.0000a.net/')).domain).toBe('0000a.net');
    expect(await data.syncDue()).toBe(false);
    warn.mockRestore();
  });

  it('does the same when the disk is full at the first import', async () => {
    const real = await openDatabase();
    const full = new Proxy(real, {
      get(target, name, receiver) {
        if (name !== 'transaction') return Reflect.get(target, name, receiver);
        return (stores: never, mode?: IDBTransactionMode) => {
          if (mode === 'readwrite')
            throw new DOMException('The disk is full', 'QuotaExceededError');
          return target.transaction(stores, mode);
        };
      },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const data = shippedService({ openDb: async () => full });
    expect((await data.lookup({ keys: [shippedItem] })).hits).toHaveLength(1);
    expect(await data.status()).toMatchObject({ inMemory: true });
    warn.mockRestore();
  });
});
