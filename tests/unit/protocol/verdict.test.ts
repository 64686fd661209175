import { describe, expect, it } from 'vitest';
import { verdictFor } from '../../../utils/protocol/runtime/verdict';
import { record } from '../../helpers/records';

describe('verdictFor', () => {
  const listing = { itemKey: 'shopee:item:5.6', sellerKey: 'shopee:seller:5' };

  it('is null when nothing is flagged', () => {
    expect(verdictFor(listing, new Map())).toBeNull();
  });

  it('picks the strongest status, and the item over its seller on a tie', () => {
    const item = record('shopee:item:5.6', { status: 'reported', reportCount: 3 });
    const seller = record('shopee:seller:5', { status: 'suspected' });
    expect(
      verdictFor(
        listing,
        new Map([
          [item.key, item],
          [seller.key, seller],
        ]),
      ),
    ).toMatchObject({
      status: 'suspected',
      subject: 'seller',
    });
    const sameSeller = record('shopee:seller:5', { status: 'reported' });
    expect(
      verdictFor(
        listing,
        new Map([
          [item.key, item],
          [sameSeller.key, sameSeller],
        ]),
      ),
    ).toMatchObject({
      status: 'reported',
      subject: 'item',
    });
  });

  it('uses a product-name match only when neither the item nor its seller has a record', () => {
    const product = record('product:aclasta', {
      status: 'suspected',
      scope: { batches: ['KHBY7'] },
    });
    const hits = new Map([[product.key, product]]);
    expect(verdictFor(listing, hits, 'product:aclasta')).toMatchObject({
      subject: 'product',
      status: 'suspected',
    });
    const item = record('shopee:item:5.6', { status: 'reported' });
    hits.set(item.key, item);
    expect(verdictFor(listing, hits, 'product:aclasta')).toMatchObject({ subject: 'item' });
  });

  it('ignores cleared records and listings without a seller', () => {
    const cleared = record('shopee:item:5.6', { status: 'cleared' });
    expect(verdictFor(listing, new Map([[cleared.key, cleared]]))).toBeNull();
    const seller = record('shopee:seller:5');
    expect(
      verdictFor({ itemKey: listing.itemKey, sellerKey: null }, new Map([[seller.key, seller]])),
    ).toBeNull();
  });
});
