/**
 * A product page read while it is parsed (Shopee's script starts with the page): the keys its
 * address names are looked up at the start, and when that answer alone decides the warning the
 * banner is mounted as soon as the title is parsed, without a second lookup.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { earlyAnswer } from '../../../utils/content/early-answer';
import type { TitleToMatch } from '../../../utils/content/lookup-batch';
import type { LookupResult } from '../../../utils/content/runner';
import { loadProductWithoutReviews, PRODUCT_URL, setup } from '../../helpers/runner';

/** The fixture's product, whose record is confirmed, and its seller. */
const CONFIRMED = ['shopee:item:0000000007.0000000101', 'shopee:seller:0000000007'];
/** Another item of the same seller, whose record is not ("reported"): a name could outrank it. */
const REPORTED = ['shopee:item:0000000007.0000000102', 'shopee:seller:0000000007'];

/** The document as a script that starts with the page sees it, until `parsed()`. */
function whileParsed() {
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
  return {
    parsed() {
      state = 'interactive';
      document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
    },
    restore: () => Reflect.deleteProperty(document, 'readyState'),
  };
}

/** The runner started while the page is parsed, its lookups (keys, titles, answers) kept. */
function startedWhileParsed(addressKeys: string[]) {
  const page = whileParsed();
  const sent: Array<{ keys: string[]; titles: TitleToMatch[]; answer: Promise<LookupResult> }> = [];
  const shipped = setup().deps.lookup;
  const started = setup({
    productWhileLoading: { early: (lookup) => earlyAnswer(addressKeys, lookup) },
    lookup(keys, titles) {
      const answer = started.frame.track(shipped(keys, titles));
      sent.push({ keys, titles, answer });
      return answer;
    },
  });
  started.runner.start();
  const stop = () => {
    started.runner.stop();
    page.restore();
  };
  return { ...started, page, sent, stop };
}

const banner = () => document.querySelector('soi-hang-banner');

describe('a product page read while it is parsed', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('looks its address up at the start, and mounts the banner with no second lookup', async () => {
    loadProductWithoutReviews();
    const { runner, frame, page, sent, ...started } = startedWhileParsed(CONFIRMED);
    stop = started.stop;
    // Before any frame: the title need not be there yet.
    expect(sent.map(({ keys, titles }) => [keys, titles])).toEqual([[CONFIRMED, []]]);
    await sent[0]?.answer; // in before the title is parsed, as on a page whose title comes later
    await frame.flush();
    expect(banner()).not.toBeNull();
    expect(runner.status).toMatchObject({ pageKind: 'product', flagged: 1, checked: 1 });
    expect(sent).toHaveLength(1);
    page.parsed();
    await frame.flush();
    // The page's cards, read once it is parsed; the product is not looked up again.
    expect(sent.slice(1).flatMap(({ keys }) => keys)).not.toContain(CONFIRMED[0]);
    expect(runner.status.listings.filter((one) => one.status === 'confirmed')).toHaveLength(1);
  });

  it('puts back, once the page is parsed, a banner the page removed while it was parsed', async () => {
    loadProductWithoutReviews();
    const { frame, page, sent, ...started } = startedWhileParsed(CONFIRMED);
    stop = started.stop;
    await sent[0]?.answer;
    await frame.flush();
    banner()?.remove(); // nothing is watched while the page is parsed
    expect(banner()).toBeNull();
    page.parsed();
    await frame.flush();
    expect(banner()).not.toBeNull();
  });

  it('sends the full lookup, title and all, when the address alone does not decide', async () => {
    loadProductWithoutReviews();
    history.replaceState(null, '', PRODUCT_URL.replace(/0101$/, '0102'));
    const { frame, sent, ...started } = startedWhileParsed(REPORTED);
    stop = started.stop;
    await sent[0]?.answer;
    await frame.flush();
    expect(sent.map(({ keys, titles }) => [keys, titles.length])).toEqual([
      [REPORTED, 0],
      [REPORTED, 1],
    ]);
    expect(banner()).not.toBeNull(); // the reported record's warning, from the full answer
  });
});
