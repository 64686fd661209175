import { readFileSync } from 'node:fs';
import path from 'node:path';
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
    ['hcmus.edu.vn', 'education'],
    ['vietcombank.com.vn', 'bank'],
    ['portal.vietcombank.com.vn', 'bank'],
    ['momo.vn', 'payment'],
    ['napas.com.vn', 'payment'],
    ['thegioididong.com', 'retailer'],
    ['nhathuoclongchau.com.vn', 'retailer'],
    ['vnexpress.net', 'news'],
    ['chinhphu.vn', 'government'],
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
    'avietcombank.com', // a bank's name inside another domain is what phishing looks like
    'vietcombank.com.vn.xacminh.top',
    'momo-nhanqua.com',
  ])('%s may be blocked', (domain) => {
    expect(guardReason(domain)).toBeNull();
  });

  it('keeps the allowed domains in order and counts the rest', () => {
    expect(unguarded(['a-scam.vn', 'com.vn', 'b-scam.com', 'shopee.vn'])).toEqual({
      allowed: ['a-scam.vn', 'b-scam.com'],
      guarded: 2,
    });
  });

  it('guards no domain of the shipped scam-site list for being a bank, wallet, retailer or news site', () => {
    // The groups name real sites; a scam domain among them would switch off a trusted block.
    const list = readFileSync(
      path.join(
        import.meta.dirname,
        '../../../server/data/chongluadao/vn-badsite-filter-domains.txt',
      ),
      'utf8',
    );
    const domains = list
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(domains.length).toBeGreaterThan(10_000);
    const reasons = domains.map((domain) => [domain, guardReason(domain)] as const);
    const grouped = reasons.filter(([, reason]) =>
      ['bank', 'payment', 'retailer', 'news'].includes(reason ?? ''),
    );
    expect(grouped).toEqual([]);
    // Schools' sites are guarded as a whole suffix: the list's four (hijacked or lapsed school
    // domains) are then neither blocked nor shown, and any new one is seen here.
    expect(
      reasons.filter(([, reason]) => reason === 'education').map(([domain]) => domain),
    ).toEqual([
      'crplus.edu.vn',
      'daihocsaigon.edu.vn',
      'thpthuynhthuckhang.edu.vn',
      'truongtonducthang.edu.vn',
    ]);
  });
});
