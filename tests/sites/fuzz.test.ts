/**
 * Adapters read pages they do not control. Fed mutated and truncated pages (nodes deleted,
 * attributes stripped, page JSON garbled), they must never throw and never return a listing with an
 * empty or malformed id.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { random } from '../../scripts/seeded-random';
import { isCanonicalKey } from '../../utils/protocol/keys';
import { adapterForHost } from '../../utils/sites';
import type { SiteAdapter } from '../../utils/sites/engine/types';
import { capture, captureDocument, PAGE_CAPTURES } from '../helpers/captures';
import { hasSharedFixtures, parseHtml, SHARED_FIXTURES } from '../helpers/fixtures';
import { ownFixtures } from '../helpers/own-fixtures';

const ATTRIBUTES = [
  'href',
  'data-id',
  'data-item-id',
  'data-sku-simple',
  'data-sqe',
  'data-qa-locator',
  'class',
  'title',
  'alt',
  'style',
  'value',
  'content',
];

function mutate(doc: Document, rand: () => number): void {
  const elements = [...doc.querySelectorAll('body *, head script')];
  for (const element of elements) {
    const roll = rand();
    if (roll < 0.08) element.remove();
    else if (roll < 0.25)
      element.removeAttribute(ATTRIBUTES[Math.floor(rand() * ATTRIBUTES.length)] ?? 'href');
    else if (roll < 0.3 && element.tagName === 'A')
      element.setAttribute(
        'href',
        ['', '-i.', '/products/-i.html', 'javascript:', '%E0%A4%A', '/x-p.html'][
          Math.floor(rand() * 6)
        ] ?? '',
      );
    else if (roll < 0.4 && element.tagName === 'SCRIPT') {
      const text = element.textContent ?? '';
      element.textContent =
        text.slice(0, Math.floor(rand() * text.length)) +
        ['{', '"', '}}', 'null', ''][Math.floor(rand() * 5)];
    }
  }
}

function checkListings(adapter: SiteAdapter, doc: Document, url: URL): void {
  const result = adapter.extract(doc, url);
  expect(Number.isInteger(result.unreadable) && result.unreadable >= 0).toBe(true);
  for (const listing of result.listings) {
    expect(isCanonicalKey(listing.itemKey), listing.itemKey).toBe(true);
    // A shop page's own listing is its seller.
    const kind = listing.kind === 'shop' ? 'seller' : 'item';
    expect(listing.itemKey.startsWith(`${adapter.platform}:${kind}:`)).toBe(true);
    if (listing.kind === 'shop') expect(listing.sellerKey).toBe(listing.itemKey);
    if (listing.sellerKey !== null) {
      expect(isCanonicalKey(listing.sellerKey), listing.sellerKey).toBe(true);
      expect(listing.sellerKey.startsWith(`${adapter.platform}:seller:`)).toBe(true);
    }
    expect(listing.anchor.ownerDocument).toBe(doc);
    if (listing.price) expect(listing.price.amount).toBeGreaterThan(0);
  }
}

describe('adapters on mutated pages', () => {
  it.each(ownFixtures().map((f) => [`${f.site}/${f.name}`, f] as const))(
    '%s: 40 mutations, 20 truncations',
    (_name, fixture) => {
      const url = new URL(fixture.expected.url);
      const adapter = adapterForHost(url.hostname);
      if (!adapter) throw new Error(`no adapter for ${url.hostname}`);
      for (let seed = 1; seed <= 40; seed++) {
        const doc = parseHtml(fixture.html, url.href);
        mutate(doc, random(seed));
        checkListings(adapter, doc, url);
      }
      const rand = random(999);
      for (let i = 0; i < 20; i++) {
        checkListings(
          adapter,
          parseHtml(fixture.html.slice(0, Math.floor(rand() * fixture.html.length)), url.href),
          url,
        );
      }
    },
  );
});

describe.runIf(hasSharedFixtures)('adapters on mutated real captures', () => {
  it.each(PAGE_CAPTURES)('%s %s: 3 mutations', (site, name, pageUrl) => {
    expect(readdirSync(`${SHARED_FIXTURES}/${site}`)).toContain(name);
    for (let seed = 1; seed <= 3; seed++) {
      const { doc, url } = captureDocument(site, name, pageUrl);
      const adapter = adapterForHost(url.hostname);
      if (!adapter) throw new Error(`no adapter for ${url.hostname}`);
      mutate(doc, random(seed));
      checkListings(adapter, doc, url);
    }
    expect(capture(site, name)).toContain(site);
  });
});
