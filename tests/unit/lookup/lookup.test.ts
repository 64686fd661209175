import { describe, expect, it } from 'vitest';
import { DomainList, hostOf } from '@/utils/lookup/domain-list';
import { fingerprint } from '@/utils/lookup/fingerprint';
import { PackedIndex } from '@/utils/lookup/packed-index';
import { ProductMatcher } from '@/utils/lookup/product-matcher';
import { isShownToShoppers } from '@/utils/lookup/shown';
import { verdictFor } from '@/utils/lookup/verdict';
import { record } from '../../helpers/records';

const now = new Date('2026-11-28T12:00:00Z');

function indexOf(entries: Array<[string, number]>): PackedIndex {
  return PackedIndex.empty().withChanges(
    [],
    entries.map(([key, chunk]) => ({ key, chunk })),
  );
}

describe('PackedIndex', () => {
  it('finds every key it holds, with its chunk, and not others', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `tiki:item:${i * 7919}`);
    const index = indexOf(keys.map((key, i) => [key, i % 300]));
    expect(index.size).toBe(5000);
    expect(index.bytes).toBe(5000 * 6 + 65_537 * 4);
    keys.forEach((key, i) => {
      expect(index.chunksFor(key)).toEqual([i % 300]);
    });
    for (let i = 0; i < 1000; i++) expect(index.has(`tiki:item:${i * 7919 + 1}`)).toBe(false);
  });

  it('survives a round trip through one ArrayBuffer and refuses a damaged one', () => {
    const index = indexOf([
      ['shopee:item:1.2', 3],
      ['domain:scam.vn', 0],
    ]);
    const again = PackedIndex.fromBuffer(index.toBuffer());
    expect(again.chunksFor('shopee:item:1.2')).toEqual([3]);
    expect(again.has('domain:scam.vn')).toBe(true);
    expect(() => PackedIndex.fromBuffer(index.toBuffer().slice(0, 20))).toThrow();
    expect(() => PackedIndex.fromBuffer(new ArrayBuffer(16))).toThrow(/header/);
    expect([...again.entries()].map((e) => e.chunk).sort()).toEqual([0, 3]);
  });

  it("replaces a key's entry on change and drops it on delete, leaving the original as it was", () => {
    const index = indexOf([
      ['shopee:item:1.2', 0],
      ['shopee:item:3.4', 0],
    ]);
    const changed = index.withChanges(
      ['shopee:item:1.2', 'shopee:item:3.4'],
      [{ key: 'shopee:item:1.2', chunk: 7 }],
    );
    expect(changed.chunksFor('shopee:item:1.2')).toEqual([7]);
    expect(changed.has('shopee:item:3.4')).toBe(false);
    expect(index.chunksFor('shopee:item:1.2')).toEqual([0]);
  });

  it('fingerprints are stable and spread (no collision among 100,000 similar keys)', () => {
    expect(fingerprint('shopee:item:1.2')).toEqual(fingerprint('shopee:item:1.2'));
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const fp = fingerprint(`shopee:item:${i}.${i + 1}`);
      seen.add(`${fp.hi}:${fp.lo16}`);
    }
    expect(seen.size).toBe(100_000);
  });
});

describe('isShownToShoppers', () => {
  it('never shows cleared or expired records', () => {
    expect(isShownToShoppers(record('shopee:item:1.1', { status: 'cleared' }), now)).toBe(false);
    expect(isShownToShoppers(record('shopee:item:1.2', { expires: '2026-11-01' }), now)).toBe(
      false,
    );
    expect(isShownToShoppers(record('shopee:item:1.3', { expires: '2027-01-01' }), now)).toBe(true);
  });
});

describe('ProductMatcher', () => {
  const matcher = new ProductMatcher([
    'product:colos iq for mum',
    'product:colos iq diabetes',
    'product:nexium 40mg',
    'product:nexium 40mg enterik kapli pellet tablet',
    'product:aclasta',
  ]);

  it('matches a flagged name contained as a whole phrase, diacritics and case folded', () => {
    expect(matcher.match('Sữa bột COLOS-IQ for Mum 800g chính hãng')).toBe(
      'product:colos iq for mum',
    );
    expect(matcher.match('Thuốc Aclasta 5mg/100ml')).toBe('product:aclasta');
  });

  it('does not match near misses: another product of the brand, a part of the name, a longer word', () => {
    expect(matcher.match('Sữa Colos IQ for Baby 400g')).toBeNull();
    expect(matcher.match('Colos IQ')).toBeNull();
    expect(matcher.match('colos iq for mummy')).toBeNull();
    expect(matcher.match('Aclastax 5mg')).toBeNull();
    expect(matcher.match('')).toBeNull();
  });

  it('prefers the longest name when one is a prefix of another', () => {
    expect(matcher.match('Nexium 40mg hộp 14 viên')).toBe('product:nexium 40mg');
    expect(matcher.match('NEXIUM® 40mg Enterik Kapli Pellet Tablet')).toBe(
      'product:nexium 40mg enterik kapli pellet tablet',
    );
  });
});

describe('DomainList', () => {
  const list = new DomainList(['lazada-001.com', 'shopee-sale.vn', 'abc.com.vn']);

  it('matches the listed domain and its subdomains, whatever the URL around it', () => {
    expect(list.match('https://lazada-001.com/')).toBe('lazada-001.com');
    expect(list.match('http://www.Lazada-001.com:8080/x?y=1#z')).toBe('lazada-001.com');
    expect(list.match('https://user:pw@m.shopee-sale.vn/path')).toBe('shopee-sale.vn');
    expect(list.match('https://x.abc.com.vn')).toBe('abc.com.vn');
  });

  it('does not match lookalikes, parents or other schemes', () => {
    expect(list.match('https://notlazada-001.com/')).toBeNull();
    expect(list.match('https://com.vn/')).toBeNull();
    expect(list.match('https://lazada.vn/')).toBeNull();
    expect(list.match('ftp://lazada-001.com/')).toBeNull();
    expect(list.match('https://lazada-001.com.evil.org/')).toBeNull();
  });

  it('reads the host of http(s) URLs only', () => {
    expect(hostOf('https://Shopee.VN./a')).toBe('shopee.vn');
    expect(hostOf('chrome://newtab')).toBeNull();
    expect(hostOf('https://[::1]/')).toBeNull();
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

  it('uses a product-name match only when neither the item nor its seller has a record', () => {
    const product = record('product:aclasta', {
      status: 'suspected',
      scope: { batches: ['KHBY7'] },
    });
    const hits = new Map([[product.key, product]]);
    expect(verdictFor(listing, hits, 'product:aclasta')).toMatchObject({
      subject: 'product',
      status: 'suspected',
    });
    const item = record('shopee:item:5.6', { status: 'reported' });
    hits.set(item.key, item);
    expect(verdictFor(listing, hits, 'product:aclasta')).toMatchObject({ subject: 'item' });
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
