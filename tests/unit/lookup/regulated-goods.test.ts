/**
 * Often-counterfeited, regulated goods from a seller the page does not mark as official: half a
 * signal, so it warns only beside another sign; an official or unmarked-unknown seller and a name
 * that only looks like a category (a ruler, "thước", folds to "thuoc") give nothing. Shopee's cards
 * say "not official" only when they lack the Mall / Preferred mark.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nameEvidence } from '../../../utils/lookup/signals/name-signals';
import { regulatedGoodsInFolded } from '../../../utils/lookup/signals/regulated-goods';
import { normaliseProductName } from '../../../utils/protocol/keys';
import { shopeeAdapter } from '../../../utils/sites/shopee';
import { filesUnder, namesIn } from '../../helpers/captures';
import { hasSharedFixtures, ownFixture, parseHtml, SHARED_FIXTURES } from '../../helpers/fixtures';

const fold = normaliseProductName;
const signals = (name: string, official?: boolean) =>
  nameEvidence(fold(name), [], undefined, { official }).map(
    (seen) => `${seen.signal}:${seen.text}`,
  );

describe('regulated goods from an unmarked seller', () => {
  it('reads the categories and keeps look-alikes out', () => {
    expect(regulatedGoodsInFolded(fold('Sữa bột Aptamil số 1 800g'), false)).toBe('sua bot');
    expect(regulatedGoodsInFolded(fold('Viên uống bổ sung canxi'), false)).toBe('vien uong');
    expect(regulatedGoodsInFolded(fold('Mũ bảo hiểm 3/4 có kính'), false)).toBe('mu bao hiem');
    expect(regulatedGoodsInFolded(fold('Má phanh trước xe Wave'), false)).toBe('ma phanh');
    expect(regulatedGoodsInFolded(fold('Thước kẻ nhôm 30cm'), false)).toBeNull();
    expect(regulatedGoodsInFolded(fold('Bật lửa hút thuốc lá'), false)).toBeNull();
    expect(regulatedGoodsInFolded(fold('Sữa bột Aptamil số 1 800g'), true)).toBeNull();
    expect(regulatedGoodsInFolded(fold('Sữa bột Aptamil số 1 800g'), undefined)).toBeNull();
  });

  it('is half a signal: a warning only beside another weak sign', () => {
    expect(signals('Sữa bột Aptamil số 1 800g', false)).toEqual([]);
    expect(signals('Sữa bột Aptamil hàng siêu cấp', false)).toEqual([
      'replicaHints:sieu cap',
      'regulatedGoods:sua bot',
    ]);
    expect(signals('Sữa bột Aptamil hàng siêu cấp', undefined)).toEqual([]);
    expect(signals('Mũ bảo hiểm Royal inbox giá rẻ', false)).toEqual([
      'offPlatform:inbox gia re',
      'regulatedGoods:mu bao hiem',
    ]);
  });

  it('reads a Shopee card without the Mall / Preferred mark as not official, and a marked one as unknown', () => {
    const doc = parseHtml(
      ownFixture('shopee/search-grid').html,
      'https://shopee.vn/search?keyword=sua+bot',
    );
    const url = new URL('https://shopee.vn/search?keyword=sua+bot');
    const cards = () => shopeeAdapter.extract(doc, url).listings.filter((l) => l.kind === 'card');
    const marked = (key: string) => key === 'shopee:item:0000000009.0000000302';
    const before = cards();
    expect(before.length).toBeGreaterThan(2);
    expect(before.filter((l) => !marked(l.itemKey)).every((l) => l.official === false)).toBe(true);
    expect(before.find((l) => marked(l.itemKey))?.official).toBeNull();
    // Without its mark, the card's seller is neither Mall nor Preferred.
    for (const flag of doc.querySelectorAll('img[alt="flag-label"]')) flag.remove();
    expect(cards().every((listing) => listing.official === false)).toBe(true);
  });

  it.runIf(hasSharedFixtures)(
    'warns on none of the real captures even if every seller were unmarked',
    () => {
      const names = filesUnder(SHARED_FIXTURES).flatMap((file) =>
        namesIn(readFileSync(file, 'utf8')),
      );
      expect(names.length).toBeGreaterThan(1000);
      const warned = names.filter((name) => signals(name, false).length > 0);
      expect(warned).toEqual([]);
    },
  );
});
