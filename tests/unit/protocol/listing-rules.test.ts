import { describe, expect, it } from 'vitest';
import { PLATFORMS, type Platform } from '../../../utils/protocol/keys';
import { listingUrlOfKey, namesListing } from '../../../utils/protocol/listing-address';
import { listingProblem } from '../../../utils/protocol/registry/listing-rules';

const SHOPEE = {
  platform: 'shopee' as const,
  itemKey: 'shopee:item:1001.2002',
  sellerKey: 'shopee:seller:1001',
  url: 'https://shopee.vn/sua-bot-colos-i.1001.2002?sp_atk=x',
};

/** A shop page's report of seller 42 on a platform, at an address. */
const shopClaim = (platform: string, url: string) => ({
  platform: platform as Platform,
  itemKey: `${platform}:seller:42`,
  url,
});

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

  it('refuses a shop report at an address that is no shop page or names another seller', () => {
    const refused: Array<[string, string, string]> = [
      // Another seller's id, in the path or the query.
      ['shopee', 'https://shopee.vn/shop/999/search?page=0', 'url_listing'],
      ['shopee', 'https://shopee.vn/shop/999/', 'url_listing'],
      ['shopee', 'https://shopee.vn/shop/999//', 'url_listing'],
      ['shopee', 'https://shopee.vn/universal-link/shop/999', 'url_listing'],
      ['shopee', 'https://shopee.vn/999', 'url_listing'],
      ['shopee', 'https://shopee.vn/cuahang?shopid=999', 'url_listing'],
      ['shopee', 'https://shopee.vn/cuahang#shop-999', 'url_listing'],
      // Pages of the marketplace that are no shop.
      ['shopee', 'https://shopee.vn/', 'url_listing'],
      ['shopee', 'https://shopee.vn/search?keyword=x', 'url_listing'],
      ['shopee', 'https://shopee.vn/buyer/login', 'url_listing'],
      ['shopee', 'https://shopee.vn/flash_deals', 'url_listing'],
      ['shopee', 'https://shopee.vn/any-i.999.111', 'url_listing'],
      ['shopee', 'https://shopee.vn/product/999/111', 'url_listing'],
      // Not the marketplace's own site: a help or seller subdomain, another domain, plain http.
      ['shopee', 'https://help.shopee.vn/portal', 'url_domain'],
      ['shopee', 'https://seller.shopee.vn/shop/42', 'url_domain'],
      ['shopee', 'https://shopee.vn.evil.com/shop/42', 'url_domain'],
      ['shopee', 'http://shopee.vn/shop/42', 'url_listing'],
      ['tiki', 'https://tiki.vn/', 'url_listing'],
      ['tiki', 'https://tiki.vn/x-p123.html?spid=4', 'url_listing'],
      ['tiki', 'https://tiki.vn/product/123', 'url_listing'],
      ['tiki', 'https://tiki.vn/cua-hang/nha-sach?seller_id=999', 'url_listing'],
      ['lazada', 'https://www.lazada.vn/products/x-i123.html', 'url_listing'],
      ['lazada', 'https://www.lazada.vn/catalog/?q=x&from=wangpu', 'url_listing'],
      ['lazada', 'https://sellercenter.lazada.vn/shop/x/', 'url_domain'],
    ];
    for (const [platform, url, rule] of refused) {
      expect(listingProblem(shopClaim(platform, url))?.rule, url).toBe(rule);
    }
    // Its own shop pages, by the adapters' rules.
    const taken: Array<[string, string]> = [
      ['shopee', 'https://shopee.vn/shop/42'],
      ['shopee', 'https://shopee.vn/cuahangmau42/'],
      ['shopee', 'https://shopee.sg/shop/42'],
      ['lazada', 'https://www.lazada.vn/shop/gian-hang-mau/'],
      ['lazada', 'https://www.lazada.vn/gian-hang-mau/?from=wangpu'],
      ['tiki', 'https://tiki.vn/cua-hang/nha-sach-mau'],
    ];
    for (const [platform, url] of taken) {
      expect(listingProblem(shopClaim(platform, url)), url).toBeNull();
    }
  });

  it('refuses a seller key as the item on a marketplace without shop pages', () => {
    const refused: Array<[string, string]> = [
      ['sendo', 'https://www.sendo.vn/shop/abc'],
      ['facebook', 'https://www.facebook.com/profile.php?id=999'],
      ['facebook', 'https://www.facebook.com/'],
      ['tiktok', 'https://www.tiktok.com/shop/store/other/7777'],
      ['tiktok', 'https://www.tiktok.com/@someoneelse'],
    ];
    for (const [platform, url] of refused) {
      expect(listingProblem(shopClaim(platform, url))?.rule, url).toBe('item_key_kind');
    }
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
