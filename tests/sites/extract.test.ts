/** `npm run extract` prints each listing once, as its best reading, and says how many it merged. */
import { describe, expect, it } from 'vitest';
import { mergeRepeats, type PrintedListing } from '../../scripts/extract-listings';
import { adapterForHost } from '../../utils/sites';
import { captureDocument } from '../helpers/captures';
import { hasSharedFixtures } from '../helpers/fixtures';

const reading = (over: Partial<PrintedListing>): PrintedListing => ({
  platform: 'shopee',
  kind: 'card',
  itemKey: 'shopee:item:0000000007.0000000101',
  sellerKey: 'shopee:seller:0000000007',
  title: null,
  price: null,
  sellerName: null,
  official: null,
  url: 'https://shopee.vn/x-i.0000000007.0000000101',
  anchor: 'li',
  ...over,
});

describe('extract: each listing once', () => {
  it('merges a repeated card into the reading that says the most, in first-seen order', () => {
    const price = { amount: 149_000, currency: 'VND' };
    const { listings, merged } = mergeRepeats([
      reading({ anchor: 'first' }),
      reading({ itemKey: 'shopee:item:0000000007.0000000102', anchor: 'other' }),
      reading({ title: 'Áo mẫu', price, anchor: 'collection row' }),
      reading({ title: 'Áo mẫu', anchor: 'carousel' }),
    ]);
    expect(merged).toBe(2);
    expect(listings.map((l) => l.anchor)).toEqual(['collection row', 'other']);
  });

  it('keeps one item sold by two sellers as two listings; a seller-less reading joins the only one', () => {
    const tiki = (sellerKey: string | null, anchor: string) =>
      reading({ platform: 'tiki', itemKey: 'tiki:item:0000000611', sellerKey, anchor });
    expect(
      mergeRepeats([tiki('tiki:seller:0000000071', 'a'), tiki('tiki:seller:0000000073', 'c')])
        .merged,
    ).toBe(0);
    const joined = mergeRepeats([tiki(null, 'ad'), tiki('tiki:seller:0000000071', 'a')]);
    expect(joined).toMatchObject({ merged: 1, listings: [{ anchor: 'a' }] });
  });

  it.runIf(hasSharedFixtures)(
    'on the real Tiki grid (2025-11): sponsored cards and the side ads repeat organic ones',
    () => {
      const { doc, url } = captureDocument(
        'tiki',
        'tiki-vn-category-grid-rendered-dom-2025-11.html',
        'https://tiki.vn/phong-an/c1954',
      );
      const extraction = adapterForHost(url.hostname)?.extract(doc, url);
      const printed = (extraction?.listings ?? []).map((l) =>
        reading({ ...l, anchor: l.anchor.tagName, price: l.price }),
      );
      const { listings, merged } = mergeRepeats(printed);
      expect(new Set(listings.map((l) => `${l.itemKey} ${l.sellerKey}`)).size).toBe(
        listings.length,
      );
      expect(merged).toBe(printed.length - listings.length);
      expect(merged).toBeGreaterThan(0);
    },
  );
});
