/**
 * Knowing when a site changes: a page of a kind an adapter reads (by its address) that yields no
 * listing, or far fewer than its card-like links, is marked `unread`, not taken as "nothing flagged".
 */
import { describe, expect, it } from 'vitest';
import { adapterForHost } from '../../utils/sites';
import { parseHtml } from '../helpers/fixtures';
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
