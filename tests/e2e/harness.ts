/**
 * End-to-end harness: Debian's Chromium with the built extension loaded, every network request
 * answered by Playwright (marketplace URLs from fixture files, anything else refused), so tests see
 * what a shopper's browser does on the real addresses without touching the network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import type { ChromeGlobal } from './chrome-global';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The release build: what a shopper installs (its warnings' shadow roots are closed). */
export const EXTENSION_DIR = path.join(REPO_ROOT, '.output/chrome-mv3');
/**
 * The release build pinned to the test publisher's key (tests/keys) through SOI_HANG_FEED_KEYS, as
 * a deployer pins theirs (scripts/build-release-test.mjs): nothing else differs from what shoppers
 * install. Every test of something a person does runs it; its roots are closed, so tests read them
 * through the debugging protocol (closed-roots.ts) and act with real input.
 */
export const RELEASE_TEST_DIR = path.join(REPO_ROOT, '.output/chrome-mv3-release-test');
/**
 * The same extension built with `--mode e2e`: it also trusts the test publisher key, opens its
 * shadow roots for Playwright's selectors and axe-core, grants itself every host (to capture a tab
 * without the browser's own gesture) and exposes seams to shift the clock. Only tests that need one
 * of those run it, each listed with its reason and its release-build twin in build-choice.ts.
 */
export const E2E_EXTENSION_DIR = path.join(REPO_ROOT, '.output/chrome-mv3-e2e');
export const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures');

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every URL the browser asked the network for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A page served at a real marketplace address: the path and query it answers to, and the file. */
export interface RoutedPage {
  url: string;
  file: string;
}

/** Chromium with the built extension; marketplace addresses answered from our fixture files. */
export async function launch(
  pages: RoutedPage[],
  options: {
    extensionDir?: string;
    passThrough?: (url: string) => boolean;
    profile?: string;
    /** The onboarding tab of the install: closed at launch unless kept (first-run.e2e.ts). */
    firstRunTab?: 'close' | 'keep';
  } = {},
): Promise<Harness> {
  const byUrl = new Map(pages.map((page) => [page.url, page.file]));
  const browser = await launchChromium({
    extensionDir: options.extensionDir ?? RELEASE_TEST_DIR,
    ...(options.passThrough ? { passThrough: options.passThrough } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.firstRunTab ? { firstRunTab: options.firstRunTab } : {}),
    respond(url) {
      const file = byUrl.get(url);
      if (file) return { body: readFileSync(path.join(FIXTURES, file)) };
      if (new URL(url).hostname === 'shopee.vn')
        return { status: 404, body: '<!doctype html><title>404</title>' };
      return null;
    },
  });
  if (!browser.worker || !browser.extensionId) throw new Error('the extension did not start');
  return { ...browser, worker: browser.worker, extensionId: browser.extensionId };
}

/** Chromium with the built extension, every page of these sites' own fixtures at its address. */
export function launchOnFixtures(
  sites: string[],
  options: { extensionDir?: string } = {},
): Promise<Harness> {
  return launch(
    sites.flatMap(fixturesOf).map(({ file, expected }) => ({ url: expected.url, file })),
    options,
  );
}

/** One of the extension's pages (popup, options) in a tab, once it has loaded what it shows. */
export async function openExtensionPage(harness: Harness, path: string): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/${path}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** A fresh tab in front, collecting anything the page logs as an error. */
export async function openPage(
  harness: Harness,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await harness.context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.bringToFront();
  return { page, errors };
}

/** Polls until check() returns a value that is not undefined, or fails with the last value seen. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The link of each card that carries our badge, in page order. */
export function badgedLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('soi-hang-badge')].map((host) => {
      const card = host.parentElement;
      return (
        (card?.closest('a[href]') ?? card?.querySelector('a[href]'))?.getAttribute('href') ?? ''
      );
    }),
  );
}

/** The shop.item ids of the Shopee cards that carry our badge, in page order. */
export async function badgedItems(page: Page): Promise<string[]> {
  return (await badgedLinks(page)).map(
    (href) => href.match(/-i\.(\d+\.\d+)/)?.[1] ?? `unknown:${href}`,
  );
}

/** The tab id the extension knows a page by: read from the status its content script reported. */
export function tabIdOf(harness: Harness, page: Page): Promise<number> {
  return eventually(
    () =>
      harness.worker.evaluate(async (url) => {
        const all = (await (globalThis as ChromeGlobal).chrome?.storage.session.get(null)) ?? {};
        const entry = Object.entries(all).find(([, status]) => status.url === url);
        return entry ? Number(entry[0].slice('tab:'.length)) : undefined;
      }, page.url()),
    `a status report from ${page.url()}`,
  );
}

export interface PopupCounts {
  supported: string | null;
  checked: string | null;
  flagged: string | null;
  unreadable: string | null;
  text: string;
}

/** Opens the popup for a tab and reads what it shows. */
export async function readPopup(
  harness: Harness,
  popup: Page,
  tabId: number,
): Promise<PopupCounts> {
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-ready="true"]');
  const text = async (selector: string) => {
    const found = popup.locator(selector);
    return (await found.count()) > 0 ? found.first().textContent() : null;
  };
  return {
    supported: await popup.locator('[data-testid="page-status"]').getAttribute('data-supported'),
    checked: await text('[data-testid="count-checked"]'),
    flagged: await text('[data-testid="count-flagged"]'),
    unreadable: await text('[data-testid="count-unreadable"]'),
    text: (await popup.locator('main').textContent()) ?? '',
  };
}

/** Waits until the popup shows the expected counts for the tab. */
export function popupShows(
  harness: Harness,
  popup: Page,
  tabId: number,
  expected: Partial<PopupCounts>,
): Promise<PopupCounts> {
  return eventually(
    async () => {
      const seen = await readPopup(harness, popup, tabId);
      const matches = Object.entries(expected).every(
        ([key, value]) => seen[key as keyof PopupCounts] === value,
      );
      return matches ? seen : undefined;
    },
    `popup counts ${JSON.stringify(expected)}`,
  );
}

export interface Expected {
  url: string;
  pageKind: string;
  listings: Array<{ kind: string; itemKey: string }>;
  flagged: string[];
}

/** Our own fixtures of a site, each with what the extension should find on it. */
export function fixturesOf(site: string): Array<{ file: string; expected: Expected }> {
  return readdirSync(path.join(FIXTURES, site))
    .filter((file) => file.endsWith('.expected.json'))
    .map((file) => ({
      file: `${site}/${file.replace('.expected.json', '.html')}`,
      expected: JSON.parse(readFileSync(path.join(FIXTURES, site, file), 'utf8')) as Expected,
    }));
}

/** Presses "Cập nhật ngay" in an open popup or options page, waits for the sync to end: its result. */
export async function syncNow(page: Page): Promise<string | null> {
  const before = await page.evaluate('document.body.dataset.synced ?? ""');
  await page.getByTestId('sync-now').click();
  await eventually(async () => {
    const now = await page.evaluate('document.body.dataset.synced ?? ""');
    return now !== before ? now : undefined;
  }, 'the sync to finish');
  return page.getByTestId('sync-status').getAttribute('data-result');
}

/** "Cập nhật ngay" in a popup opened for it: the sync's result. */
export async function syncFromPopup(harness: Harness): Promise<string | null> {
  const popup = await openExtensionPage(harness, 'popup.html');
  const result = await syncNow(popup);
  await popup.close();
  return result;
}

/** Enters a feed address in the options page and waits until the sync from it has updated the data. */
export async function useFeed(options: Page, manifestUrl: string, what: string): Promise<void> {
  await options.getByTestId('feed-url').fill(manifestUrl);
  await options.getByTestId('feed-save').click();
  await eventually(
    async () =>
      (await options.getByTestId('sync-status').getAttribute('data-result')) === 'updated'
        ? true
        : undefined,
    what,
  );
}
