import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '@/utils/content/overlay';
import {
  createRunner,
  type LookupResult,
  type RunnerDeps,
  type TitleToMatch,
} from '@/utils/content/runner';
import type { PageStatus } from '@/utils/protocol/page-status';
import { shopeeAdapter } from '@/utils/sites/shopee';
import { ownFixture } from '../../helpers/fixtures';
import { record } from '../../helpers/records';
import { shippedLookup } from '../../helpers/shipped-data';

const GRID_URL = 'https://shopee.vn/search?keyword=sua+bot';
const now = new Date('2026-11-28T12:00:00Z');

/** Animation frames we run by hand, so each test decides when a scan happens. */
function frames() {
  const queue: Array<() => void> = [];
  const inFlight = new Set<Promise<unknown>>();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    schedule: (callback: () => void) => void queue.push(callback),
    pending: () => queue.length,
    /** Tracks a lookup so that flush() waits for it. */
    track<T>(promise: Promise<T>): Promise<T> {
      inFlight.add(promise);
      void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
      return promise;
    },
    /** Runs the frames due, then waits for their lookups and the observer callbacks they cause. */
    async flush() {
      while (queue.length) queue.shift()?.();
      await settle();
      while (inFlight.size > 0) {
        await Promise.allSettled([...inFlight]);
        await settle();
      }
    },
  };
}

function setup(overrides: Partial<RunnerDeps> = {}) {
  const frame = frames();
  const statuses: PageStatus[] = [];
  const lookups: string[][] = [];
  const overlay = createOverlay(document, {
    badge: (doc, _l, verdict) =>
      Object.assign(doc.createElement('span'), { textContent: verdict.status }),
    details: (_l, verdict) => <p data-testid="details">{verdict.status}</p>,
    badgeCss: '.badge{}',
    popoverLabel: 'details',
    banner: (_l, verdict) => <p data-testid="banner">{verdict.status}</p>,
    bannerCss: '.banner{}',
  });
  const deps: RunnerDeps = {
    adapter: shopeeAdapter,
    doc: document,
    currentUrl: () => new URL(location.href),
    lookup(keys): Promise<LookupResult> {
      lookups.push(keys);
      return frame.track((async () => ({ hits: await shippedLookup(keys, now), data: null }))());
    },
    reportStatus: (status) => statuses.push(status),
    overlay,
    schedule: frame.schedule,
    ...overrides,
  };
  const runner = createRunner(deps);
  return { runner, frame, statuses, lookups, deps };
}

function badgedCards(): string[] {
  return [...document.querySelectorAll('soi-hang-badge')].map(
    (host) =>
      host.parentElement
        ?.querySelector('a')
        ?.getAttribute('href')
        ?.match(/i\.(\d+\.\d+)/)?.[1] ?? '?',
  );
}

function loadGrid() {
  const { html } = ownFixture('shopee/search-grid');
  document.documentElement.innerHTML = html
    .replace(/^[\s\S]*?<html[^>]*>/, '')
    .replace(/<\/html>\s*$/, '');
  history.replaceState(null, '', GRID_URL);
}

describe('content runner', () => {
  let stop: (() => void) | undefined;
  beforeEach(loadGrid);
  afterEach(() => stop?.());

  it('checks every card once, in one lookup, and badges exactly the flagged ones', async () => {
    const { runner, frame, statuses, lookups } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(lookups).toHaveLength(1);
    expect(new Set(lookups[0])).toEqual(new Set(lookups[0])); // unique keys
    expect(lookups[0]?.length).toBe(new Set(lookups[0]).size);
    expect(badgedCards().sort()).toEqual([
      '0000000007.0000000101',
      '0000000007.0000000102',
      '0000000042.0000000201',
    ]);
    expect(statuses.at(-1)).toMatchObject({
      platform: 'shopee',
      pageKind: 'grid',
      checked: 7,
      flagged: 3,
      unreadable: 1,
      errors: 0,
      muted: 0,
      paused: false,
    });
    expect(statuses.at(-1)?.listings).toHaveLength(3);
  });

  it('sends the card titles and badges a card whose title names a flagged product', async () => {
    const sent: TitleToMatch[][] = [];
    const product = record('product:ao thun mau f', {
      status: 'suspected',
      scope: { batches: ['L1'] },
    });
    const { runner, frame } = setup({
      lookup: async (keys, titles) => {
        sent.push(titles);
        const match = titles.find((t) => /Áo thun mẫu F/.test(t.title));
        return {
          hits: await shippedLookup(keys, now).then((hits) => (match ? [...hits, product] : hits)),
          data: null,
          ...(match ? { products: [{ itemKey: match.itemKey, productKey: product.key }] } : {}),
        };
      },
    });
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(sent[0]?.length).toBeGreaterThan(0);
    expect(sent[0]?.every((t) => t.title.length > 0 && t.title.length <= 500)).toBe(true);
    const named = sent[0]?.find((t) => /Áo thun mẫu F/.test(t.title));
    expect(named).toEqual({ itemKey: 'shopee:item:0000000009.0000000301', title: 'Áo thun mẫu F' });
    expect(badgedCards()).toContain('0000000009.0000000301');
  });

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

  it('checks only the new cards when the page adds more, and ignores its own UI', async () => {
    const { runner, frame, statuses, lookups } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(frame.pending()).toBe(0); // mounting three badges did not schedule another scan

    const grid = document.getElementById('grid');
    const template = document.getElementById('page-2') as HTMLTemplateElement;
    grid?.append(template.content.cloneNode(true));
    await frame.flush(); // MutationObserver → one scheduled scan
    await frame.flush();
    expect(lookups).toHaveLength(2);
    expect(lookups[1]).toEqual(
      expect.arrayContaining(['shopee:item:0000000042.0000000202', 'shopee:seller:0000000042']),
    );
    expect(lookups[1]).not.toContain('shopee:item:0000000007.0000000101');
    expect(statuses.at(-1)).toMatchObject({ checked: 10, flagged: 4 });
  });

  it('re-checks a card element the page reuses for another item', async () => {
    const { runner, frame, statuses } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    const link = document.querySelector('li a[href*="0000000101"]');
    link?.setAttribute('href', '/Khac-i.0000000009.0000000999'); // the page re-renders the card
    await frame.flush();
    await frame.flush();
    expect(badgedCards()).not.toContain('0000000007.0000000101');
    expect(statuses.at(-1)).toMatchObject({ checked: 8 });
  });

  it('forgets everything on in-page navigation and reads the new page', async () => {
    const { runner, frame, statuses } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    // What the fixture's own script does in a browser (happy-dom runs no page scripts here).
    history.pushState({}, '', '/search?keyword=sua+bot&page=1');
    const template = document.getElementById('page-2') as HTMLTemplateElement;
    document.getElementById('grid')?.replaceChildren(template.content.cloneNode(true));
    runner.reset();
    await frame.flush();
    await frame.flush();
    expect(badgedCards()).toEqual(['0000000042.0000000202']);
    expect(statuses.at(-1)).toMatchObject({ checked: 3, flagged: 1, unreadable: 0 });
  });

  it('catches and counts adapter errors; nothing reaches the page', async () => {
    const { runner, frame, statuses } = setup({
      adapter: {
        ...shopeeAdapter,
        extract: () => {
          throw new Error('selector exploded');
        },
      },
    });
    stop = runner.stop;
    runner.start();
    await expect(frame.flush()).resolves.toBeUndefined();
    expect(statuses.at(-1)).toMatchObject({ errors: 1, checked: 0 });
    expect(document.querySelector('soi-hang-badge')).toBeNull();
  });

  it('counts a failed lookup and does not retry it in a loop', async () => {
    const lookup = vi.fn(() => Promise.reject(new Error('Extension context invalidated')));
    const { runner, frame, statuses } = setup({ lookup });
    stop = runner.stop;
    runner.start();
    await frame.flush();
    await frame.flush();
    expect(lookup).toHaveBeenCalledOnce();
    expect(statuses.at(-1)).toMatchObject({ checked: 7, flagged: 0, errors: 1 });
  });

  it('splits a very large page into lookups of bounded size', async () => {
    const grid = document.getElementById('grid');
    const card = grid?.querySelector('li[data-sqe="item"]');
    for (let i = 0; i < 600; i++) {
      const copy = card?.cloneNode(true) as Element;
      copy
        .querySelector('a')
        ?.setAttribute('href', `/x-i.0000000009.${String(5000 + i).padStart(10, '0')}`);
      grid?.append(copy);
    }
    const { runner, frame, statuses, lookups } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(lookups.length).toBeGreaterThan(1);
    for (const keys of lookups) expect(keys.length).toBeLessThanOrEqual(500);
    expect(statuses.at(-1)).toMatchObject({ checked: 607 });
  });

  it('removes its UI when stopped', async () => {
    const { runner, frame } = setup();
    runner.start();
    await frame.flush();
    expect(document.querySelectorAll('soi-hang-badge')).toHaveLength(3);
    runner.stop();
    expect(document.querySelectorAll('soi-hang-badge')).toHaveLength(0);
  });
});
