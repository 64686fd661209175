import { describe, expect, it } from 'vitest';
import { guardReason, unguarded } from '../../../utils/lookup/domain-guard';

describe('the domain guard', () => {
  it.each([
    ['com.vn', 'public_suffix'],
    ['vn', 'public_suffix'],
    ['github.io', 'public_suffix'], // the list's private section
    ['dynv6.net', 'public_suffix'],
    ['gov.vn', 'government'],
    ['dichvucong.gov.vn', 'government'],
    ['shopee.vn', 'platform'],
    ['mall.shopee.vn', 'platform'],
    ['lazada.co.th', 'platform'],
    ['tiki.vn', 'platform'],
    ['sendo.vn', 'platform'],
    ['facebook.com', 'platform'],
    ['tiktok.com', 'platform'],
    ['zalo.me', 'protected'],
    ['203.0.113.45', 'ip'],
    ['Shopee.VN', 'invalid'], // keys are lower case; anything else is not what it seems
  ])('%s is never blocked (%s)', (domain, reason) => {
    expect(guardReason(domain)).toBe(reason);
  });

  it.each([
    'lazada-001.com',
    'shopee-sale.vn',
    'shopee.vn.khuyenmai.com', // a marketplace name in front of another domain
    'gov-vn.com',
    'mysite.github.io',
    'scam-shop.com.vn',
  ])('%s may be blocked', (domain) => {
    expect(guardReason(domain)).toBeNull();
  });

  it('keeps the allowed domains in order and counts the rest', () => {
    expect(unguarded(['a-scam.vn', 'com.vn', 'b-scam.com', 'shopee.vn'])).toEqual({
      allowed: ['a-scam.vn', 'b-scam.com'],
      guarded: 2,
    });
  });
});
