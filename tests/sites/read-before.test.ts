/**
 * A scan reads only the cards new to it: an extraction given the cards read before returns the
 * same listing objects for unchanged cards, reads what changed or arrived, and agrees with an
 * extraction that reads everything.
 */
import { describe, expect, it } from 'vitest';
import { adapterForHost } from '../../utils/sites';
import { CardListing } from '../../utils/sites/engine/card-listing';
import type { ReadCards } from '../../utils/sites/engine/types';
import { parseHtml } from '../helpers/fixtures';
import { comparable, ownFixtures } from '../helpers/own-fixtures';

const withCards = ownFixtures().filter(
  (f) => f.expected.listings.filter((l) => l.kind === 'card').length > 0,
);

function open(fixture: (typeof withCards)[number]) {
  const url = new URL(fixture.expected.url);
  const adapter = adapterForHost(url.hostname);
  if (!adapter) throw new Error(`no adapter for ${url.hostname}`);
  return { url, adapter, doc: parseHtml(fixture.html, url.href) };
}

describe('cards read before are not read again', () => {
  it.each(withCards.map((f) => [`${f.site}/${f.name}`, f] as const))(
    '%s: the same objects, the same reading',
    (_name, fixture) => {
      const { url, adapter, doc } = open(fixture);
      const read: ReadCards = new WeakMap();
      const first = adapter.extract(doc, url, read);
      const second = adapter.extract(doc, url, read);
      const cards = (listings: typeof first.listings) => listings.filter((l) => l.kind === 'card');
      expect(cards(second.listings).length).toBe(cards(first.listings).length);
      cards(second.listings).forEach((card, i) => {
        // Cards read from their root's attributes (no readable link) are read each time.
        if (card instanceof CardListing && card.link === null) return;
        expect(card).toBe(cards(first.listings)[i]);
      });
      // Everything else as an extraction that reads the whole page.
      const fresh = adapter.extract(doc, url);
      expect(second.listings.map(comparable)).toEqual(fresh.listings.map(comparable));
      expect(second.pageKind).toBe(fresh.pageKind);
      expect(second.unreadable).toBe(fresh.unreadable);
    },
  );

  it('reads a card again when its link names another item, and reads the cards a page adds', () => {
    const fixture = withCards.find((f) => f.site === 'shopee' && f.name === 'search-grid');
    if (!fixture) throw new Error('shopee/search-grid fixture missing');
    const { url, adapter, doc } = open(fixture);
    const read: ReadCards = new WeakMap();
    const before = adapter.extract(doc, url, read).listings.filter((l) => l.kind === 'card');
    const [reused, kept] = before;
    if (!reused || !kept) throw new Error('the fixture has fewer than two cards');
    // The SPA reuses the first card for another item: only its link's address changes.
    const link = [...reused.anchor.querySelectorAll('a[href]')].find((a) =>
      /-i\.\d+\.\d+/.test(a.getAttribute('href') ?? ''),
    );
    if (!link) throw new Error('no listing link in the first card');
    link.setAttribute('href', (link.getAttribute('href') ?? '').replace(/(-i\.\d+\.\d+)/, '$19'));
    // And adds one more card, a copy of the second one for another item.
    const added = kept.anchor.cloneNode(true) as Element;
    for (const a of added.querySelectorAll('a[href]')) {
      a.setAttribute('href', (a.getAttribute('href') ?? '').replace(/(-i\.\d+\.\d+)/, '$18'));
    }
    kept.anchor.after(added);
    const after = adapter.extract(doc, url, read).listings.filter((l) => l.kind === 'card');
    expect(after).toHaveLength(before.length + 1);
    const again = after.find((l) => l.anchor === reused.anchor);
    expect(again).not.toBe(reused);
    expect(again?.itemKey).toBe(`${reused.itemKey}9`);
    expect(after.find((l) => l.anchor === kept.anchor)).toBe(kept);
    expect(after.find((l) => l.anchor === added)?.itemKey).toBe(`${kept.itemKey}8`);
  });

  it('does not give a card back once its link has moved into another card', () => {
    const fixture = withCards.find((f) => f.site === 'shopee' && f.name === 'search-grid');
    if (!fixture) throw new Error('shopee/search-grid fixture missing');
    const { url, adapter, doc } = open(fixture);
    const read: ReadCards = new WeakMap();
    const before = adapter.extract(doc, url, read).listings;
    const [first, second] = before;
    if (!first || !second) throw new Error('the fixture has fewer than two cards');
    // The page moves the first card's contents into the second card's place.
    second.anchor.replaceChildren(...first.anchor.childNodes);
    first.anchor.remove();
    const after = adapter.extract(doc, url, read).listings;
    expect(after).toHaveLength(before.length - 1);
    const moved = after.find((l) => l.anchor === second.anchor);
    expect(moved).not.toBe(first);
    expect(moved).not.toBe(second);
    expect(moved?.itemKey).toBe(first.itemKey);
  });
});

describe('a product page still being parsed: its own product alone', () => {
  it.each(
    ownFixtures()
      .filter((f) => f.expected.pageKind === 'product')
      .map((f) => [`${f.site}/${f.name}`, f] as const),
  )('%s', (_name, fixture) => {
    const url = new URL(fixture.expected.url);
    const adapter = adapterForHost(url.hostname);
    const doc = parseHtml(fixture.html, url.href);
    const whole = adapter?.extract(doc, url).listings ?? [];
    const alone = adapter?.extract(doc, url, undefined, true).listings ?? [];
    expect(alone.map(comparable)).toEqual(
      whole.filter((one) => one.kind === 'product').map(comparable),
    );
  });
});
