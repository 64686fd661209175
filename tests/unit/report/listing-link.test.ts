/** Listing links as shoppers paste them: every site's forms, share texts, short links, junk and look-alikes. */
import { describe, expect, it } from 'vitest';
import { readListingLink } from '../../../utils/report/listing-link';

describe('reading a pasted listing link', () => {
  const cases: Array<[string, string, string | null]> = [
    ['https://shopee.vn/Sua-bot-Colos-i.1001.2002', 'shopee:item:1001.2002', 'shopee:seller:1001'],
    ['https://shopee.vn/product/1001/2002?sp_atk=x', 'shopee:item:1001.2002', 'shopee:seller:1001'],
    [
      'Xem sản phẩm này trên Shopee: https://shopee.vn/a-i.7.8 nhé',
      'shopee:item:7.8',
      'shopee:seller:7',
    ],
    [
      'https://www.lazada.vn/products/sua-bot-i2345678-s9876543.html?spm=a',
      'lazada:item:2345678',
      null,
    ],
    ['https://tiki.vn/sua-bot-p123456.html', 'tiki:item:123456', null],
    ['https://www.sendo.vn/sua-bot-12345678.html', 'sendo:item:12345678', null],
    ['https://www.tiktok.com/view/product/1729384756123456', 'tiktok:item:1729384756123456', null],
    [
      'https://www.facebook.com/marketplace/item/123456789012345/',
      'facebook:item:123456789012345',
      null,
    ],
  ];
  for (const [text, itemKey, sellerKey] of cases) {
    it(`reads ${itemKey} from ${text.slice(0, 50)}`, () => {
      const reading = readListingLink(text);
      expect(reading).toMatchObject({ kind: 'listing', itemKey });
      if (sellerKey && reading.kind === 'listing') expect(reading.sellerKey).toBe(sellerKey);
    });
  }

  it('names short share links without opening them', () => {
    expect(readListingLink('https://shp.ee/abc123')).toEqual({
      kind: 'short',
      platform: 'shopee',
      host: 'shp.ee',
      url: 'https://shp.ee/abc123',
    });
    expect(readListingLink('https://s.lazada.vn/s.ZZZ')).toMatchObject({
      kind: 'short',
      platform: 'lazada',
    });
    expect(readListingLink('https://vt.tiktok.com/ZSabc/')).toMatchObject({
      kind: 'short',
      platform: 'tiktok',
    });
  });

  it('refuses junk, other sites, non-listing pages and look-alike hosts', () => {
    for (const text of [
      '',
      'không phải liên kết',
      'javascript:alert(1)',
      'https://example.com/a-i.1.2',
      'https://shopee.vn.khuyenmai.com/a-i.1.2',
      'https://shopee-vn.com/a-i.1.2',
      'https://shopee.vn/',
      'https://shopee.vn/search?keyword=sua',
      'https://www.lazada.vn/catalog/?q=sua',
      'ftp://shopee.vn/a-i.1.2',
    ]) {
      expect(readListingLink(text), text).toEqual({ kind: 'unknown' });
    }
  });
});
