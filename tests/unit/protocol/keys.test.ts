import { describe, expect, it } from 'vitest';
import {
  formatKey,
  isCanonicalKey,
  itemKey,
  KeyError,
  keyBuilder,
  normalisePhone,
  normaliseProductName,
  PLATFORMS,
  parseKey,
  sellerKey,
  tryFormatKey,
  tryParseKey,
} from '../../../utils/protocol/keys';

describe('keys', () => {
  it.each([
    ['shopee:seller:179124960', { kind: 'seller', platform: 'shopee', id: '179124960' }],
    [
      'shopee:item:179124960.23467891234',
      { kind: 'item', platform: 'shopee', id: '179124960.23467891234' },
    ],
    ['lazada:item:132621522', { kind: 'item', platform: 'lazada', id: '132621522' }],
    ['lazada:seller:1000057470', { kind: 'seller', platform: 'lazada', id: '1000057470' }],
    ['tiki:item:763843', { kind: 'item', platform: 'tiki', id: '763843' }],
    ['tiki:seller:9596', { kind: 'seller', platform: 'tiki', id: '9596' }],
    ['sendo:item:32155411', { kind: 'item', platform: 'sendo', id: '32155411' }],
    ['sendo:seller:283651', { kind: 'seller', platform: 'sendo', id: '283651' }],
    [
      'facebook:item:972971497925330',
      { kind: 'item', platform: 'facebook', id: '972971497925330' },
    ],
    ['facebook:seller:100064536', { kind: 'seller', platform: 'facebook', id: '100064536' }],
    ['facebook:seller:cua.hang.mau', { kind: 'seller', platform: 'facebook', id: 'cua.hang.mau' }],
    [
      'tiktok:item:1729447605324124806',
      { kind: 'item', platform: 'tiktok', id: '1729447605324124806' },
    ],
    [
      'tiktok:seller:7494016385628180550',
      { kind: 'seller', platform: 'tiktok', id: '7494016385628180550' },
    ],
    ['domain:lazada-001.com', { kind: 'domain', domain: 'lazada-001.com' }],
    ['phone:+84912345678', { kind: 'phone', e164: '+84912345678' }],
    ['bank:VCB:0011001234567', { kind: 'bank', bank: 'VCB', account: '0011001234567' }],
    ['product:colos iq for mum', { kind: 'product', name: 'colos iq for mum' }],
  ])('parses and rebuilds %s', (key, parsed) => {
    expect(parseKey(key)).toEqual(parsed);
    expect(formatKey(parseKey(key))).toBe(key);
  });

  it('covers every platform for both kinds', () => {
    for (const platform of PLATFORMS) {
      const id = platform === 'shopee' ? '1.2' : '12345';
      expect(itemKey(platform, id)).toBe(`${platform}:item:${id}`);
      expect(sellerKey(platform, '12345')).toBe(`${platform}:seller:12345`);
    }
  });

  it('keeps TikTok ids past 2^53 exact, and demo ids with leading zeros', () => {
    expect(parseKey('tiktok:item:9007199254740993123')).toMatchObject({
      id: '9007199254740993123',
    });
    expect(itemKey('shopee', '0000000007.0000000101')).toBe('shopee:item:0000000007.0000000101');
  });

  it.each([
    ['', 'no kind prefix'],
    ['shopee', 'no kind prefix'],
    ['amazon:item:1', 'unknown kind'],
    ['shopee:listing:1', 'must be shopee:seller'],
    ['shopee:item:123', 'not a valid shopee item id'],
    ['shopee:item:1.2.3', 'not a valid shopee item id'],
    ['lazada:item:12a', 'not a valid lazada item id'],
    ['tiki:seller:', 'not a valid tiki seller id'],
    ['facebook:seller:a b', 'not a valid facebook seller id'],
    ['domain:Lazada-001.com', 'not a lower-case domain'],
    ['domain:localhost', 'not a lower-case domain'],
    ['phone:0912345678', 'not an E.164'],
    ['bank:vcb:0011001234567', 'not a bank code'],
    ['bank:VCB:12', 'not a bank account'],
    ['bank:VCB:0011001234567:x', 'too many parts'],
    ['product:Colos IQ', 'not a normalised product name'],
    ['product:', 'not a normalised product name'],
  ])('refuses %j with a clear error', (key, message) => {
    expect(() => parseKey(key)).toThrow(KeyError);
    expect(() => parseKey(key)).toThrow(message);
    expect(tryParseKey(key)).toBeNull();
    expect(isCanonicalKey(key)).toBe(false);
  });

  it('returns null instead of throwing for callers that expect null', () => {
    expect(tryParseKey(42)).toBeNull();
    expect(tryParseKey(undefined)).toBeNull();
    expect(itemKey('shopee', 'not-an-id')).toBeNull();
    expect(sellerKey('lazada', '')).toBeNull();
  });

  it('normalises product names: case, diacritics, đ, punctuation, spaces', () => {
    expect(normaliseProductName('  Sữa COLOS-IQ  for Mum! ')).toBe('sua colos iq for mum');
    expect(normaliseProductName('Đường ĐỎ')).toBe('duong do');
    expect(
      formatKey({ kind: 'product', name: normaliseProductName('Thuốc Paracetamol 500mg') }),
    ).toBe('product:thuoc paracetamol 500mg');
  });

  it('normalises phone numbers as people write them', () => {
    expect(normalisePhone('0912 345 678')).toBe('+84912345678');
    expect(normalisePhone('+84 912.345.678')).toBe('+84912345678');
    expect(normalisePhone('84912345678')).toBe('+84912345678');
    expect(normalisePhone('0084912345678')).toBe('+84912345678');
    expect(normalisePhone('12345')).toBeNull();
    expect(normalisePhone('hotline')).toBeNull();
  });

  it('builds keys on hot paths by exactly the rules of formatKey', () => {
    const samples = [
      '1',
      '123.456',
      '0000000007.0000000101',
      '12a',
      '',
      'a b',
      'cua.hang.mau',
      '1.2.3',
      '9'.repeat(26),
    ];
    for (const platform of PLATFORMS) {
      for (const kind of ['item', 'seller'] as const) {
        const build = keyBuilder(platform, kind);
        for (const id of samples)
          expect(build(id), `${platform} ${kind} ${id}`).toBe(tryFormatKey({ kind, platform, id }));
      }
    }
  });
});
