/**
 * Knowing when a site changes: a page of a kind an adapter reads (by its address) that yields no
 * listing, or far fewer than its card-like links, is marked `unread`, not taken as "nothing flagged".
 */
import { describe, expect, it } from 'vitest';
import { adapterForHost } from '../../utils/sites';
import { tikiAdapter } from '../../utils/sites/tiki';
import { capture } from '../helpers/captures';
import { hasSharedFixtures, parseHtml, readText } from '../helpers/fixtures';
import { ownFixtures } from '../helpers/own-fixtures';

const fixture = (site: string, name: string) => {
  const found = ownFixtures().find((f) => f.site === site && f.name === name);
  if (!found) throw new Error(`no fixture ${site}/${name}`);
  return found;
};

function read(html: string, at: string) {
  const url = new URL(at);
  return adapterForHost(url.hostname)?.extract(parseHtml(html, at), url);
}

describe('a changed layout is told from an empty page', () => {
  it('our own fixtures, as written, are all read', () => {
    for (const f of ownFixtures())
      expect(read(f.html, f.expected.url)?.unread ?? false, f.name).toBe(false);
  });

  it('a Shopee grid whose card links mostly changed shape: unread, with its card-like links counted', () => {
    const grid = fixture('shopee', 'search-grid');
    // The marketplace moved its ids out of the address (an opaque token instead).
    const changed = grid.html.replace(/-i\.(\d+)\.(\d+)/g, '-x.$2').replace(/data-sqe="item"/g, '');
    const result = read(changed, grid.expected.url);
    // One card still links in the other address form: far fewer than the page's cards.
    expect(result).toMatchObject({ pageKind: 'grid', unread: true });
    expect(result?.listings).toHaveLength(1);
    expect(result?.cardLike).toBeGreaterThanOrEqual(6);
  });

  it('a Tiki product page whose title markup changed: unread', () => {
    const product = fixture('tiki', 'product-page');
    const changed = product.html
      .replace(/<h1[^>]*>/g, '<div class="name">')
      .replace(/<\/h1>/g, '</div>');
    expect(read(changed, product.expected.url)).toMatchObject({
      pageKind: 'product',
      unread: true,
    });
  });

  it('a shop page whose cards no longer name their seller: unread', () => {
    const shop = fixture('lazada', 'shop-page');
    const changed = shop.html.replace(/window\.pageData = .*;/, '');
    expect(read(changed, shop.expected.url)).toMatchObject({ pageKind: 'shop', unread: true });
  });

  it('a search with few results is not a changed layout', () => {
    const result = read(
      '<main><p>Không tìm thấy sản phẩm</p></main>',
      'https://shopee.vn/search?keyword=x',
    );
    expect(result).toMatchObject({ pageKind: 'grid', unread: false, listings: [] });
  });
});

/** A grid page cut to its first `keep` cards: a category with few items, header and menus kept. */
function keepCards(doc: Document, keep: number): Document {
  const cards = doc.querySelectorAll('[data-view-id="product_list_item"]');
  cards.forEach((card, place) => {
    if (place >= keep) card.remove();
  });
  return doc;
}

/** Picture links a page has besides its cards: banners, categories, the logo. */
const PICTURE_LINKS = Array.from(
  { length: 12 },
  (_, n) => `<a href="/danh-muc-${n}/c${900 + n}"><img alt="Danh mục ${n}"></a>`,
).join('');

describe('a page with few items, or no shop, is read', () => {
  it('a Tiki category with four items and many picture links (our fixture): read', () => {
    const grid = fixture('tiki', 'today-grid');
    const at = 'https://tiki.vn/binh-mau/c0001';
    const html = grid.html.replace('<main>', `<main><nav>${PICTURE_LINKS}</nav>`);
    const doc = keepCards(parseHtml(html, at), 4);
    const result = tikiAdapter.extract(doc, new URL(at));
    expect(result.listings.length).toBeGreaterThanOrEqual(4);
    expect(result).toMatchObject({ pageKind: 'grid', unread: false });
    expect(result.cardLike).toBeLessThan(6);
  });

  it('a Shopee one-word page that is not a shop (flash_deals): not a shop, not unread', () => {
    const wall = fixture('shopee', 'login-wall');
    for (const at of ['https://shopee.vn/flash_deals', 'https://shopee.vn/khuyenmai_thang12']) {
      const html = wall.html.replace('<body>', `<body><nav>${PICTURE_LINKS}</nav>`);
      const result = read(html, at);
      expect(result?.pageKind, at).not.toBe('shop');
      expect(result?.unread ?? false, at).toBe(false);
    }
  });

  it('a shop with no items but its own header: a shop page, read', () => {
    const shop = fixture('shopee', 'shop-page');
    const empty = shop.html.replace(/<ul class="row">[\s\S]*<\/ul>/, '<ul class="row"></ul>');
    const result = read(empty, shop.expected.url);
    expect(result).toMatchObject({ pageKind: 'shop', unread: false, listings: [] });
  });

  it('a shop-shaped address whose page shows no shop of its own: not a shop page', () => {
    const shop = fixture('shopee', 'shop-page');
    const noHeader = shop.html
      .replace(/section-seller-overview-horizontal/g, 'banner')
      .replace(/"@type": *"Organization"/g, '"@type": "WebPage"');
    expect(read(noHeader, shop.expected.url)?.pageKind).toBe('grid');
  });
});

describe.runIf(hasSharedFixtures)('few items on a real page', () => {
  it('the real Tiki category capture cut to four of its 55 cards: read, not unread', () => {
    const at = 'https://tiki.vn/phong-an/c1955';
    const html = readText(capture('tiki', 'tiki-vn-category-grid-rendered-dom-2025-11.html'));
    const doc = keepCards(parseHtml(html, at), 4);
    const result = tikiAdapter.extract(doc, new URL(at));
    expect(result.listings.length).toBeGreaterThanOrEqual(4);
    expect(result).toMatchObject({ pageKind: 'grid', unread: false });
  });
});
