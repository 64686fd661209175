import { beforeAll, describe, expect, it } from 'vitest';
import { sendoIdsFromUrl } from '../../utils/protocol/listing-urls';
import { sendoSellersFromJson } from '../../utils/sites/sendo';
import { capture } from '../helpers/captures';
import { hasSharedFixtures, readText } from '../helpers/fixtures';

describe('Sendo ids', () => {
  it('reads -<id>.html and ignores slugs that merely end in a number', () => {
    expect(sendoIdsFromUrl(new URL('https://www.sendo.vn/ban-goc-tuong-39103035.html'))).toEqual({
      item: '39103035',
    });
    expect(sendoIdsFromUrl(new URL('https://www.sendo.vn/iphone-13.html'))).toBeNull();
    expect(sendoIdsFromUrl(new URL('https://www.sendo.vn/thoi-trang-nu'))).toBeNull();
  });
});

describe.runIf(hasSharedFixtures)(
  'Sendo readers on the real capture (listing API JSON, 2023-07)',
  () => {
    // Read inside the tests: a describe body runs at collection even when runIf is false.
    let skus: Array<{ type: string; item?: Record<string, unknown> }> = [];
    let entries: typeof skus = [];
    beforeAll(() => {
      const text = readText(
        capture('sendo', 'sendo-vn-category-listing-api-json-wrapped-in-ts-2023-07.ts'),
      );
      entries = JSON.parse(text.slice(text.indexOf('['))) as typeof skus;
      skus = entries.filter((entry) => entry.type === 'SKU');
    });

    it('finds every product’s shop in the listing JSON', () => {
      expect(skus).toHaveLength(47);
      const sellers = sendoSellersFromJson(entries);
      for (const { item } of skus) {
        expect(sellers.get(String(item?.product_id))).toMatchObject({
          sellerId: String(item?.shop_id),
        });
      }
    });

    it('reads the product id of every listing path', () => {
      for (const { item } of skus) {
        expect(sendoIdsFromUrl(new URL(`https://www.sendo.vn/${item?.cat_path}`))).toEqual({
          item: String(item?.product_id),
        });
      }
    });
  },
);
