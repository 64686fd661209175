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

/** Today's grid of ours as the page stands after its own scripts ran (they do not run offline). */
function todayGrid(url = 'https://tiki.vn/binh-mau/c0001') {
  const fixture = ownFixtures().find((f) => f.site === 'tiki' && f.name === 'today-grid');
  const doc = parseHtml(fixture?.html ?? '', url);
  const cards = (template: string) =>
    (doc.getElementById(template) as HTMLTemplateElement).content.cloneNode(true);
  const grid = doc.querySelector('.grid') as Element;
  const sellers = (at: string) =>
    Object.fromEntries(
      tikiAdapter
        .extract(doc, new URL(at))
        .listings.map((l) => [
          `${l.itemKey} ${(l.anchor as HTMLAnchorElement).getAttribute('href')}`,
          l.sellerKey,
        ]),
    );
  return {
    doc,
    sellers,
    /** "Xem thêm": the next page's cards, appended; the state still lists the first page only. */
    scroll: () => grid.append(cards('more-cards')),
    /** Another category opened client-side: the grid swapped, __NEXT_DATA__ left as it was. */
    navigate: () => grid.replaceChildren(cards('other-cards')),
  };
}

describe("Tiki's today grid (Next.js state matched card by card)", () => {
  it('gives every card its seller from the state, sponsored cards included, never another card’s', () => {
    const { doc } = todayGrid();
    const result = tikiAdapter.extract(doc, new URL('https://tiki.vn/binh-mau/c0001'));
    const bySpid = Object.fromEntries(
      result.listings.map((l) => [
        JSON.parse(l.anchor.getAttribute('data-view-content') ?? '{}').click_data.spid,
        [l.itemKey, l.sellerKey, l.official],
      ]),
    );
    // One item, two sellers' offers: each card keeps its own seller.
    expect(bySpid['0000006111']).toEqual(['tiki:item:0000000611', 'tiki:seller:0000000071', true]);
    expect(bySpid['0000006112']).toEqual(['tiki:item:0000000611', 'tiki:seller:0000000073', false]);
    expect(result.unreadable).toBe(0);
  });

  it('the price a card shows, not the state’s; a title escaped twice reads as shown', () => {
    const { doc } = todayGrid();
    const card = tikiAdapter
      .extract(doc, new URL('https://tiki.vn/binh-mau/c0001'))
      .listings.find((l) => l.itemKey === 'tiki:item:0000000612');
    expect(card?.price).toEqual({ amount: 167_200, currency: 'VND' });
    expect(card?.title).toBe('Bình Lock&Lock mẫu');
  });

  it('after infinite scroll, a card the state does not list gets no seller (same item or not)', () => {
    const grid = todayGrid();
    grid.scroll();
    const sellers = grid.sellers('https://tiki.vn/binh-mau/c0001');
    expect(Object.keys(sellers)).toHaveLength(6);
    // Item 611 again, a third seller's offer the state never named: its seller is unknown.
    expect(
      sellers['tiki:item:0000000611 /binh-giu-nhiet-mau-a-p0000000611.html?spid=0000006119'],
    ).toBeNull();
    expect(sellers['tiki:item:0000000614 /coc-mau-p0000000614.html?spid=0000006141']).toBeNull();
    // The first page's cards keep theirs.
    expect(
      sellers['tiki:item:0000000611 /binh-giu-nhiet-mau-a-p0000000611.html?spid=0000006112'],
    ).toBe('tiki:seller:0000000073');
  });

  it('after client-side navigation, the first page’s state gives no seller to the new cards', () => {
    const grid = todayGrid();
    grid.navigate();
    const sellers = grid.sellers('https://tiki.vn/binh-khac/c0002');
    // The new grid's first card is item 612 in the place where the old state lists item 612, and
    // its second is the very offer the old state names: neither is read from a stale state.
    expect(Object.values(sellers)).toEqual([null, null]);
    expect(Object.keys(sellers)).toEqual([
      'tiki:item:0000000612 /binh-lock-lock-mau-p0000000612.html?spid=0000006129',
      'tiki:item:0000000613 /phin-giay-mau-p0000000613.html?spid=0000006131',
    ]);
  });
});

describe("Tiki's state is read only for its own page and its own cards", () => {
  /** The first card's offer changed in its link and its data-view-content, in place (a variant). */
  function changeFirstOffer(doc: Document) {
    const card = doc.querySelector('[data-view-id="product_list_item"]') as Element;
    const id = JSON.parse(card.getAttribute('data-view-content') ?? '{}').click_data.id;
    card.setAttribute(
      'data-view-content',
      JSON.stringify({ click_data: { id, spid: '0000009999' } }),
    );
    card.setAttribute('href', `/x-p${id}.html?spid=0000009999`);
  }

  it('an address that shares the state’s route as a prefix, or adds a page, is another page', () => {
    for (const at of [
      'https://tiki.vn/binh-mau/c00011',
      'https://tiki.vn/binh-mau/c0001?page=2',
      'https://tiki.vn/binh-mau-khac/c0001',
      'https://tiki.vn/binh/c0001',
    ]) {
      const grid = todayGrid();
      const sellers = Object.values(grid.sellers(at));
      expect(sellers.length, at).toBeGreaterThan(0);
      expect(
        sellers.every((seller) => seller === null),
        at,
      ).toBe(true);
    }
    // The state's own page keeps its sellers.
    expect(Object.values(todayGrid().sellers('https://tiki.vn/binh-mau/c0001'))).toContain(
      'tiki:seller:0000000071',
    );
  });

  it('a card in its row’s place naming another variant’s offer keeps the row’s seller; one naming another item gets none', () => {
    const grid = todayGrid();
    changeFirstOffer(grid.doc);
    const sellers = grid.sellers('https://tiki.vn/binh-mau/c0001');
    const first = Object.entries(sellers).find(([key]) => key.includes('spid=0000009999'));
    expect(first?.[1]).toBe('tiki:seller:0000000071');
    const other = todayGrid();
    const card = other.doc.querySelector('[data-view-id="product_list_item"]') as Element;
    card.setAttribute('data-view-content', JSON.stringify({ click_data: { id: '0000000699' } }));
    card.setAttribute('href', '/x-p0000000699.html');
    const moved = other.sellers('https://tiki.vn/binh-mau/c0001');
    expect(moved['tiki:item:0000000699 /x-p0000000699.html']).toBeNull();
  });
});

describe.runIf(hasSharedFixtures)('Tiki adapter on the real captures', () => {
  it('category grid (tiki.vn, 2025-11, Next.js): 55/55 cards with item, seller, shown price and clean title', () => {
    const { doc, url } = captureDocument(
      'tiki',
      'tiki-vn-category-grid-rendered-dom-2025-11.html',
      'https://tiki.vn/phong-an/c1954',
    );
    const result = tikiAdapter.extract(doc, url);
    expect(result.pageKind).toBe('grid');
    expect(result.unreadable).toBe(0);
    const cards = [...doc.querySelectorAll('[data-view-id="product_list_item"]')];
    expect(cards).toHaveLength(55);
    const byCard = new Map(result.listings.map((l) => [l.anchor, l]));
    const next = JSON.parse(doc.getElementById('__NEXT_DATA__')?.textContent ?? '{}');
    const rows = next.props.initialState.catalog.data as Array<Record<string, unknown>>;
    let sponsored = 0;
    let otherOffer = 0;
    cards.forEach((card, place) => {
      const listing = byCard.get(card);
      const clickData = JSON.parse(card.getAttribute('data-view-content') ?? '{}').click_data;
      // The card's row: the one in its place when it is the card's item (a card may show another
      // variant's offer of it), else the row of the card's very offer elsewhere (a sponsored card
      // and its organic twin).
      const sameOffer = (r: Record<string, unknown> | undefined) =>
        String(r?.id) === String(clickData.id) &&
        String(r?.seller_product_id) === String(clickData.spid);
      const inPlace = String(rows[place]?.id) === String(clickData.id);
      const row = (inPlace ? rows[place] : rows.find(sameOffer)) ?? {};
      if (card.getAttribute('href')?.startsWith('//tka.tiki.vn/pixel/')) sponsored++;
      expect(listing?.itemKey, `card ${place}`).toBe(`tiki:item:${clickData.id}`);
      if (!sameOffer(row)) otherOffer++;
      expect(listing?.sellerKey, `card ${place}`).toBe(`tiki:seller:${row.seller_id}`);
      expect(listing?.sellerName).toBe(row.seller_name);
      expect(listing?.official).toBe(row.is_from_official_store);
      // The price the card shows, as a shopper compares it.
      const shown = card.querySelector('.price-discount__price')?.textContent ?? '';
      expect(listing?.price, `card ${place}`).toEqual({
        amount: Number(shown.replace(/\D/g, '')),
        currency: 'VND',
      });
      expect(listing?.title).not.toMatch(/&(?:amp|quot|lt|gt|#\d+);/);
    });
    expect(sponsored).toBe(15);
    // Eleven cards show a variant’s offer their row does not name; each is still its row’s seller’s.
    expect(otherOffer).toBe(11);
    expect(result.listings.filter((l) => l.sellerKey !== null).length).toBeGreaterThanOrEqual(55);
    // During a sale the state's price is not the one shown: 176,000 in the state, 167,200 on the card.
    const sale = result.listings.find((l) => l.itemKey === 'tiki:item:275367488');
    expect(sale?.price?.amount).toBe(167_200);
    const escaped = result.listings.filter((l) => l.title?.includes('Lock&Lock'));
    expect(escaped.length).toBeGreaterThanOrEqual(3);
    for (const listing of result.listings) expect(listing.title).not.toContain('&amp;');
  });

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
