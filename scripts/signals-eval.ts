#!/usr/bin/env -S npx tsx
/**
 * npm run signals:eval -- <reviews.csv> [<reviews.csv> …]
 *   The review-complaint signal (utils/lookup/review-complaints.ts) over reviews in the
 *   ViSpamReviews layout (columns Rating and Comment; others ignored), as one JSON object:
 *   { total, flagged, fiveStar, fiveStarFlagged, flaggedTexts }.
 * npm run signals:eval -- --gold
 *   The replica-vocabulary signal on our gold set (tests/gold/replica-names.tsv), as one JSON
 *   object: { entries, positives, precision, recall, falsePositives, missed }.
 * Exit 2 on bad input.
 */
import { readFileSync } from 'node:fs';
import { errorMessage } from '../utils/protocol/error-message';
import { readGold, scoreGold } from './signals/gold';
import { evaluate, readReviews } from './signals/review-eval';

try {
  const args = process.argv.slice(2);
  if (args.length === 1 && args[0] === '--gold') {
    console.log(JSON.stringify(scoreGold(readGold()), null, 2));
  } else {
    if (args.length === 0 || args.includes('--gold')) {
      throw new Error('usage: signals:eval -- <reviews.csv> [<reviews.csv> …] | --gold');
    }
    const reviews = args.flatMap((file) => readReviews(readFileSync(file, 'utf8')));
    console.log(JSON.stringify(evaluate(reviews), null, 2));
  }
} catch (error) {
  console.error(`signals:eval: ${errorMessage(error)}`);
  process.exit(2);
}
