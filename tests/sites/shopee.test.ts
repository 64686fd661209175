import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shopeeIdsFromUrl } from '../../utils/protocol/listing-urls';
import { shopeeAdapter } from '../../utils/sites/shopee';

const extractShopee = shopeeAdapter.extract;

import {
  hasSharedFixtures,
  ownFixture,
  parseHtml,
  readText,
  SHARED_FIXTURES,
  savedFromUrl,
} from '../helpers/fixtures';

import type { Expected } from '../helpers/own-fixtures';

describe('Shopee adapter on our own fixtures', () => {
  it('anchors cards to their card root and the product to its title', () => {
    const { html, expected } = ownFixture<Expected>('shopee/product-page');
    const result = extractShopee(parseHtml(html), new URL(expected.url));
    const [product, ...cards] = result.listings;
    expect(product?.anchor.tagName).toBe('H1');
    for (const card of cards)
      expect(card.anchor.className).toBe('product-recommend-items__item-wrapper');
  });

  it('trusts JSON-LD only when it describes the current URL (stale after SPA navigation)', () => {
    const { html } = ownFixture<Expected>('shopee/product-page');
    const doc = parseHtml(html);
    // Same page, but the URL is now another item: the JSON-LD must not lend it a seller or price.
    const result = extractShopee(doc, new URL('https://shopee.vn/Khac-i.0000000009.0000000777'));
    expect(result.listings[0]).toMatchObject({
      itemKey: 'shopee:item:0000000009.0000000777',
      sellerName: null,
      price: null,
    });
  });

  it('reads both URL forms and ignores other hosts and shapes', () => {
    expect(shopeeIdsFromUrl(new URL('https://shopee.vn/Ten-sp-i.123.456?sp_atk=x'))).toEqual({
      item: '123.456',
      seller: '123',
    });
    expect(shopeeIdsFromUrl(new URL('https://shopee.vn/product/123/456'))).toEqual({
      item: '123.456',
      seller: '123',
    });
    expect(shopeeIdsFromUrl(new URL('https://shopee.vn/%E2%98%85-i.1.2'))).toEqual({
      item: '1.2',
      seller: '1',
    });
    expect(shopeeIdsFromUrl(new URL('https://shopee.vn/%E2%98%-i.1.2'))).toEqual({
      item: '1.2',
      seller: '1',
    });
    expect(shopeeIdsFromUrl(new URL('https://evil.example/x-i.1.2'))).toBeNull();
    expect(shopeeIdsFromUrl(new URL('https://shopee.vn/x-i.1'))).toBeNull();
    expect(shopeeIdsFromUrl(new URL('https://shopee.vn/search?keyword=-i.1.2'))).toBeNull();
  });

  it('gives nothing on an empty or unrelated page', () => {
    const result = extractShopee(
      parseHtml('<html><body><p>Xin chào</p></body></html>'),
      new URL('https://shopee.vn/'),
    );
    expect(result).toEqual({ pageKind: 'other', listings: [], unreadable: 0 });
  });
});

describe.runIf(hasSharedFixtures)(
  'Shopee adapter on the real captures in ../shared/fixtures',
  () => {
    const file = (name: string) => path.join(SHARED_FIXTURES, 'shopee', name);

    /** The ids in a card's own link, read with a plain regex independent of the adapter. */
    function idsInCardLinks(doc: Document, cardSelector: string): string[] {
      return [...doc.querySelectorAll(cardSelector)].map((card) => {
        const href = card.querySelector('a[href]')?.getAttribute('href') ?? '';
        const match = href.match(/-i\.(\d+)\.(\d+)/);
        return match ? `shopee:item:${match[1]}.${match[2]}` : 'no id';
      });
    }

    it('search grid (shopee.sg, 2025-09): every one of the 60 cards, with the ids of its own link', () => {
      const html = readText(file('shopee-sg-search-grid-rendered-dom-2025-09.html'));
      const url = new URL(savedFromUrl(html) ?? '');
      const doc = parseHtml(html);
      const result = extractShopee(doc, url);
      const expectedKeys = idsInCardLinks(doc, 'li[data-sqe="item"]');
      expect(expectedKeys).toHaveLength(60);
      expect(result.pageKind).toBe('grid');
      expect(result.unreadable).toBe(0);
      expect(result.listings.map((l) => l.itemKey)).toEqual(expectedKeys);
      for (const listing of result.listings) {
        expect(listing.kind).toBe('card');
        expect(listing.sellerKey).toBe(
          `shopee:seller:${listing.itemKey.split(':')[2]?.split('.')[0]}`,
        );
        expect(listing.title?.length).toBeGreaterThan(3);
        expect(listing.price?.currency).toBe('SGD');
        expect(listing.price?.amount).toBeGreaterThan(0);
        expect(listing.anchor.getAttribute('data-sqe')).toBe('item');
      }
      expect(result.listings[0]).toMatchObject({
        itemKey: 'shopee:item:1253883447.42561285236',
        price: { amount: 58.32, currency: 'SGD' },
      });
    });

    it('product page (shopee.sg, 2025-09): the item, its seller, title and price, and every carousel card', () => {
      const html = readText(file('shopee-sg-product-detail-rendered-dom-2025-09.html'));
      const url = new URL(savedFromUrl(html) ?? '');
      const doc = parseHtml(html);
      const result = extractShopee(doc, url);
      expect(result.pageKind).toBe('product');
      expect(result.unreadable).toBe(0);
      const [product, ...cards] = result.listings;
      expect(product).toMatchObject({
        kind: 'product',
        itemKey: 'shopee:item:672907573.19445913336',
        sellerKey: 'shopee:seller:672907573',
        title: 'Dr. Scholl Medi Qtto Outside Sheer Stockings Nature Nude ★Direct From Japan★',
        price: { amount: 27.25, currency: 'SGD' },
        sellerName: 'nobistar.sg',
      });
      // Its own description, from the JSON-LD that names this item (read for the signals).
      expect(product?.description).toMatch(/^Dr\. Scholl Medi Qtto, the leading brand of socks/);
      expect(cards.every((card) => card.description === undefined)).toBe(true);
      // Its variant choices, selected or not, by their labels (read for the signals).
      expect(product?.variants).toEqual(['M Size', 'L Size']);
      // Its one drawn review has stars but no words: nothing to read, so no review is sent.
      expect(doc.querySelectorAll('[data-cmtid]')).toHaveLength(1);
      expect(product?.reviews).toBeUndefined();
      // With words where Shopee draws them (after the date line), they are read with its 4 stars,
      // without the buyer's name, the date line or "helpful?".
      const words = doc.createElement('div');
      words.textContent = 'Not genuine, fake product';
      doc.querySelector('[data-cmtid] .j5ucs4')?.after(words);
      const [reread] = extractShopee(doc, url).listings;
      expect(reread?.reviews).toEqual([{ rating: 4, text: 'Not genuine, fake product' }]);
      expect(cards.every((card) => card.variants === undefined)).toBe(true);
      // Every card link on the page (links that wrap a picture), each card once, in page order.
      const cardLinkKeys = [...doc.querySelectorAll('.shopee_ic > a[href]')].map((a) => {
        const match = a.getAttribute('href')?.match(/-i\.(\d+)\.(\d+)/);
        return `shopee:item:${match?.[1]}.${match?.[2]}`;
      });
      expect(cardLinkKeys.length).toBeGreaterThan(50);
      expect(cards.map((c) => c.itemKey)).toEqual(cardLinkKeys);
      for (const card of cards) expect(card.price?.amount).toBeGreaterThan(0);
    });

    it('the Mall / Preferred mark (2025-09): the captures cannot tell one from the other, so a marked card is unknown', () => {
      // Every mark on both pages is the same element: alt "flag-label", the same classes and no
      // text, size or link of its own; only the picture's file differs, a build hash of a picture the
      // captures do not hold. Nothing proves which is Mall: a marked card is read as "not said".
      const marks = (name: string) => {
        const doc = parseHtml(readText(file(name)));
        const images = [...doc.querySelectorAll('img[alt="flag-label"]')];
        return {
          doc,
          shapes: new Set(
            images.map((img) => `${img.className}|${img.textContent}|${img.closest('a') !== null}`),
          ),
          pictures: images.map((img) => img.getAttribute('src')?.split('/').pop()),
        };
      };
      const grid = marks('shopee-sg-search-grid-rendered-dom-2025-09.html');
      const product = marks('shopee-sg-product-detail-rendered-dom-2025-09.html');
      expect(grid.pictures).toHaveLength(17);
      expect(new Set(grid.pictures).size).toBe(1);
      const counts = new Map<string, number>();
      for (const picture of product.pictures)
        counts.set(picture ?? '', (counts.get(picture ?? '') ?? 0) + 1);
      expect([...counts.values()].sort((a, b) => b - a)).toEqual([13, 8, 2, 1]);
      expect(grid.shapes).toEqual(product.shapes);
      expect(grid.shapes.size).toBe(1);
      const url = new URL(
        savedFromUrl(readText(file('shopee-sg-search-grid-rendered-dom-2025-09.html'))) ?? '',
      );
      const official = extractShopee(grid.doc, url).listings.map((l) => l.official);
      expect(official.filter((o) => o === null)).toHaveLength(17);
      expect(official.filter((o) => o === false)).toHaveLength(43);
      expect(official).not.toContain(true);
    });

    it('login wall (shopee.vn, 2026-02): no listing and no error', () => {
      const html = readText(file('shopee-vn-login-wall-rendered-dom-2026-02.html'));
      const doc = parseHtml(html);
      expect(extractShopee(doc, new URL('https://shopee.vn/buyer/login'))).toEqual({
        pageKind: 'blocked',
        listings: [],
        unreadable: 0,
      });
      // Even read as if it were an ordinary page, it yields nothing.
      expect(extractShopee(doc, new URL('https://shopee.vn/')).listings).toEqual([]);
    });
  },
);
