import { describe, expect, it } from 'vitest';
import { facebookIdsFromUrl } from '../../utils/protocol/listing-urls';
import { facebookAdapter } from '../../utils/sites/facebook';
import { capture, captureDocument } from '../helpers/captures';
import { hasSharedFixtures, parseHtml, readText } from '../helpers/fixtures';

describe('Facebook ids and scope', () => {
  it('reads Marketplace items and group sale listings', () => {
    expect(
      facebookIdsFromUrl(new URL('https://www.facebook.com/marketplace/item/972971497925330/')),
    ).toEqual({
      item: '972971497925330',
    });
    expect(
      facebookIdsFromUrl(new URL('https://web.facebook.com/commerce/listing/123456/?ref=x')),
    ).toEqual({
      item: '123456',
    });
    expect(facebookIdsFromUrl(new URL('https://www.facebook.com/profile.php?id=1'))).toBeNull();
  });

  it('does no work outside Marketplace, commerce and groups', () => {
    const doc = parseHtml(
      '<a href="/marketplace/item/0000000801/"><img alt="x"></a>',
      'https://www.facebook.com/',
    );
    expect(facebookAdapter.extract(doc, new URL('https://www.facebook.com/'))).toEqual({
      pageKind: 'other',
      listings: [],
      unreadable: 0,
    });
  });
});

describe('Facebook listing text', () => {
  it('reads what the seller wrote, not the title or a linked name, for the signals and contacts', () => {
    const url = 'https://www.facebook.com/marketplace/item/0000000801/';
    const doc = parseHtml(readText('tests/fixtures/facebook/product-page.html'), url);
    const [product] = facebookAdapter.extract(doc, new URL(url)).listings;
    expect(product?.description).toBe(
      'Chi tiết Xe đạp mẫu, còn mới 90%. Liên hệ 0900 000 081 hoặc chuyển khoản VCB 0000000000081.',
    );
  });
});

describe.runIf(hasSharedFixtures)('Facebook adapter on the real captures', () => {
  it('login wall at a Marketplace item address (2025-04): blocked, nothing read', () => {
    const url = 'https://www.facebook.com/marketplace/item/972971497925330/';
    const { doc } = captureDocument(
      'facebook',
      'fb-marketplace-item-login-wall-browser-2025-04.html',
      url,
    );
    expect(facebookAdapter.extract(doc, new URL(url))).toEqual({
      pageKind: 'blocked',
      listings: [],
      unreadable: 0,
    });
  });

  it('a Page before hydration (2025-04): no listing and no error', () => {
    const url = 'https://www.facebook.com/StudioCodeBlock';
    const { doc } = captureDocument('facebook', 'fb-page-shell-2025-04.html', url);
    expect(facebookAdapter.extract(doc, new URL(url)).listings).toEqual([]);
  });

  it('every item route of the Marketplace route definitions (2025-04) reads as a listing id', () => {
    const json = JSON.parse(
      readText(capture('facebook', 'fb-marketplace-route-definitions-15-items-2025-04.json')),
    );
    const routes = Object.keys(json.payload.payloads);
    expect(routes).toHaveLength(15);
    for (const route of routes) {
      const id = route.match(/\/marketplace\/item\/(\d+)\//)?.[1];
      expect(facebookIdsFromUrl(new URL(route, 'https://www.facebook.com'))).toEqual({ item: id });
    }
  });
});
