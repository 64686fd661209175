import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/utils/db/database';
import { replaceAllFlags } from '@/utils/db/flags';
import { LookupIndex } from '@/utils/lookup/lookup-index';
import { verdictFor } from '@/utils/lookup/verdict';
import { dataInfo, record } from '../../helpers/records';

const now = new Date('2026-11-28T12:00:00Z');

describe('LookupIndex', () => {
  it('answers a batch with the hits only, each once', () => {
    const index = LookupIndex.fromRecords(
      [record('shopee:item:1.2'), record('shopee:seller:5', { status: 'suspected' })],
      dataInfo(),
    );
    const hits = index.lookup(
      [
        'shopee:item:1.2',
        'shopee:item:1.2',
        'shopee:seller:1',
        'shopee:seller:5',
        'shopee:item:9.9',
      ],
      now,
    );
    expect(hits.map((h) => h.key)).toEqual(['shopee:item:1.2', 'shopee:seller:5']);
    expect(index.size).toBe(2);
  });

  it('never returns cleared or expired records to shoppers', () => {
    const index = LookupIndex.fromRecords(
      [
        record('shopee:item:1.1', { status: 'cleared' }),
        record('shopee:item:1.2', { expires: '2026-11-01' }),
        record('shopee:item:1.3', { expires: '2027-01-01' }),
      ],
      null,
    );
    expect(
      index
        .lookup(['shopee:item:1.1', 'shopee:item:1.2', 'shopee:item:1.3'], now)
        .map((h) => h.key),
    ).toEqual(['shopee:item:1.3']);
  });

  it('loads from the database with its data description', async () => {
    const db = await openDatabase();
    await replaceAllFlags(db, [record('lazada:item:132621522')], dataInfo({ sequence: 4 }));
    const index = await LookupIndex.load(db);
    expect(index.data).toMatchObject({ sequence: 4 });
    expect(index.lookup(['lazada:item:132621522'], now)).toHaveLength(1);
    db.close();
  });
});

describe('verdictFor', () => {
  const listing = { itemKey: 'shopee:item:5.6', sellerKey: 'shopee:seller:5' };

  it('is null when nothing is flagged', () => {
    expect(verdictFor(listing, new Map())).toBeNull();
  });

  it('picks the strongest status, and the item over its seller on a tie', () => {
    const item = record('shopee:item:5.6', { status: 'reported', reportCount: 3 });
    const seller = record('shopee:seller:5', { status: 'suspected' });
    expect(
      verdictFor(
        listing,
        new Map([
          [item.key, item],
          [seller.key, seller],
        ]),
      ),
    ).toMatchObject({
      status: 'suspected',
      subject: 'seller',
    });
    const sameSeller = record('shopee:seller:5', { status: 'reported' });
    expect(
      verdictFor(
        listing,
        new Map([
          [item.key, item],
          [sameSeller.key, sameSeller],
        ]),
      ),
    ).toMatchObject({
      status: 'reported',
      subject: 'item',
    });
  });

  it('ignores cleared records and listings without a seller', () => {
    const cleared = record('shopee:item:5.6', { status: 'cleared' });
    expect(verdictFor(listing, new Map([[cleared.key, cleared]]))).toBeNull();
    const seller = record('shopee:seller:5');
    expect(
      verdictFor({ itemKey: listing.itemKey, sellerKey: null }, new Map([[seller.key, seller]])),
    ).toBeNull();
  });
});
