/**
 * The price signal compares listed prices in đồng only: what a page's listings send for it (from
 * the adapters, as a lookup carries them) never holds a price after promo codes, nor an amount in
 * another currency, whatever the site's usual currency is.
 */
import { describe, expect, it } from 'vitest';
import { titleToMatch } from '../../../utils/content/lookup-batch';
import { PriceReferences } from '../../../utils/lookup/signals/price-references';
import { readAddressName } from '../../../utils/protocol/address-name';
import { headOfKey, normaliseProductName } from '../../../utils/protocol/keys';
import type { ExtractedListing } from '../../../utils/sites/engine/types';
import { shopeeAdapter } from '../../../utils/sites/shopee';
import { tikiAdapter } from '../../../utils/sites/tiki';
import { ownFixture, parseHtml } from '../../helpers/fixtures';
import type { Expected } from '../../helpers/own-fixtures';

function listingsOf(adapter: typeof tikiAdapter, name: string, at?: string) {
  const { html, expected } = ownFixture<Expected>(name);
  const url = new URL(at ?? expected.url);
  return adapter.extract(parseHtml(html, url.href), url).listings;
}

/** As the background compares a lookup's entry: its folded name, its price, the references. */
function compared(listing: ExtractedListing, prices: PriceReferences) {
  const entry = titleToMatch(listing);
  if (!entry) return null;
  const name = entry.fromAddress ? readAddressName(entry.title) : entry.title;
  if (!name || entry.price === undefined) return { sent: undefined, farBelow: null };
  return {
    sent: entry.price,
    farBelow: prices.farBelow(headOfKey(entry.itemKey), normaliseProductName(name), entry.price),
  };
}

describe('the price signal reads listed prices in đồng only', () => {
  it('a Tiki product sends its listed price, never the price after promo codes', () => {
    const [product] = listingsOf(tikiAdapter, 'tiki/product-promo');
    if (!product) throw new Error('no product');
    expect(product.promoPrice?.amount).toBe(111_720);
    // Official stores sell it at 400.000 ₫: 111.720 ₫ would be under a third, 147.000 ₫ is not.
    const prices = new PriceReferences();
    prices.remember('tiki', normaliseProductName('Bình giữ nhiệt mẫu K 500ml chính hãng'), 400_000);
    expect(compared(product, prices)).toEqual({ sent: 147_000, farBelow: null });
  });

  it('a page priced in dollars sends no price, even at a shopee.vn address', () => {
    const prices = new PriceReferences();
    for (const name of ['Demo Figure Set G', 'Demo Figure H', 'Demo Figure J']) {
      prices.remember('shopee', normaliseProductName(name), 2_000_000);
    }
    for (const at of [undefined, 'https://shopee.vn/Demo-Figure-Set-G-i.0000000011.0000000111']) {
      const listings = listingsOf(shopeeAdapter, 'shopee/product-sg', at);
      expect(listings).toHaveLength(3);
      for (const listing of listings) {
        // Before, "$58.32" on shopee.vn was 5.832 đồng: far below any official price.
        expect(compared(listing, prices), listing.itemKey).toEqual({
          sent: undefined,
          farBelow: null,
        });
      }
    }
  });
});
