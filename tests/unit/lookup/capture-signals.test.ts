/**
 * Every real capture the adapters read, looked up as a page would look it up (names, descriptions,
 * variants, reviews, barcodes, prices and official marks, with this session's official prices
 * remembered), shows no heuristic warning: none of their texts admits a replica. The strict
 * reading too, as if no seller on them were marked official.
 */
import { describe, expect, it } from 'vitest';
import { answerLookup } from '../../../entrypoints/background/lookup-answer';
import { titleToMatch } from '../../../utils/content/lookup-batch';
import type { ProductMatcher } from '../../../utils/lookup/product-matcher';
import { PriceReferences } from '../../../utils/lookup/signals/price-references';
import { adapterForHost } from '../../../utils/sites';
import { captureDocument } from '../../helpers/captures';
import { hasSharedFixtures } from '../../helpers/fixtures';

const PAGES: Array<[string, string, string | undefined]> = [
  ['shopee', 'shopee-sg-search-grid-rendered-dom-2025-09.html', undefined],
  ['shopee', 'shopee-sg-product-detail-rendered-dom-2025-09.html', undefined],
  ['lazada', 'lazada-ph-search-grid-rendered-dom-2024-01.html', undefined],
  [
    'lazada',
    'lazada-vn-product-detail-server-html-2018-09.html',
    'https://www.lazada.vn/products/x-i132621522-s133154361.html',
  ],
  [
    'tiki',
    'tiki-vn-product-detail-body-fragment-2018-09.html',
    'https://tiki.vn/minh-la-ca-viec-cua-minh-la-boi-p763843.html',
  ],
  [
    'tiktok',
    'tiktok-shop-us-pdp-ssr-html-2025-07.html',
    'https://www.tiktok.com/shop/pdp/x/1729447605324124806',
  ],
];

const noProducts = { matchFolded: () => null } as unknown as ProductMatcher;
const nothingFlagged = { get: async () => new Map() };

describe.runIf(hasSharedFixtures)('the real captures, looked up', () => {
  it.each([false, true])(
    'show no heuristic warning (every seller unmarked: %s)',
    async (unmarked) => {
      const prices = new PriceReferences();
      let read = 0;
      for (const [site, name, pageUrl] of PAGES) {
        const { doc, url } = captureDocument(site, name, pageUrl);
        const listings = adapterForHost(url.hostname)?.extract(doc, url).listings ?? [];
        const titles = listings.flatMap((listing) => {
          const title = titleToMatch(listing);
          if (!title) return [];
          return [unmarked && title.official !== true ? { ...title, official: false } : title];
        });
        read += titles.length;
        const answer = await answerLookup(
          { info: null, reader: nothingFlagged, products: noProducts, prices },
          { keys: listings.map((listing) => listing.itemKey), titles },
          [],
          new Date('2026-12-01T00:00:00Z'),
        );
        expect(answer.signals ?? [], `${site}/${name}`).toEqual([]);
      }
      expect(read).toBeGreaterThan(150);
    },
  );
});
