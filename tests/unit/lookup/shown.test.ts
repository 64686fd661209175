import { describe, expect, it } from 'vitest';
import { isShownToShoppers } from '../../../utils/lookup/shown';
import { record } from '../../helpers/records';

const now = new Date('2026-11-28T12:00:00Z');

describe('isShownToShoppers', () => {
  it('never shows cleared or expired records', () => {
    expect(isShownToShoppers(record('shopee:item:1.1', { status: 'cleared' }), now)).toBe(false);
    expect(isShownToShoppers(record('shopee:item:1.2', { expires: '2026-11-01' }), now)).toBe(
      false,
    );
    expect(isShownToShoppers(record('shopee:item:1.3', { expires: '2027-01-01' }), now)).toBe(true);
  });
});
