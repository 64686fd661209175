import { describe, expect, it } from 'vitest';
import { tikiIdsFromUrl } from '../../utils/protocol/listing-urls';
import { tikiAdapter } from '../../utils/sites/tiki';
import { captureDocument } from '../helpers/captures';
import { hasSharedFixtures, parseHtml } from '../helpers/fixtures';
import { ownFixtures } from '../helpers/own-fixtures';

describe('Tiki ids', () => {
  it('reads -p<id>.html and ignores other pages', () => {
    expect(tikiIdsFromUrl(new URL('https://tiki.vn/x-p763843.html?spid=1234'))).toEqual({
      item: '763843',
    });
    expect(tikiIdsFromUrl(new URL('https://tiki.vn/dien-thoai/c1795'))).toBeNull();
  });

  it('does not trust a hidden product id that disagrees with the URL (stale after navigation)', () => {
    const fixture = ownFixtures().find((f) => f.site === 'tiki' && f.name === 'product-page');
    const other = 'https://tiki.vn/khac-p0000000999.html';
    const result = tikiAdapter.extract(parseHtml(fixture?.html ?? '', other), new URL(other));
    expect(result.pageKind).toBe('other');
  });
});

describe.runIf(hasSharedFixtures)('Tiki adapter on the real captures', () => {
  it('search grid (tiki.vn, 2018-09, HTML kept in a .js file): its one card, not the menu links', () => {
    const { doc, url } = captureDocument(
      'tiki',
      'tiki-vn-search-server-html-2018-09-wrapped-in-js.js',
      'https://tiki.vn/search?q=ng%C6%B0%E1%BB%9Di+h%C3%B3a+th%C3%BA+4',
    );
    const result = tikiAdapter.extract(doc, url);
    expect(result.pageKind).toBe('grid');
    expect(result.unreadable).toBe(0);
    expect(result.listings).toHaveLength(1);
    expect(result.listings[0]).toMatchObject({
      itemKey: 'tiki:item:4363785',
      price: { amount: 49770, currency: 'VND' },
    });
    expect(result.listings[0]?.anchor.getAttribute('data-id')).toBe('4363785');
  });

  it('product page (tiki.vn, 2018-09, body fragment): item, title, price from microdata', () => {
    const { doc, url } = captureDocument(
      'tiki',
      'tiki-vn-product-detail-body-fragment-2018-09.html',
      'https://tiki.vn/minh-la-ca-viec-cua-minh-la-boi-p763843.html',
    );
    const result = tikiAdapter.extract(doc, url);
    expect(result.pageKind).toBe('product');
    expect(result.listings[0]).toMatchObject({
      kind: 'product',
      itemKey: 'tiki:item:763843',
      title: 'Mình Là Cá, Việc Của Mình Là Bơi',
      price: { amount: 53400, currency: 'VND' },
    });
    for (const card of result.listings.slice(1)) expect(card.itemKey).toMatch(/^tiki:item:\d+$/);
  });
});
