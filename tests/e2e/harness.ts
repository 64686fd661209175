/**
 * End-to-end harness: Debian's Chromium with the built extension loaded, every network request
 * answered by Playwright (marketplace URLs from fixture files, anything else refused), so tests see
 * what a shopper's browser does on the real addresses without touching the network.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { ChromeGlobal } from './chrome-global';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(REPO_ROOT, '.output/chrome-mv3');
export const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

export async function launch(pages: RoutedPage[]): Promise<Harness> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM} (apt-get install chromium).`);
  const profile = mkdtempSync(path.join(tmpdir(), 'soi-hang-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
    viewport: { width: 1200, height: 800 },
  });
  const requests: string[] = [];
  const byUrl = new Map(pages.map((page) => [page.url, page.file]));
  // Web traffic only: the extension's own chrome-extension:// files must load as usual.
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    requests.push(url);
    const file = byUrl.get(url);
    if (file) {
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(path.join(FIXTURES, file)),
      });
    } else if (new URL(url).hostname === 'shopee.vn') {
      await route.fulfill({
        status: 404,
        contentType: 'text/html',
        body: '<!doctype html><title>404</title>',
      });
    } else {
      await route.abort('blockedbyclient');
    }
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    requests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
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
