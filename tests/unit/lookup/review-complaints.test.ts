import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, readReviews } from '../../../scripts/signals/review-eval';
import { complaintIn, reviewComplaints } from '../../../utils/lookup/review-complaints';
import { hasSharedDatasets, readText, SHARED_DATASETS } from '../../helpers/fixtures';

describe('review complaints about authenticity', () => {
  it.each([
    [1, 'Hàng giả kém chất lượng..', 'hàng giả'],
    [2, 'Son không chính hãng, màu khác hẳn', 'không chính hãng'],
    [1, 'check mã không ra, shop lừa đảo', 'check mã không ra'],
    [3, 'băng keo có vẻ là 3M fake vì không dính', 'fake'],
    [1, 'hang fake nha moi nguoi', 'hang fake'],
    [5, 'Thất vọng, hàng giả 100%', 'hàng giả'], // five stars, but outright and unhappy
  ])('%i★ %s → %s', (rating, text, phrase) => {
    expect(complaintIn({ rating, text })).toBe(phrase);
  });

  it.each([
    [5, 'Hàng giá rẻ mà chất lượng tốt'], // giá (price), not giả (fake)
    [5, 'có đầy đủ tem mác hàng, giá thành lại quá rẻ'], // across a comma
    [5, 'Không phải hàng giả đâu mọi người yên tâm'],
    [4, 'Lúc đầu sợ mua phải hàng fake nhưng dùng thấy ổn'],
    [5, 'Tưởng hàng nhái ai ngờ xịn'],
    [3, 'Hàng chính hãng, check mã ra đúng, chỉ tiếc giao chậm, không fake'],
    [5, 'Chuẩn auth, fake đâu mà fake'], // happy: a weak word and no unhappy one
    [1, 'Giao ko phải loại sạc, nhái giọng lúc đc lúc ko'], // "nhái giọng": imitating a voice
    [1, 'Giao hàng chậm, hộp móp'],
  ])('no complaint in %i★ %s', (rating, text) => {
    expect(complaintIn({ rating, text })).toBeNull();
  });

  it('reports the share of the visible reviews that complain', () => {
    const { complaints, share } = reviewComplaints([
      { rating: 1, text: 'Hàng giả' },
      { rating: 5, text: 'Tốt' },
      { rating: 5, text: 'Đẹp' },
      { rating: 4, text: 'Ổn' },
    ]);
    expect(complaints.map((c) => c.phrase)).toEqual(['hàng giả']);
    expect(share).toBe(0.25);
  });

  it.runIf(hasSharedDatasets)(
    'on ViSpamReviews (train and dev): at most 0.2% of 5-star reviews flagged, each flagged text read',
    () => {
      const reviews = ['train.csv', 'dev.csv'].flatMap((file) =>
        readReviews(readText(path.join(SHARED_DATASETS, 'vispamreviews', file))),
      );
      const result = evaluate(reviews);
      expect(result.total).toBe(15_896);
      expect(result.fiveStarFlagged / result.fiveStar).toBeLessThanOrEqual(0.002);
      // Every flagged review was read and is a complaint about authenticity; a change to the
      // signal that flags another must be read too before this list grows.
      const start = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').slice(0, 32);
      expect(result.flaggedTexts.map(start)).toEqual([
        '3★ Mua 24 con thì vớ 1 con vỡ 1 ',
        '1★ Bán hàng lõm, cạo đau chết mẹ',
        '1★ Hàng dỏm ko nên mua sản phẩm ',
        '3★ Đèn đẹp có nhiều chế độ. Tuy ',
        '1★ Sản phẩm là hàng giả, không đ',
        '1★ Hàng giả kém chất lượng..',
        '3★ Quần vải mỏng mát. phom đẹp. ',
        '1★ Đây là sản phẩm nhái vì mình ',
        '1★ Giấy kém chất lượng, hàng nhá',
      ]);
    },
  );
});
