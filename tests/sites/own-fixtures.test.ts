import { describe, expect, it } from 'vitest';
import { readAddressName } from '../../utils/protocol/address-name';
import { normaliseProductName } from '../../utils/protocol/keys';
import { adapterForHost } from '../../utils/sites';
import { parseHtml } from '../helpers/fixtures';
import { comparable, ownFixtures } from '../helpers/own-fixtures';

describe('every adapter on our own fixtures', () => {
  it.each(ownFixtures().map((f) => [`${f.site}/${f.name}`, f] as const))('%s', (_name, fixture) => {
    const url = new URL(fixture.expected.url);
    const adapter = adapterForHost(url.hostname);
    expect(adapter?.platform).toBe(fixture.site);
    const result = adapter?.extract(parseHtml(fixture.html, url.href), url);
    expect(result?.pageKind).toBe(fixture.expected.pageKind);
    expect(result?.unreadable).toBe(fixture.expected.unreadable);
    expect(result?.listings.map(comparable)).toEqual(fixture.expected.listings);
  });
});

describe('the name a card address carries, for product-name matching', () => {
  it.each(
    ownFixtures()
      .filter((f) => f.expected.pageKind === 'grid')
      .map((f) => [`${f.site}/${f.name}`, f] as const),
  )('%s: taken from the link when it has one, the title otherwise', (_name, fixture) => {
    const url = new URL(fixture.expected.url);
    const adapter = adapterForHost(url.hostname);
    const cards = adapter?.extract(parseHtml(fixture.html, url.href), url).listings ?? [];
    for (const card of cards) {
      expect(card.matchName, card.itemKey).toBeTruthy();
      // Our fixtures write each address with the card's own name, as the marketplaces do.
      expect(normaliseProductName(card.matchName ?? '')).toBe(
        normaliseProductName(card.title ?? ''),
      );
    }
  });

  it.each([
    ['S%E1%BB%AFa-b%E1%BB%99t-COLOS-IQ', 'Sữa bột COLOS IQ'],
    ['Giay_the_thao+nam', 'Giay the thao nam'],
    // Shortened to fit a message: the cut character goes, the rest is read.
    ['S%E1%BB%AFa-b%E1%BB%99t-m%E1%BB', 'Sữa bột m'],
    ['S%E1%BB%AFa-b%E1%BB%99t-m%E1%B', 'Sữa bột m'],
    ['S%E1%BB%AFa-b%E1%BB%99t-m%', 'Sữa bột m'],
    ['bad-%E0%A4%A-i', null], // malformed inside: not a name
    ['%E1%BB%AF', null], // too short
    ['-_-', null],
  ])('reads the address name %s as %s', (raw, name) => {
    expect(readAddressName(raw)).toBe(name);
  });

  it('decodes the Vietnamese name in a Shopee address, and ignores a malformed one', () => {
    const adapter = adapterForHost('shopee.vn');
    const doc = parseHtml(
      `<ul><li data-sqe="item"><a class="contents" href="/S%E1%BB%AFa-b%E1%BB%99t-COLOS-IQ-for-Mum-800g-i.123.456"><div class="line-clamp-2">Sữa bột COLOS IQ for Mum 800g chính hãng</div></a></li>
       <li data-sqe="item"><a class="contents" href="/bad-%E0%A4%A-name-i.123.457"><div class="line-clamp-2">Tiêu đề thật</div></a></li></ul>`,
      'https://shopee.vn/search?keyword=sua',
    );
    const cards =
      adapter?.extract(doc, new URL('https://shopee.vn/search?keyword=sua')).listings ?? [];
    expect(cards.map((card) => card.matchName)).toEqual([
      'Sữa bột COLOS IQ for Mum 800g',
      'Tiêu đề thật',
    ]);
  });
});
