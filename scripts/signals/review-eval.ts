/**
 * Reading reviews in the ViSpamReviews layout (columns Rating and Comment; others ignored) and
 * running the review-complaint signal over them, for `npm run signals:eval` and its test.
 */
import { parseCsv } from '../../server/sources/csv';
import { type Review, reviewComplaints } from '../../utils/lookup/review-complaints';

export function readReviews(text: string): Review[] {
  const [header, ...rows] = parseCsv(text);
  const rating = header?.indexOf('Rating') ?? -1;
  const comment = header?.indexOf('Comment') ?? -1;
  if (rating === -1 || comment === -1) throw new Error('the CSV needs Rating and Comment columns');
  return rows.map((row) => ({ rating: Number(row[rating]), text: row[comment] ?? '' }));
}

export function evaluate(reviews: readonly Review[]) {
  const flagged = reviewComplaints(reviews).complaints;
  return {
    total: reviews.length,
    flagged: flagged.length,
    fiveStar: reviews.filter((review) => review.rating === 5).length,
    fiveStarFlagged: flagged.filter((review) => review.rating === 5).length,
    flaggedTexts: flagged.map((review) => `${review.rating}★ ${review.text}`),
  };
}
