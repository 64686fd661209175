#!/usr/bin/env -S npx tsx
/**
 * npm run signals:eval -- <reviews.csv> [<reviews.csv> …]
 * Runs the review-complaint signal (utils/lookup/review-complaints.ts) over reviews in the
 * ViSpamReviews layout (columns Rating and Comment; others ignored) and prints one JSON object:
 * { total, flagged, fiveStar, fiveStarFlagged, flaggedTexts }. Exit 2 on bad input.
 */
import { readFileSync } from 'node:fs';
import { evaluate, readReviews } from './signals/review-eval';

try {
  const files = process.argv.slice(2);
  if (files.length === 0) throw new Error('usage: signals:eval -- <reviews.csv> [<reviews.csv> …]');
  const reviews = files.flatMap((file) => readReviews(readFileSync(file, 'utf8')));
  console.log(JSON.stringify(evaluate(reviews), null, 2));
} catch (error) {
  console.error(`signals:eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
