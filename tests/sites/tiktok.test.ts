import { describe, expect, it } from 'vitest';
import { tiktokIdsFromUrl } from '../../utils/protocol/listing-urls';
import { tiktokAdapter } from '../../utils/sites/tiktok';
import { captureDocument } from '../helpers/captures';
import { hasSharedFixtures } from '../helpers/fixtures';

describe('TikTok Shop ids', () => {
  it('reads product ids past 2^53 exactly, in every URL form and region', () => {
    const id = '1729447605324124806';
    for (const path of [`/shop/pdp/slug/${id}`, `/shop/vn/pdp/slug/${id}`, `/view/product/${id}`]) {
      expect(tiktokIdsFromUrl(new URL(`https://www.tiktok.com${path}?source=x`))).toEqual({
        item: id,
      });
    }
    expect(
      tiktokIdsFromUrl(new URL('https://www.tiktok.com/@user/video/7349412345678901234')),
    ).toBeNull();
  });
});

describe.runIf(hasSharedFixtures)('TikTok adapter on the real capture', () => {
  it('product page (US, 2025-07): item, seller, title and price from __MODERN_ROUTER_DATA__', () => {
    const url =
      'https://www.tiktok.com/shop/pdp/square-neck-bodysuit-co-ord-high-waist-wide-leg-trousers-by-katchme/1729447605324124806';
    const { doc } = captureDocument('tiktok', 'tiktok-shop-us-pdp-ssr-html-2025-07.html', url);
    const result = tiktokAdapter.extract(doc, new URL(url));
    expect(result.pageKind).toBe('product');
    expect(result.listings[0]).toMatchObject({
      kind: 'product',
      itemKey: 'tiktok:item:1729447605324124806',
      sellerKey: 'tiktok:seller:7495278230053096070',
      sellerName: 'KatchMe US',
      price: { amount: 24.17, currency: 'USD' },
    });
    expect(result.listings[0]?.title).toMatch(/^Women's Trendy Square Neck Shaping Bodysuit/);
    // For the signals: the description's text blocks and bullet lists (its pictures skipped), every
    // option value once, and the reviews the page shows first with their ratings.
    const product = result.listings[0];
    expect(product?.description).toMatch(/^KatchMe women's trendy square neck shaping bodysuit/);
    expect(product?.description).toContain('Material: 95%Polyester & 5%Elastane');
    expect(product?.description).not.toContain('tiktokcdn');
    expect(product?.variants).toEqual(expect.arrayContaining(['Black', 'Sage', 'Coral Red']));
    expect(new Set(product?.variants).size).toBe(product?.variants?.length);
    expect(product?.reviews?.length).toBeGreaterThan(0);
    expect(product?.reviews?.[0]).toEqual({
      rating: 5,
      text: expect.stringMatching(/^Fits comfortable fits to size/),
    });
  });
});
