/**
 * A product page's early answer (the keys its address names, asked as the script starts): it
 * stands for the full lookup only when it alone decides the warning, and never makes a product
 * without one wait for two answers in a row.
 */
import { describe, expect, it, vi } from 'vitest';
import { earlyAnswer } from '../../../utils/content/early-answer';
import type { LookupResult } from '../../../utils/content/runner';
import type { FlagRecord } from '../../../utils/protocol/records';
import type { ExtractedListing } from '../../../utils/sites/engine/types';

const ITEM = 'shopee:item:0000000007.0000000101';
const SELLER = 'shopee:seller:0000000007';
const product = { itemKey: ITEM, sellerKey: SELLER, kind: 'product' } as ExtractedListing;

const record = (key: string, status: FlagRecord['status']) =>
  ({ key, status, reasons: ['counterfeit_trademark'] }) as unknown as FlagRecord;
const answer = (...hits: FlagRecord[]): LookupResult => ({ hits, data: null });
const FULL: LookupResult = { hits: [], data: null, signals: [] };

/** A lookup that answers when told. */
function held() {
  let settle: (result: LookupResult) => void = () => undefined;
  const promise = new Promise<LookupResult>((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
}

describe("a product page's early answer", () => {
  it('stands for the full lookup when the item holds a confirmed record', async () => {
    const early = earlyAnswer([ITEM, SELLER], async () => answer(record(ITEM, 'confirmed')));
    await Promise.resolve();
    const full = vi.fn(async () => FULL);
    const result = await early?.answerFor([product], [ITEM, SELLER], full);
    expect(result?.hits.map((hit) => hit.key)).toEqual([ITEM]);
    expect(full).not.toHaveBeenCalled();
  });

  it("stands for it when the seller's record is confirmed, and when the shopper paused", async () => {
    const bySeller = earlyAnswer([ITEM, SELLER], async () => answer(record(SELLER, 'confirmed')));
    await Promise.resolve();
    const full = vi.fn(async () => FULL);
    expect((await bySeller?.answerFor([product], [ITEM, SELLER], full))?.hits).toHaveLength(1);
    const paused = earlyAnswer(
      [ITEM, SELLER],
      async () =>
        ({
          hits: [],
          data: null,
          view: { language: 'vi', paused: true, mutedSellers: [] },
        }) as LookupResult,
    );
    await Promise.resolve();
    expect((await paused?.answerFor([product], [ITEM, SELLER], full))?.view?.paused).toBe(true);
    expect(full).not.toHaveBeenCalled();
  });

  it('leaves the product to the full lookup when its name could still change the warning', async () => {
    for (const hits of [[], [record(ITEM, 'suspected')], [record(ITEM, 'cleared')]]) {
      const early = earlyAnswer([ITEM, SELLER], async () => answer(...hits));
      await Promise.resolve();
      const full = vi.fn(async () => FULL);
      expect(await early?.answerFor([product], [ITEM, SELLER], full)).toBe(FULL);
      expect(full).toHaveBeenCalledOnce();
    }
  });

  it('leaves a batch with keys it was not asked for, and is used once', async () => {
    const early = earlyAnswer([ITEM], async () => answer(record(ITEM, 'confirmed')));
    await Promise.resolve();
    const full = vi.fn(async () => FULL);
    expect(await early?.answerFor([product], [ITEM, SELLER], full)).toBe(FULL);
    const alone = { ...product, sellerKey: null } as ExtractedListing;
    expect((await early?.answerFor([alone], [ITEM], full))?.hits).toHaveLength(1);
    expect(await early?.answerFor([alone], [ITEM], full)).toBe(FULL);
    expect(full).toHaveBeenCalledTimes(2);
  });

  it('sends the full lookup at once while the early answer is on its way, and takes the first that decides', async () => {
    const slow = held();
    const early = earlyAnswer([ITEM, SELLER], () => slow.promise);
    const full = vi.fn(async () => FULL);
    const result = early?.answerFor([product], [ITEM, SELLER], full);
    expect(full).toHaveBeenCalledOnce(); // not after the early answer: a product without a record waits for one answer
    expect(await result).toBe(FULL);
    slow.settle(answer(record(ITEM, 'confirmed')));

    // The early answer that decides, before the full one settles, is taken.
    const quick = held();
    const decided = earlyAnswer([ITEM, SELLER], () => quick.promise);
    const never = new Promise<LookupResult>(() => undefined);
    const taken = decided?.answerFor([product], [ITEM, SELLER], () => never);
    quick.settle(answer(record(ITEM, 'confirmed')));
    expect((await taken)?.hits).toHaveLength(1);
  });

  it('falls back to the full lookup when the early one fails, and asks nothing without keys', async () => {
    const early = earlyAnswer([ITEM, SELLER], () => Promise.reject(new Error('worker gone')));
    await Promise.resolve();
    await Promise.resolve();
    expect(await early?.answerFor([product], [ITEM, SELLER], async () => FULL)).toBe(FULL);
    const lookup = vi.fn(async () => FULL);
    expect(earlyAnswer([], lookup)).toBeNull();
    expect(lookup).not.toHaveBeenCalled();
  });
});
