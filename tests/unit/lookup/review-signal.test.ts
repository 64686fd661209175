/**
 * Buyer complaints shown on pages: a product page's JSON-LD reviews are read (rating and text), one
 * complaining review is half a signal and two or more a whole one, and the line says how many of
 * the visible reviews complain, quoting the phrase.
 */
import { describe, expect, it } from 'vitest';
import { evidenceLines } from '../../../components/warning-details-text';
import { nameEvidence } from '../../../utils/lookup/signals/name-signals';
import { normaliseProductName } from '../../../utils/protocol/keys';
import { type SignalVerdict, signalVerdict } from '../../../utils/protocol/runtime/verdict';
import { reviewsField } from '../../../utils/sites/engine/json-ld';

const fold = normaliseProductName;
const FAKE = { rating: 1, text: 'Hàng giả, hộp in mờ, check mã không ra. Thất vọng!' };
const HAPPY = { rating: 5, text: 'Hàng chính hãng, giao nhanh, bé uống hợp.' };
const evidenceFor = (reviews: Array<{ rating: number; text: string }>) =>
  nameEvidence(fold('Sữa bột Aptamil số 1 800g'), [], undefined, { reviews });

describe('buyer complaints on a product page', () => {
  it("reads the reviews of a product's JSON-LD, one or many", () => {
    expect(
      reviewsField({
        review: [
          { reviewBody: FAKE.text, reviewRating: { ratingValue: '1' } },
          { description: 'Ổn', reviewRating: { ratingValue: 4.6 } },
          { reviewBody: 'Không có sao' },
          { reviewRating: { ratingValue: 2 } },
        ],
      }),
    ).toEqual([
      { rating: 1, text: FAKE.text },
      { rating: 5, text: 'Ổn' },
      { rating: 5, text: 'Không có sao' },
    ]);
    expect(
      reviewsField({ review: { reviewBody: 'Một', reviewRating: { ratingValue: 3 } } }),
    ).toEqual([{ rating: 3, text: 'Một' }]);
    expect(reviewsField({})).toEqual([]);
  });

  it('is half a signal for one complaining review, and a whole one for two', () => {
    expect(evidenceFor([FAKE, HAPPY, HAPPY])).toEqual([]);
    const two = evidenceFor([FAKE, { ...FAKE, text: 'Hàng fake, trả hàng rồi' }, HAPPY]);
    expect(two).toEqual([
      { signal: 'reviewComplaints', text: 'hàng giả', reviews: { flagged: 2, visible: 3 } },
    ]);
    expect(evidenceLines(signalVerdict(two, new Date()) as SignalVerdict)).toEqual([
      '2 trong 3 đánh giá đang hiển thị nói hàng không chính hãng (như «hàng giả»).',
    ]);
    expect(
      nameEvidence(fold('Sữa bột'), ['reviewComplaints'], undefined, { reviews: [FAKE, FAKE] }),
    ).toEqual([]);
  });

  it('counts no happy buyer who denies a fake', () => {
    expect(
      evidenceFor([
        { rating: 5, text: 'Không phải hàng giả đâu, yên tâm' },
        { rating: 5, text: 'Sợ mua phải hàng fake nhưng hàng chuẩn' },
      ]),
    ).toEqual([]);
  });
});
