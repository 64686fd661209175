/**
 * End-to-end harness for Firefox: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi,
 * the built Firefox package installed as a temporary add-on, every page request answered by the
 * test (marketplace URLs from our fixture files, the feed and registry servers on 127.0.0.1 passed
 * through, anything else refused), as the Chromium harness does (../harness.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { eventually, FIXTURES, REPO_ROOT, type RoutedPage } from '../harness';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/**
 * The Firefox release build pinned to the test publisher's key, made as the Chrome one is
 * (scripts/build-release-test.mjs -b firefox): what shoppers install, its shadow roots closed
 * (read through BiDi, roots.ts), the test key aside.
 */
export const FIREFOX_RELEASE_TEST_DIR = path.join(REPO_ROOT, '.output/firefox-mv2-release-test');
/** Fixed for the run through a pref, so extension pages have a known moz-extension:// origin. */
const EXTENSION_UUID = '5e1f0e2e-0031-4f1e-9a5e-50170000f1f0';

export interface FirefoxHarness {
  browser: Browser;
  /** `moz-extension://<uuid>`: the origin of the extension's pages. */
  origin: string;
  /** Every URL a routed page asked the network for, in order. */
  requests: string[];
  /**
   * A marketplace address in a fresh tab, answered from its fixture. A load the browser blocks
   * (a listed scam site) does not fail here: the page is returned for what follows.
   */
  openPage(url: string): Promise<Page>;
  close(): Promise<void>;
}

/** Firefox with the built add-on; marketplace addresses answered from our fixture files. */
export async function launchFirefox(
  pages: RoutedPage[],
  options: { extensionDir?: string; passThrough?: (url: string) => boolean } = {},
): Promise<FirefoxHarness> {
  // As with Chromium: `npm test` installs it when it may (scripts/ensure-browsers.mjs), else says so.
  if (!existsSync(FIREFOX_PATH))
    throw new Error(
      `Firefox ESR is missing at ${FIREFOX_PATH}: sudo apt-get install firefox-esr, or set FIREFOX_PATH.`,
    );
  const dir = options.extensionDir ?? FIREFOX_RELEASE_TEST_DIR;
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    // Lets BiDi open moz-extension:// pages (the popup, the options).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // The prompt of an optional permission (the data consent of a first report) is browser UI
      // no test can press: granted as if the person had allowed it.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  // After launch, not the launch option: that one is not awaited and breaks the close.
  await browser.installExtension(dir);
  const byUrl = new Map(pages.map((page) => [page.url, page.file]));
  const requests: string[] = [];

  function answer(request: HTTPRequest): Promise<void> {
    const url = request.url();
    if (!/^https?:/.test(url)) return request.continue();
    requests.push(url);
    const file = byUrl.get(url);
    if (file)
      return request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(path.join(FIXTURES, file)),
      });
    if (options.passThrough?.(url)) return request.continue();
    return request.abort('blockedbyclient');
  }

  return {
    browser,
    origin: `moz-extension://${EXTENSION_UUID}`,
    requests,
    async openPage(url) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => void answer(request).catch(() => undefined));
      await page.goto(url).catch((failure: Error) => {
        if (!/NS_ERROR_ABORT|NS_BINDING_ABORTED/.test(failure.message)) throw failure;
      });
      return page;
    },
    close: () => browser.close(),
  };
}

/** A phone's screen, as Firefox for Android shows our pages: `openExtensionPage(h, file, PHONE)`. */
export const PHONE = { width: 360, height: 640 };

/** Whether a page scrolls sideways (on a phone, a page must not). */
export const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/**
 * One of the extension's pages in a tab (at a viewport, when given), once it has drawn what it
 * shows (`body[data-ready]`). Firefox sends BiDi no load event for moz-extension:// pages, so the
 * navigation is not awaited: the page's own ready mark is.
 */
export async function openExtensionPage(
  harness: FirefoxHarness,
  file: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await harness.browser.newPage();
  if (viewport) await setViewport(page, viewport);
  void page.goto(`${harness.origin}/${file}`).catch(() => undefined);
  await pageReady(page);
  return page;
}

/**
 * Waits for a page's ready mark. Polled from here: puppeteer's waitForFunction builds a function
 * from a string in the page, which an extension page's CSP refuses.
 */
export function pageReady(page: Page): Promise<true> {
  return eventually(
    async () =>
      (await page.evaluate(() => document.body?.dataset.ready === 'true')) ? true : undefined,
    `${page.url()} ready`,
    20_000,
  );
}

/**
 * The page's viewport through BiDi's browsingContext.setViewport alone: puppeteer's setViewport
 * also overrides the screen orientation, a command Firefox ESR does not know yet. The browsing
 * context is outside puppeteer's public types, so it is typed here.
 */
export async function setViewport(
  page: Page,
  size: { width: number; height: number },
): Promise<void> {
  const frame = page.mainFrame() as unknown as {
    browsingContext: {
      setViewport(options: { viewport: { width: number; height: number } }): Promise<void>;
    };
  };
  await frame.browsingContext.setViewport({ viewport: size });
}

/** Presses "Cập nhật ngay" in an open popup or options page, waits for the sync to end: its result. */
export async function syncNow(page: Page): Promise<string | null> {
  const synced = () => page.evaluate(() => document.body.dataset.synced ?? '');
  const before = await synced();
  await page.click('[data-testid="sync-now"]');
  await eventually(
    async () => ((await synced()) !== before ? true : undefined),
    'the sync to finish',
  );
  return page.$eval('[data-testid="sync-status"]', (node) => node.getAttribute('data-result'));
}

/** The text of the first element matching `selector` in a page, or null. */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((wanted) => document.querySelector(wanted)?.textContent ?? null, selector);
}

/** Replaces a field's value by typing, as a person does. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(selector, text);
}

/**
 * Focuses the element matching `selector` in a child frame and uses the real keyboard on it: Enter
 * to press a button, or text typed into a field. Puppeteer's mouse on an element of a child frame
 * first looks the frame's element up with a BiDi locator Firefox ESR does not take yet; keys go to
 * the focused element whatever frame it is in.
 */
export async function keyboardIn(
  page: Page,
  frame: Frame,
  selector: string,
  text?: string,
): Promise<void> {
  const found = await frame.evaluate((wanted) => {
    const element = document.querySelector<HTMLElement>(wanted);
    element?.focus();
    return element !== null;
  }, selector);
  if (!found) throw new Error(`no ${selector} in ${await frame.evaluate(() => location.href)}`);
  if (text === undefined) await page.keyboard.press('Enter');
  else await page.keyboard.type(text);
}
