/**
 * Prices with their meaning: every adapter reads the listed price (the lowest of a range) in the
 * currency the page shows it in, never converted, and a product page's price after promo codes as a
 * price of its own; what the report dialog is given keeps both, with the currency.
 */

import { describe, expect, it } from 'vitest';
import { draftListingOf } from '../../utils/content/report-listing';
import { PLATFORMS } from '../../utils/protocol/keys';
import { listingIdsFromUrl } from '../../utils/protocol/listing-urls';
import { parsePrice } from '../../utils/sites/engine/text';
import { shopeeAdapter } from '../../utils/sites/shopee';
import { tikiAdapter } from '../../utils/sites/tiki';
import { captureDocument } from '../helpers/captures';
import { hasSharedFixtures, ownFixture, parseHtml } from '../helpers/fixtures';
import type { Expected } from '../helpers/own-fixtures';

/** Whichever marketplace's reading names a listing in an address (a content script passes its own). */
const anyIds = (url: URL) =>
  PLATFORMS.map((platform) => listingIdsFromUrl(platform, url)).find(Boolean) ?? null;

const NOW = new Date('2026-12-02T08:00:00Z');

function read(adapter: typeof shopeeAdapter, name: string, at?: string) {
  const { html, expected } = ownFixture<Expected>(name);
  const url = new URL(at ?? expected.url);
  return adapter.extract(parseHtml(html, url.href), url);
}

describe('a price text, in the currency it shows', () => {
  it.each([
    ['₫149.000', 'VND', { amount: 149_000, currency: 'VND' }],
    ['149.000 - 199.000', 'VND', { amount: 149_000, currency: 'VND' }],
    ['111.720đ', 'VND', { amount: 111_720, currency: 'VND' }],
    ['$108.99', 'SGD', { amount: 108.99, currency: 'SGD' }],
    ['$1,250', 'SGD', { amount: 1250, currency: 'SGD' }],
    ['S$108.99', 'VND', { amount: 108.99, currency: 'SGD' }],
    ['US$24.17', 'VND', { amount: 24.17, currency: 'USD' }],
    ['RM 12.90', 'VND', { amount: 12.9, currency: 'MYR' }],
    ['₱305', 'VND', { amount: 305, currency: 'PHP' }],
    ['฿1,234', 'VND', { amount: 1234, currency: 'THB' }],
    ['Rp12.000', 'VND', { amount: 12_000, currency: 'IDR' }],
    ['149.000 ₫', 'SGD', { amount: 149_000, currency: 'VND' }],
    // A discount beside the price is no amount; shorthands of đồng are read whole.
    ['-30%  ₫99.000', 'VND', { amount: 99_000, currency: 'VND' }],
    ['Giảm 50% ₫99.000', 'VND', { amount: 99_000, currency: 'VND' }],
    ['2,5 triệu', 'VND', { amount: 2_500_000, currency: 'VND' }],
    ['1.5tr', 'VND', { amount: 1_500_000, currency: 'VND' }],
    ['150k', 'VND', { amount: 150_000, currency: 'VND' }],
    // A decimal comma, and thousands marked by dots, in currencies with cents.
    ['12,5 €', 'VND', { amount: 12.5, currency: 'EUR' }],
    ['€1.234,56', 'VND', { amount: 1234.56, currency: 'EUR' }],
  ])('%s on a %s site', (text, site, price) => {
    expect(parsePrice(text, site)).toEqual(price);
  });

  it('never reads a dollar price as đồng: a bare "$" on a đồng site says no price', () => {
    expect(parsePrice('$108.99', 'VND')).toBeNull();
    expect(parsePrice('$ 108.99 - $ 129.99', 'VND')).toBeNull();
  });

  it('says no price where the sign does not tell the currency (yen or yuan)', () => {
    expect(parsePrice('¥3000', 'VND')).toBeNull();
  });
});

describe('Tiki: the listed price and the price after promo codes, each as itself', () => {
  it('a product page whose headline is the price after codes (own fixture)', () => {
    const [product] = read(tikiAdapter, 'tiki/product-promo').listings;
    expect(product?.price).toEqual({ amount: 147_000, currency: 'VND' });
    expect(product?.promoPrice).toEqual({ amount: 111_720, currency: 'VND' });
    const draft = draftListingOf(product as NonNullable<typeof product>, '', NOW, anyIds);
    expect(draft.listing).toMatchObject({ price: 147_000, currency: 'VND', promoPrice: 111_720 });
  });

  it('a headline without the label is the listed price alone', () => {
    const [product] = read(tikiAdapter, 'tiki/product-page').listings;
    expect(product?.price).toEqual({ amount: 210_000, currency: 'VND' });
    expect(product?.promoPrice).toBeUndefined();
  });

  it('a price after codes that is not below the listed price is not one', () => {
    const { html, expected } = ownFixture<Expected>('tiki/product-promo');
    const url = new URL(expected.url);
    const doc = parseHtml(html.replace('111.720<sup>', '150.000<sup>'), url.href);
    expect(tikiAdapter.extract(doc, url).listings[0]?.promoPrice).toBeUndefined();
  });
});

describe('Shopee: a page priced in dollars carries its currency, never đồng', () => {
  it('shopee.sg (own fixture): the range from its lowest, in SGD, and the cards in SGD', () => {
    const { listings } = read(shopeeAdapter, 'shopee/product-sg');
    expect(listings.map((listing) => listing.price)).toEqual([
      { amount: 108.99, currency: 'SGD' },
      { amount: 58.32, currency: 'SGD' },
      { amount: 1250, currency: 'SGD' },
    ]);
    const draft = draftListingOf(listings[0] as NonNullable<(typeof listings)[0]>, '', NOW, anyIds);
    expect(draft.listing).toMatchObject({ price: 108.99, currency: 'SGD' });
    expect(draft.listing).not.toHaveProperty('promoPrice');
  });

  it('the same page at a shopee.vn address: its "$" prices are no đồng (no price), its data says SGD', () => {
    const at = 'https://shopee.vn/Demo-Figure-Set-G-i.0000000011.0000000111';
    const { listings } = read(shopeeAdapter, 'shopee/product-sg', at);
    expect(listings[0]?.price).toEqual({ amount: 108.99, currency: 'SGD' });
    expect(listings.slice(1).map((card) => card.price)).toEqual([null, null]);
    for (const listing of listings) {
      const draft = draftListingOf(listing, at, NOW, anyIds);
      expect(draft.listing.currency === 'VND' && draft.listing.price !== undefined).toBe(false);
    }
  });
});

describe.runIf(hasSharedFixtures)('prices on the real captures', () => {
  it('Shopee SG product page (2025-09): $27.25 as SGD, in the report too', () => {
    const { doc, url } = captureDocument(
      'shopee',
      'shopee-sg-product-detail-rendered-dom-2025-09.html',
    );
    const [product, ...cards] = shopeeAdapter.extract(doc, url).listings;
    expect(product?.price).toEqual({ amount: 27.25, currency: 'SGD' });
    expect(product?.promoPrice).toBeUndefined();
    for (const card of cards) expect(card.price?.currency).toBe('SGD');
    const draft = draftListingOf(product as NonNullable<typeof product>, url.href, NOW, anyIds);
    expect(draft.listing).toMatchObject({ price: 27.25, currency: 'SGD' });
  });

  it('Shopee SG search grid (2025-09) read at a shopee.vn address: no card priced in đồng', () => {
    const { doc } = captureDocument(
      'shopee',
      'shopee-sg-search-grid-rendered-dom-2025-09.html',
      'https://shopee.vn/search?keyword=direct+from+japan+demon+slayer',
    );
    const url = new URL('https://shopee.vn/search?keyword=direct+from+japan+demon+slayer');
    const cards = shopeeAdapter.extract(doc, url).listings;
    expect(cards.length).toBe(60);
    expect(cards.filter((card) => card.price?.currency === 'VND')).toEqual([]);
  });

  it('Tiki product page (2018-09): the listed price in đồng, no price after codes', () => {
    const { doc, url } = captureDocument(
      'tiki',
      'tiki-vn-product-detail-body-fragment-2018-09.html',
      'https://tiki.vn/minh-la-ca-viec-cua-minh-la-boi-p763843.html',
    );
    const [product] = tikiAdapter.extract(doc, url).listings;
    expect(product?.price).toEqual({ amount: 53_400, currency: 'VND' });
    expect(product?.promoPrice).toBeUndefined();
    expect(
      draftListingOf(product as NonNullable<typeof product>, url.href, NOW, anyIds).listing,
    ).toMatchObject({ price: 53_400, currency: 'VND' });
  });
});
