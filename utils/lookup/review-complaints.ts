/**
 * Buyer complaints about authenticity in a product page's visible reviews (a heuristic signal,
 * DESIGN.md §4): which reviews say the item was fake ("hàng giả", "không chính hãng", "check mã
 * không ra"), and their share of the reviews shown.
 *
 * Precision comes first: a wrong warning defames a seller. So
 * - tones are kept: "hàng giả" (fake goods) and "hàng giá rẻ" (cheap goods) differ only by one, and
 *   phrases never run across punctuation ("…đủ tem mác hàng, giá thành…");
 * - a phrase counts only where no denial, fear or mistaken belief stands just before it ("không
 *   phải hàng giả", "sợ mua phải hàng fake", "tưởng hàng nhái"), and not in a review that vouches
 *   for the item ("chính hãng", "check mã ra") where that is not itself denied;
 * - a four- or five-star review counts only with an outright phrase and an unhappy word in it:
 *   happy buyers write "không phải hàng fake đâu" far more often than unhappy ones give five stars.
 *
 * Measured with `npm run signals:eval -- <reviews.csv>` on ViSpamReviews (README, "Risk signals").
 */

import { type Denials, hasUndenied } from './denied-phrase';

/** Phrases with their tones; `outright` ones say it plainly, the others need a poor rating. */
const COMPLAINTS: ReadonlyArray<{ phrase: string; outright: boolean }> = [
  { phrase: 'hàng giả', outright: true },
  { phrase: 'hàng fake', outright: true },
  { phrase: 'hang fake', outright: true },
  { phrase: 'hàng nhái', outright: true },
  { phrase: 'hang nhai', outright: true },
  { phrase: 'hàng dỏm', outright: true },
  { phrase: 'hàng rep', outright: true },
  { phrase: 'không chính hãng', outright: true },
  { phrase: 'khong chinh hang', outright: true },
  { phrase: 'không phải chính hãng', outright: true },
  { phrase: 'không phải hàng chính hãng', outright: true },
  { phrase: 'check mã không ra', outright: true },
  { phrase: 'quét mã không ra', outright: true },
  { phrase: 'sản phẩm nhái', outright: true },
  { phrase: 'đồ nhái', outright: true },
  { phrase: 'đồ giả', outright: true },
  { phrase: 'tem giả', outright: false },
  { phrase: 'giả mạo', outright: false },
  { phrase: 'fake', outright: false },
];

/** Words just before a phrase that turn it around: a denial, a fear, a mistaken belief. */
const DENIALS: Denials = {
  words: new Set(
    'không khong ko k kg hông chẳng chả đâu sợ lo tưởng nếu tránh chống no not'.split(' '),
  ),
  window: 3,
};

/** A review that vouches for the item, unless the vouching itself is denied. */
const VOUCHES = ['chính hãng', 'chinh hang', 'hàng thật', 'hàng auth', 'check mã ra', 'check ra'];

/** Unhappy words that make a complaint in a four- or five-star review believable. */
const UNHAPPY = ['thất vọng', 'bực', 'lừa đảo', 'lừa', 'trả hàng', 'hoàn tiền', 'tệ', 'dở', 'kém'];

export interface Review {
  rating: number;
  text: string;
}

export interface ReviewComplaint {
  text: string;
  rating: number;
  phrase: string;
}

/** Lower case with tones, words separated by one space, punctuation a hard break (" | "). */
export function foldKeepingTones(text: string): string {
  return ` ${text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.,;:!?()[\]{}"“”…\n\r/\\|-]+/g, ' | ')
    .replace(/[^\p{L}\p{N}|]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim()} `;
}

/** The complaint phrase a review makes about authenticity, or null. */
export function complaintIn(review: Review): string | null {
  const padded = foldKeepingTones(review.text);
  if (VOUCHES.some((words) => hasUndenied(padded, words, DENIALS))) return null;
  const happy = review.rating >= 4;
  if (happy && !UNHAPPY.some((words) => padded.includes(` ${words} `))) return null;
  for (const { phrase, outright } of COMPLAINTS) {
    if (happy && !outright) continue;
    if (hasUndenied(padded, phrase, DENIALS)) return phrase;
  }
  return null;
}

/** The visible reviews' complaints: which reviews, and their share of all of them. */
export function reviewComplaints(reviews: readonly Review[]): {
  complaints: ReviewComplaint[];
  share: number;
} {
  const complaints: ReviewComplaint[] = [];
  for (const review of reviews) {
    const phrase = complaintIn(review);
    if (phrase) complaints.push({ text: review.text, rating: review.rating, phrase });
  }
  return { complaints, share: reviews.length > 0 ? complaints.length / reviews.length : 0 };
}
