/**
 * Every real capture the adapters read, looked up as a page would look it up (names, descriptions,
 * variants, reviews, barcodes, prices and official marks, with this session's official prices
 * remembered), shows no heuristic warning: none of their texts admits a replica. The strict
 * reading too, as if no seller on them were marked official.
 */
import { describe, expect, it } from 'vitest';
import { answerLookup } from '../../../entrypoints/background/data/lookup-answer';
import { titleToMatch } from '../../../utils/content/lookup-batch';
import type { ProductMatcher } from '../../../utils/lookup/product-matcher';
import { PriceReferences } from '../../../utils/lookup/signals/price-references';
import { adapterForHost } from '../../../utils/sites';
import { captureDocument, PAGE_CAPTURES } from '../../helpers/captures';
import { hasSharedFixtures } from '../../helpers/fixtures';

const noProducts = { matchFolded: () => null } as unknown as ProductMatcher;
const nothingFlagged = { get: async () => new Map() };

describe.runIf(hasSharedFixtures)('the real captures, looked up', () => {
  it.each([false, true])(
    'show no heuristic warning (every seller unmarked: %s)',
    async (unmarked) => {
      const prices = new PriceReferences();
      let read = 0;
      for (const [site, name, pageUrl] of PAGE_CAPTURES) {
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
