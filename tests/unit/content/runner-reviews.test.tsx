/**
 * A product page draws its reviews as the shopper scrolls, after its title was looked up: the
 * runner looks the product up again with what was drawn, until it has a warning, and counts it once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TitleToMatch } from '../../../utils/content/lookup-batch';
import type { LookupResult } from '../../../utils/content/runner';
import { loadProductWithoutReviews, setup } from '../../helpers/runner';

const PRODUCT_KEY = 'shopee:item:0000000007.0000000101';

/** A review as Shopee draws one: stars, the date line, then the buyer's words. */
function drawReview(list: Element, id: string, stars: number, words: string): void {
  const review = document.createElement('div');
  review.setAttribute('data-cmtid', id);
  for (let i = 0; i < stars; i++) {
    review.append(Object.assign(document.createElement('i'), { className: 'icon-rating-solid' }));
  }
  review.append(
    Object.assign(document.createElement('div'), { textContent: '2026-11-30 10:00 | Lon 900g' }),
    Object.assign(document.createElement('div'), { textContent: words }),
  );
  list.append(review);
}

/** The background's answer: a warning once two of the product's reviews say it is fake. */
function answer(titles: TitleToMatch[]): LookupResult {
  const reviews = titles.find((title) => title.itemKey === PRODUCT_KEY)?.reviews ?? [];
  const flagged = reviews.filter((review) => /hàng giả/i.test(review.text)).length;
  if (flagged < 2) return { hits: [], data: null };
  const seen = { flagged, visible: reviews.length };
  return {
    hits: [],
    data: null,
    signals: [
      {
        itemKey: PRODUCT_KEY,
        evidence: [{ signal: 'reviewComplaints', text: 'hang gia', reviews: seen }],
      },
    ],
  };
}

describe('reviews drawn after the lookup', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('are sent in another lookup of the product, which warns once they say so, and then no more', async () => {
    const list = loadProductWithoutReviews();
    const sent: TitleToMatch[][] = [];
    const { runner, frame, statuses } = setup({
      lookup: async (_keys, titles) => {
        sent.push(titles);
        return answer(titles);
      },
    });
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(sent).toHaveLength(1);
    const first = sent[0]?.find((title) => title.itemKey === PRODUCT_KEY);
    expect(first?.reviews).toBeUndefined();
    expect(document.querySelector('soi-hang-report-button[data-kind="product"]')).not.toBeNull();
    const checked = statuses.at(-1)?.checked;

    drawReview(list, '1', 5, 'Giao nhanh, đóng gói cẩn thận.');
    await frame.flush(); // MutationObserver → one scheduled scan
    await frame.flush();
    // Only the product goes again, with the review drawn; still nothing to warn about.
    expect(sent).toHaveLength(2);
    expect(sent[1]?.map((title) => title.itemKey)).toEqual([PRODUCT_KEY]);
    expect(sent[1]?.[0]?.reviews).toEqual([{ rating: 5, text: 'Giao nhanh, đóng gói cẩn thận.' }]);
    expect(document.querySelector('soi-hang-banner')).toBeNull();

    drawReview(list, '2', 1, 'Hàng giả, mùi khác hẳn hàng mua ở siêu thị.');
    drawReview(list, '3', 1, 'Shop bán hàng giả, check mã không ra.');
    await frame.flush();
    await frame.flush();
    expect(sent).toHaveLength(3);
    expect(document.querySelector('soi-hang-banner')).not.toBeNull();
    expect(statuses.at(-1)).toMatchObject({ checked, flagged: 1 });
    expect(statuses.at(-1)?.listings).toHaveLength(1);

    // With a warning shown, more reviews cannot add one: no more lookups.
    drawReview(list, '4', 5, 'Ổn.');
    await frame.flush();
    await frame.flush();
    expect(sent).toHaveLength(3);
  });
});
