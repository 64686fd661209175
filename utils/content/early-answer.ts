/**
 * A product page's early answer: a script that starts with the page (Shopee's) looks up the keys
 * its address names (the item and its seller) at once, while the page is still far from its
 * title. When the title is parsed and the product read, that answer is already in: if it alone
 * decides the product's warning, the banner is mounted without a second round trip to the
 * background, in time to be painted with the title.
 *
 * It decides only when the item or its seller holds a confirmed record: nothing the product's
 * name, text or contacts could add outranks it (verdict.ts), so the warning is the one the full
 * lookup would give. Any other answer (no record, or one a name match could outrank) leaves the
 * product to the full lookup, sent as usual with its title.
 */
import { keyBuilder, type Platform } from '../protocol/keys';
import type { Ids } from '../protocol/listing-urls';
import type { ResponseOf } from '../protocol/runtime/messages';
import { verdictFor } from '../protocol/runtime/verdict';
import type { ExtractedListing } from '../sites/engine/types';

type LookupResult = ResponseOf<'lookup'>;

export interface EarlyAnswer {
  /**
   * The answer for a batch: the early one when it covers the batch's keys and decides every
   * listing in it, else `full()` (sent at once when the early answer is still on its way, so a
   * product without a record never waits for two answers in a row). Used once.
   */
  answerFor(
    batch: readonly ExtractedListing[],
    keys: readonly string[],
    full: () => Promise<LookupResult>,
  ): Promise<LookupResult>;
}

/** The early answer for what a product's address names (its item, and its seller if named). */
export function earlyAnswerFor(
  platform: Platform,
  ids: Ids,
  lookup: (keys: string[]) => Promise<LookupResult>,
): EarlyAnswer | null {
  const keys = [keyBuilder(platform, 'item')(ids.item)];
  if (ids.seller) keys.push(keyBuilder(platform, 'seller')(ids.seller));
  return earlyAnswer(
    keys.filter((key): key is string => key !== null),
    lookup,
  );
}

/** The early answer for these keys, asked now; none when there is nothing to ask. */
export function earlyAnswer(
  keys: readonly string[],
  lookup: (keys: string[]) => Promise<LookupResult>,
): EarlyAnswer | null {
  if (keys.length === 0) return null;
  const asked = new Set(keys);
  let arrived = false;
  // A failed early lookup decides nothing: the full one follows.
  const answer = lookup([...keys]).then(
    (result) => {
      arrived = true;
      return result;
    },
    () => {
      arrived = true;
      return null;
    },
  );
  let used = false;
  return {
    answerFor(batch, keys, full) {
      if (used || !keys.every((key) => asked.has(key))) return full();
      used = true;
      return new Promise((resolve, reject) => {
        let sent: Promise<LookupResult> | null = null;
        const send = () => {
          sent ??= full();
          sent.then(resolve, reject);
        };
        void answer.then((result) => {
          if (result && decides(result, batch)) resolve(result);
          else send();
        });
        // Still on its way (a worker starting): the full lookup goes too, and whichever settles it
        // first is the answer (a promise takes only its first).
        if (!arrived) send();
      });
    },
  };
}

/** The answer decides every listing: paused, or a confirmed record for its item or seller. */
function decides(result: LookupResult, batch: readonly ExtractedListing[]): boolean {
  if (result.view?.paused) return true;
  const hits = new Map(result.hits.map((record) => [record.key, record]));
  return batch.every((listing) => verdictFor(listing, hits)?.status === 'confirmed');
}
