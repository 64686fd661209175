/**
 * Barcode plausibility: the GS1 check digit, the member organisation that issued a prefix (GS1's
 * list), a claimed origin the prefix does not agree with, the traps of folded Vietnamese ("mỹ phẩm",
 * "máy hàn"), and the weight: information beside another warning, never a warning by itself.
 */
import { describe, expect, it } from 'vitest';
import { evidenceLines } from '../../../components/warning-details-text';
import { barcodeFinding, checkDigitOk, issuerOf } from '../../../utils/lookup/signals/barcode';
import { nameEvidence } from '../../../utils/lookup/signals/name-signals';
import { normaliseProductName } from '../../../utils/protocol/keys';
import { type SignalVerdict, signalVerdict } from '../../../utils/protocol/runtime/verdict';
import { gtinField } from '../../../utils/sites/engine/json-ld';

const VIETNAM = '8934567000123';
const JAPAN = '4501234567896';
const fold = normaliseProductName;

describe('barcode plausibility', () => {
  it('checks the GS1 check digit of GTIN-8, -12, -13 and -14', () => {
    for (const valid of [
      '4006381333931',
      VIETNAM,
      JAPAN,
      '036000291452',
      '76123450',
      '14006381333938',
    ]) {
      expect(checkDigitOk(valid), valid).toBe(true);
    }
    for (const wrong of [
      '4006381333932',
      '8934567000124',
      '036000291453',
      '123',
      'abcdefghijklm',
    ]) {
      expect(checkDigitOk(wrong), wrong).toBe(false);
    }
  });

  it('names the GS1 organisation that issued a prefix, and no one for special ranges', () => {
    expect(issuerOf(VIETNAM)).toBe('GS1 Vietnam');
    expect(issuerOf(JAPAN)).toBe('GS1 Japan');
    expect(issuerOf('8801234567893')).toBe('GS1 South Korea');
    expect(issuerOf('036000291452')).toBe('GS1 US');
    expect(issuerOf('9300123456786')).toBe('GS1 Australia');
    expect(issuerOf('2001234567893')).toBeNull(); // restricted circulation (in-store numbers)
    expect(issuerOf('9781234567897')).toBeNull(); // Bookland (ISBN)
    expect(issuerOf('76123450')).toBeNull(); // GTIN-8
  });

  it('finds a claimed origin the prefix does not agree with, and keeps the traps out', () => {
    expect(barcodeFinding(VIETNAM, fold('Sữa bột Meiji hàng Nhật nội địa 800g'))).toEqual({
      gtin: VIETNAM,
      problem: 'origin',
      claim: 'hang nhat',
      issuer: 'GS1 Vietnam',
    });
    expect(barcodeFinding(JAPAN, fold('Sữa bột Meiji hàng Nhật nội địa'))).toBeNull();
    expect(barcodeFinding(VIETNAM, fold('Kem dưỡng hàng mỹ phẩm chính hãng'))).toBeNull();
    expect(barcodeFinding(VIETNAM, fold('Máy hàn Hàn Quốc mini'))).toBeNull();
    expect(barcodeFinding(VIETNAM, fold('Nồi cơm made in Korea'))?.issuer).toBe('GS1 Vietnam');
    expect(barcodeFinding('8934567000124', fold('Sữa tắm'))).toEqual({
      gtin: '8934567000124',
      problem: 'check_digit',
    });
  });

  it('never warns by itself, and shows beside a warning the other signals make', () => {
    expect(
      nameEvidence(fold('Sữa bột hàng Nhật nội địa'), [], undefined, { barcode: VIETNAM }),
    ).toEqual([]);
    const shown = nameEvidence(fold('Sữa bột hàng Nhật rep 1:1'), [], undefined, {
      barcode: VIETNAM,
    });
    expect(shown.map((seen) => seen.signal)).toEqual(['replicaWords', 'barcode']);
    expect(
      nameEvidence(fold('Sữa bột hàng Nhật rep 1:1'), ['barcode'], undefined, {
        barcode: VIETNAM,
      }).map((s) => s.signal),
    ).toEqual(['replicaWords']);
  });

  it('says what a prefix means and what it does not', () => {
    const evidence = nameEvidence(fold('Sữa bột hàng Nhật rep 1:1'), [], undefined, {
      barcode: VIETNAM,
    });
    const lines = evidenceLines(signalVerdict(evidence, new Date()) as SignalVerdict);
    expect(lines[1]).toBe(
      `Tin đăng ghi «hang nhat», còn đầu mã vạch ${VIETNAM} do GS1 Vietnam cấp. Đầu mã vạch chỉ cho biết tổ chức GS1 đã cấp mã cho doanh nghiệp, không cho biết nơi sản xuất: hàng nhập khẩu chính hãng vẫn có thể mang mã do nhà nhập khẩu đăng ký.`,
    );
  });

  it("reads a product's GTIN from its JSON-LD", () => {
    expect(gtinField({ gtin13: ' 893 4567000123 ' })).toBe(VIETNAM);
    expect(gtinField({ gtin: '4006381333931' })).toBe('4006381333931');
    expect(gtinField({ gtin13: 'n/a', gtin12: '036000291452' })).toBe('036000291452');
    expect(gtinField({ sku: '123' })).toBeNull();
  });
});
