/**
 * The content runner on our Shopee grid fixture, with animation frames run by hand and lookups
 * answered from the shipped data, for the runner's tests.
 */
import { render } from 'preact';
import { createOverlay } from '../../components/page/overlay';
import { createRunner, type LookupResult, type RunnerDeps } from '../../utils/content/runner';
import type { PageStatus } from '../../utils/protocol/runtime/page-status';
import { shopeeAdapter } from '../../utils/sites/shopee';
import { ownFixture } from './fixtures';
import { shippedLookup } from './shipped-data';

export const GRID_URL = 'https://shopee.vn/search?keyword=sua+bot';
export const now = new Date('2026-11-28T12:00:00Z');

/** Animation frames we run by hand, so each test decides when a scan happens. */
export function frames() {
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

export function setup(overrides: Partial<RunnerDeps> = {}) {
  const frame = frames();
  const statuses: PageStatus[] = [];
  const lookups: string[][] = [];
  const reported: string[] = [];
  const overlay = createOverlay(document, {
    badge: (doc, _l, verdict) =>
      Object.assign(doc.createElement('span'), { textContent: verdict.status }),
    details: (container, _l, verdict) =>
      render(<p data-testid="details">{verdict.status}</p>, container),
    badgeCss: '.badge{}',
    popoverLabel: 'details',
    banner: (root, _l, verdict) => render(<p data-testid="banner">{verdict.status}</p>, root),
    bannerCss: '.banner{}',
    reportButton: (doc, listing) =>
      Object.assign(doc.createElement('button'), { textContent: `report ${listing.itemKey}` }),
    reportCss: '.report{}',
    onReport: (listing) => reported.push(listing.itemKey),
    inspector: (container, _l, view) =>
      render(
        <p data-testid="inspector">
          {view.entries.map(({ entry }) => entry.case.status).join(',')}
        </p>,
        container,
      ),
    erase: (container) => render(null, container),
    inspectorMarker: (doc, view) =>
      Object.assign(doc.createElement('button'), {
        textContent: `inspector ${view.entries.length}`,
      }),
    inspectorCss: () => '',
    inspectorLabel: () => 'inspector',
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
  return { runner, frame, statuses, lookups, deps, reported };
}

export function badgedCards(): string[] {
  return [...document.querySelectorAll('soi-hang-badge')].map(
    (host) =>
      host.parentElement
        ?.querySelector('a')
        ?.getAttribute('href')
        ?.match(/i\.(\d+\.\d+)/)?.[1] ?? '?',
  );
}

export function loadGrid() {
  const { html } = ownFixture('shopee/search-grid');
  document.documentElement.innerHTML = html
    .replace(/^[\s\S]*?<html[^>]*>/, '')
    .replace(/<\/html>\s*$/, '');
  history.replaceState(null, '', GRID_URL);
}

export const PRODUCT_URL = 'https://shopee.vn/Sua-bot-mau-A-900g-i.0000000007.0000000101';

/** Our Shopee product page fixture, as the page is before the shopper scrolls to its reviews. */
export function loadProductWithoutReviews(): Element {
  const { html } = ownFixture('shopee/product-page');
  document.documentElement.innerHTML = html
    .replace(/^[\s\S]*?<html[^>]*>/, '')
    .replace(/<\/html>\s*$/, '');
  history.replaceState(null, '', PRODUCT_URL);
  const list = document.querySelector('.shopee-product-comment-list');
  if (!list) throw new Error('the product fixture has no review list');
  list.replaceChildren();
  return list;
}
