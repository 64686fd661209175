import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../utils/protocol/keys';
import { listingUrlOfKey, namesListing } from '../../../utils/protocol/listing-address';
import { listingProblem } from '../../../utils/protocol/registry/listing-rules';

const SHOPEE = {
  platform: 'shopee' as const,
  itemKey: 'shopee:item:1001.2002',
  sellerKey: 'shopee:seller:1001',
  url: 'https://shopee.vn/sua-bot-colos-i.1001.2002?sp_atk=x',
};

describe('a report names its own listing, nothing else', () => {
  it('takes a listing whose keys and address agree', () => {
    expect(listingProblem(SHOPEE)).toBeNull();
    expect(listingProblem({ ...SHOPEE, sellerKey: undefined })).toBeNull();
    expect(
      listingProblem({
        platform: 'tiki',
        itemKey: 'tiki:item:763843',
        url: 'https://tiki.vn/sua-p763843.html?spid=1',
      }),
    ).toBeNull();
  });

  it.each([
    ['domain:vietcombank.com.vn', 'item_key_kind'],
    ['product:sua', 'item_key_kind'],
    ['phone:+84912345678', 'item_key_kind'],
    ['lazada:item:132621522', 'key_platform'],
  ])('refuses itemKey %s (%s)', (itemKey, rule) => {
    expect(listingProblem({ ...SHOPEE, itemKey })?.rule).toBe(rule);
  });

  it('takes a shop page’s report of its seller, at an address that names no listing and no other seller', () => {
    const shop = {
      platform: 'shopee' as const,
      itemKey: 'shopee:seller:1001',
      url: 'https://shopee.vn/cuahang',
    };
    expect(listingProblem(shop)).toBeNull();
    expect(listingProblem({ ...shop, sellerKey: 'shopee:seller:1001' })).toBeNull();
    expect(listingProblem({ ...shop, url: 'https://shopee.vn/shop/1001' })).toBeNull();
    expect(
      listingProblem({
        platform: 'tiki',
        itemKey: 'tiki:seller:74',
        url: 'https://tiki.vn/cua-hang/nha-sach',
      }),
    ).toBeNull();
    expect(listingProblem({ ...shop, url: 'https://shopee.vn/shop/2002' })?.rule).toBe(
      'url_listing',
    );
    expect(listingProblem({ ...shop, url: 'https://shopee.vn/x-i.1001.2002' })?.rule).toBe(
      'url_listing',
    );
    expect(listingProblem({ ...shop, url: 'https://evil.example/cuahang' })?.rule).toBe(
      'url_domain',
    );
    expect(listingProblem({ ...shop, sellerKey: 'shopee:seller:2002' })?.rule).toBe(
      'item_key_kind',
    );
    expect(listingProblem({ ...shop, itemKey: 'tiki:seller:1001' })?.rule).toBe('key_platform');
  });

  it('refuses a seller key of another kind or platform', () => {
    expect(listingProblem({ ...SHOPEE, sellerKey: 'shopee:item:1.2' })?.rule).toBe(
      'seller_key_kind',
    );
    expect(listingProblem({ ...SHOPEE, sellerKey: 'tiki:seller:1' })?.rule).toBe('key_platform');
  });

  it.each([
    'https://evil.example/login',
    'https://shopee.vn.khuyenmai.com/x-i.1001.2002',
    'https://lazada.vn/products/x-i1001.html',
  ])('refuses an address off the platform’s domain: %s', (url) => {
    expect(listingProblem({ ...SHOPEE, url })?.rule).toBe('url_domain');
  });

  it.each([
    'https://shopee.vn/x-i.1001.9999',
    'https://shopee.vn/x-i.7777.2002',
    'https://shopee.vn/search?keyword=sua',
    'https://shopee.vn/',
    // Written to mislead a reader, or off the marketplace's own way of serving listings.
    'https://evil.example@shopee.vn/x-i.1001.2002',
    'https://a:b@shopee.vn/x-i.1001.2002',
    'https://shopee.vn:8443/x-i.1001.2002',
    'http://shopee.vn/x-i.1001.2002',
  ])('refuses an address that names another listing or none: %s', (url) => {
    expect(listingProblem({ ...SHOPEE, url })?.rule).toBe('url_listing');
  });
});

describe('the address of a listing built from its key', () => {
  it.each(PLATFORMS)('names its own item on %s', (platform) => {
    const id = platform === 'shopee' ? '1001.2002' : '1234567890';
    const itemKey = `${platform}:item:${id}`;
    const url = listingUrlOfKey(itemKey);
    expect(url).toMatch(/^https:\/\//);
    expect(namesListing(url ?? '', itemKey)).toBe(true);
  });

  it('is null for any key that is not an item', () => {
    expect(listingUrlOfKey('shopee:seller:1')).toBeNull();
    expect(listingUrlOfKey('domain:example.com')).toBeNull();
  });

  it('never takes a script or data address as the listing’s', () => {
    expect(namesListing('javascript:alert(1)//-i.1001.2002', 'shopee:item:1001.2002')).toBe(false);
  });
});
