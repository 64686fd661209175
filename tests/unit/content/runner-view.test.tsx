import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgedCards, loadGrid, now, setup } from '../../helpers/runner';
import { shippedLookup } from '../../helpers/shipped-data';

describe('content runner: what the shopper chose', () => {
  let stop: (() => void) | undefined;
  beforeEach(loadGrid);
  afterEach(() => stop?.());

  it("hides a muted seller's badges, counting and listing them as muted", async () => {
    const { runner, frame, statuses, deps } = setup();
    deps.lookup = (keys) =>
      frame.track(
        (async () => ({
          hits: await shippedLookup(keys, now),
          data: null,
          view: {
            language: 'vi' as const,
            paused: false,
            mutedSellers: ['shopee:seller:0000000007'],
          },
        }))(),
      );
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(badgedCards()).toEqual(['0000000042.0000000201']);
    const last = statuses.at(-1);
    expect(last).toMatchObject({ flagged: 1, muted: 2, paused: false });
    expect(last?.listings.map((l) => l.muted).sort()).toEqual([false, true, true]);
  });

  it('shows nothing and looks nothing up while paused, until reset', async () => {
    let paused = true;
    const { runner, frame, statuses, lookups, deps } = setup();
    const lookup = deps.lookup;
    deps.lookup = (keys, titles) =>
      paused
        ? frame.track(
            Promise.resolve({
              hits: [],
              data: null,
              view: { language: 'vi' as const, paused, mutedSellers: [] },
            }),
          )
        : lookup(keys, titles);
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(badgedCards()).toEqual([]);
    expect(statuses.at(-1)).toMatchObject({ paused: true, flagged: 0, listings: [] });
    const asked = lookups.length;
    document.body.append(document.createElement('div')); // the page changes: still nothing
    await frame.flush();
    expect(lookups.length).toBe(asked);
    paused = false;
    runner.reset();
    await frame.flush();
    expect(badgedCards()).toHaveLength(3);
    expect(statuses.at(-1)).toMatchObject({ paused: false, flagged: 3 });
  });

  it('brings a listed listing into view (focus is checked in the browser, end to end)', async () => {
    const { runner, frame, statuses } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    const [first] = statuses.at(-1)?.listings ?? [];
    expect(first).toBeDefined();
    const scrolled = vi.fn();
    for (const host of document.querySelectorAll('soi-hang-badge')) {
      (host as HTMLElement).scrollIntoView = scrolled;
    }
    expect(runner.reveal(first?.id ?? 0)).toBe(true);
    expect(scrolled).toHaveBeenCalledOnce();
    expect(runner.reveal(9999)).toBe(false);
  });
});
