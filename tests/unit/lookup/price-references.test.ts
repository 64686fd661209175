/**
 * The price signal: official stores' prices seen on a platform become references for the same
 * product (its model words and every size), and a listing not marked official priced under a third
 * of their median is half a signal; other sizes, other platforms, used and flash-sale listings are
 * not compared; it warns only beside another sign, and its line names both prices.
 */
import { describe, expect, it } from 'vitest';
import { evidenceLines } from '../../../components/warning-details-text';
import { setLanguage } from '../../../utils/i18n';
import { nameEvidence } from '../../../utils/lookup/signals/name-signals';
import { PriceReferences } from '../../../utils/lookup/signals/price-references';
import { normaliseProductName } from '../../../utils/protocol/keys';
import { type SignalVerdict, signalVerdict } from '../../../utils/protocol/runtime/verdict';

const fold = normaliseProductName;
const OFFICIAL = 'Sữa bột Aptamil Profutura số 1 800g chính hãng';

function seeded() {
  const prices = new PriceReferences();
  prices.remember('lazada', fold(OFFICIAL), 800_000);
  prices.remember('lazada', fold('[Mall] Sữa Aptamil Profutura số 1 800 g'), 760_000);
  return prices;
}

describe('price far below official stores', () => {
  it('compares the same product on the same platform, under a third of the median', () => {
    const prices = seeded();
    expect(prices.farBelow('lazada', fold('Aptamil Profutura số 1 800g giá rẻ'), 160_000)).toEqual({
      price: 160_000,
      reference: 780_000,
      seen: 2,
    });
    expect(prices.farBelow('lazada', fold('Aptamil Profutura số 1 800g'), 300_000)).toBeNull();
  });

  it('leaves other sizes, stages, platforms and honest low prices alone', () => {
    const prices = seeded();
    expect(prices.farBelow('lazada', fold('Aptamil Profutura số 1 400g'), 100_000)).toBeNull();
    expect(prices.farBelow('lazada', fold('Aptamil Profutura số 2 800g'), 100_000)).toBeNull();
    expect(prices.farBelow('tiki', fold('Aptamil Profutura số 1 800g'), 100_000)).toBeNull();
    expect(
      prices.farBelow('lazada', fold('Aptamil Profutura số 1 800g thanh lý cận date'), 100_000),
    ).toBeNull();
    expect(
      prices.farBelow('lazada', fold('Aptamil Profutura số 1 800g hàng cũ'), 100_000),
    ).toBeNull();
    expect(prices.farBelow('lazada', fold('Bình sữa Aptamil'), 10_000)).toBeNull();
  });

  it('is half a signal, and its line names both prices', () => {
    const low = seeded().farBelow('lazada', fold('Aptamil Profutura số 1 800g rep 1:1'), 160_000);
    expect(
      nameEvidence(fold('Aptamil Profutura số 1 800g'), [], undefined, { lowPrice: low }),
    ).toEqual([]);
    const evidence = nameEvidence(fold('Aptamil Profutura số 1 800g rep 1:1'), [], undefined, {
      lowPrice: low,
    });
    expect(evidence.map((seen) => seen.signal)).toEqual(['replicaWords', 'lowPrice']);
    const lines = evidenceLines(signalVerdict(evidence, new Date()) as SignalVerdict);
    expect(lines[1]).toContain('Giá 160.000 ₫ chỉ bằng 21% giá tại gian hàng chính hãng');
    expect(lines[1]).toContain('(780.000 ₫, theo 2 giá chính hãng');
    expect(
      nameEvidence(fold('Aptamil Profutura số 1 800g rep 1:1'), ['lowPrice'], undefined, {
        lowPrice: low,
      }).map((s) => s.signal),
    ).toEqual(['replicaWords']);
  });

  it('says one official price in the singular, in English', () => {
    const prices = new PriceReferences();
    prices.remember('lazada', fold(OFFICIAL), 800_000);
    const low = prices.farBelow('lazada', fold('Aptamil Profutura số 1 800g rep 1:1'), 160_000);
    expect(low).toMatchObject({ seen: 1 });
    const evidence = nameEvidence(fold('Aptamil Profutura số 1 800g rep 1:1'), [], undefined, {
      lowPrice: low,
    });
    setLanguage('en');
    try {
      const [, line] = evidenceLines(signalVerdict(evidence, new Date()) as SignalVerdict);
      expect(line).toContain('(800.000 ₫, from 1 official price seen');
    } finally {
      setLanguage('vi');
    }
  });
});
