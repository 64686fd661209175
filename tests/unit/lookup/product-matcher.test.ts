import { describe, expect, it } from 'vitest';
import { ProductMatcher } from '../../../utils/lookup/product-matcher';

describe('ProductMatcher', () => {
  const matcher = new ProductMatcher([
    'product:colos iq for mum',
    'product:colos iq diabetes',
    'product:nexium 40mg',
    'product:nexium 40mg enterik kapli pellet tablet',
    'product:aclasta',
  ]);

  it('matches a flagged name contained as a whole phrase, diacritics and case folded', () => {
    expect(matcher.match('Sữa bột COLOS-IQ for Mum 800g chính hãng')).toBe(
      'product:colos iq for mum',
    );
    expect(matcher.match('Thuốc Aclasta 5mg/100ml')).toBe('product:aclasta');
  });

  it('does not match near misses: another product of the brand, a part of the name, a longer word', () => {
    expect(matcher.match('Sữa Colos IQ for Baby 400g')).toBeNull();
    expect(matcher.match('Colos IQ')).toBeNull();
    expect(matcher.match('colos iq for mummy')).toBeNull();
    expect(matcher.match('Aclastax 5mg')).toBeNull();
    expect(matcher.match('')).toBeNull();
  });

  it('prefers the longest name when one is a prefix of another', () => {
    expect(matcher.match('Nexium 40mg hộp 14 viên')).toBe('product:nexium 40mg');
    expect(matcher.match('NEXIUM® 40mg Enterik Kapli Pellet Tablet')).toBe(
      'product:nexium 40mg enterik kapli pellet tablet',
    );
  });
});
