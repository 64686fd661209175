import { describe, expect, it } from 'vitest';
import { lazadaIdsFromUrl } from '../../utils/protocol/listing-urls';
import { lazadaAdapter, lazadaSellersOnPage } from '../../utils/sites/lazada';
import { capture, captureDocument } from '../helpers/captures';
import { hasSharedFixtures, parseHtml, readText } from '../helpers/fixtures';

describe('Lazada ids', () => {
  it('reads item ids from both link forms, on any Lazada host', () => {
    expect(
      lazadaIdsFromUrl(new URL('https://www.lazada.vn/products/x-i132621522-s133154361.html')),
    ).toEqual({
      item: '132621522',
    });
    expect(
      lazadaIdsFromUrl(new URL('https://www.lazada.com.ph/products/x-i2894375047.html?spm=1')),
    ).toEqual({
      item: '2894375047',
    });
    expect(lazadaIdsFromUrl(new URL('https://www.lazada.vn/shop/x/'))).toBeNull();
    expect(lazadaIdsFromUrl(new URL('https://lazada-001.com/products/x-i1.html'))).toBeNull();
  });
});

describe.runIf(hasSharedFixtures)('Lazada adapter on the real captures', () => {
  it('store page (lazada.vn, 2021-09: a store’s own list of 56 items): whose store it is', () => {
    // The store's list as its page serves it (`?ajax=true&from=wangpu` → mods.listItems), kept in
    // window.pageData as pages keep theirs; one card of ours per item, linking to its productUrl,
    // under our fixture's store header (a page is a store's only when it says so).
    const rows = JSON.parse(
      readText(capture('lazada', 'lazada-vn-store-listitems-ajax-json-2021-09.json')),
    ) as Array<{ itemId: string; productUrl: string; name: string }>;
    const pageData = JSON.stringify({ mods: { listItems: rows } }).replace(/</g, '\\u003c');
    const cards = rows.map((row) => {
      const card = `<div data-qa-locator="product-item" data-item-id="${row.itemId}"><a href="${row.productUrl}"><img alt=""></a></div>`;
      return card;
    });
    const url = 'https://www.lazada.vn/zinus-official-store/?from=wangpu&q=All-Products';
    const doc = parseHtml(
      `<script>window.pageData = ${pageData};</script><div class="shop-header"></div><div class="grid">${cards.join('')}</div>`,
      url,
    );
    const result = lazadaAdapter.extract(doc, new URL(url));
    expect(result.pageKind).toBe('shop');
    const [shop, ...items] = result.listings;
    expect(shop).toMatchObject({
      kind: 'shop',
      itemKey: 'lazada:seller:200162211305',
      sellerKey: 'lazada:seller:200162211305',
      title: 'Zinus Official Store',
    });
    expect(items).toHaveLength(56);
    for (const item of items) expect(item.sellerKey).toBe('lazada:seller:200162211305');
  });

  it('search grid (lazada.com.ph, 2024-01): all 40 cards, ids agreeing with data-item-id, LazMall marked', () => {
    const { doc, url } = captureDocument(
      'lazada',
      'lazada-ph-search-grid-rendered-dom-2024-01.html',
    );
    const result = lazadaAdapter.extract(doc, url);
    const cards = [...doc.querySelectorAll('[data-qa-locator="product-item"]')];
    expect(cards).toHaveLength(40);
    expect(result.pageKind).toBe('grid');
    expect(result.unreadable).toBe(0);
    expect(result.listings.map((l) => l.itemKey)).toEqual(
      cards.map((card) => `lazada:item:${card.getAttribute('data-item-id')}`),
    );
    for (const listing of result.listings) {
      const link = listing.anchor.querySelector('a[href]')?.getAttribute('href') ?? '';
      expect(link).toContain(`-i${listing.itemKey.split(':')[2]}`);
      expect(listing.title?.length).toBeGreaterThan(3);
      expect(listing.price).toMatchObject({ currency: 'PHP' });
    }
    const mall = result.listings.filter((l) => l.official === true);
    expect(mall.length).toBe(cards.filter((c) => c.querySelector('[style*="lazmall"]')).length);
    expect(mall.length).toBeGreaterThan(0);
    expect(result.listings[0]).toMatchObject({
      itemKey: 'lazada:item:2894375047',
      price: { amount: 305 },
    });
  });

  it('product page (lazada.vn, 2018-09): item, seller from app.run, title and price', () => {
    const url =
      'https://www.lazada.vn/products/nha-gia-kim-tai-ban-2017-paulo-coelho-i132621522-s133154361.html';
    const { doc, url: pageUrl } = captureDocument(
      'lazada',
      'lazada-vn-product-detail-server-html-2018-09.html',
      url,
    );
    const [product, ...rest] = lazadaAdapter.extract(doc, pageUrl).listings;
    expect(product).toMatchObject({
      kind: 'product',
      itemKey: 'lazada:item:132621522',
      sellerKey: 'lazada:seller:6548',
      sellerName: 'sachbanchay-vn',
      title: 'Nhà Giả Kim (Tái Bản 2017) - Paulo Coelho',
      price: { amount: 58000, currency: 'VND' },
    });
    expect(rest).toEqual([]);
  });

  it('search server HTML (lazada.vn, 2018-09): no cards in the HTML, but every item’s seller in pageData', () => {
    const { doc, url } = captureDocument(
      'lazada',
      'lazada-vn-search-server-html-2018-09.html',
      'https://www.lazada.vn/catalog/?q=minh+la+ca',
    );
    // A grid by its address, not yet drawn: nothing read, and no card-like links to say it changed.
    expect(lazadaAdapter.extract(doc, url)).toMatchObject({
      pageKind: 'grid',
      listings: [],
      unreadable: 0,
      unread: false,
    });
    const sellers = lazadaSellersOnPage(doc, url);
    expect(sellers.size).toBe(40);
    expect(sellers.get('106681345')).toEqual({ sellerId: '6548', sellerName: 'sachbanchay-vn' });
  });
});
