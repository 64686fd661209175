/**
 * When the content scripts start, on the release build: Shopee's with the page, so a flagged
 * product's banner comes while the rest of the page is still loading; a Shopee grid once its markup
 * is parsed (not scan after scan while the parser adds it); every other site's when the page is
 * idle, after its server-rendered markup is hydrated. The page is held in the middle by a script
 * of its own that the test answers only when it chooses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Harness, launch, REPO_ROOT } from './harness';
import { badges, banner } from './warning-probes';

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures');
const PRODUCT = 'https://shopee.vn/Sua-bot-mau-A-900g-i.0000000007.0000000101?held=1';
const GRID = 'https://shopee.vn/search?keyword=sua+bot&held=1';
const HALF_TITLE = 'https://shopee.vn/Sua-bot-mau-A-900g-i.0000000007.0000000101?held=title';
const NO_DCL = 'https://shopee.vn/search?keyword=sua+bot&stopped=1';
const HELD_SCRIPT = 'https://shopee.vn/held-script.js';
const WHOLE_PRODUCT = 'https://shopee.vn/Sua-bot-mau-A-900g-i.0000000007.0000000101?whole=1';
const WHOLE_GRID = 'https://shopee.vn/search?keyword=sua+bot&whole=1';

/** A fixture with `insert` written right after `after`. */
function withAfter(file: string, after: string, insert: string): string {
  const html = readFileSync(path.join(FIXTURES, file), 'utf8');
  const at = html.indexOf(after);
  if (at < 0) throw new Error(`${after} is not in ${file}`);
  const end = at + after.length;
  return `${html.slice(0, end)}${insert}${html.slice(end)}`;
}

/** A fixture with a script of the page's own that blocks the parser after `after`. */
const heldAfter = (file: string, after: string) =>
  withAfter(file, after, `<script src="${HELD_SCRIPT}"></script>`);

const readyState = (page: Page) => page.evaluate(() => document.readyState);

/** Waits until `locator` matches `count` elements, or at least one (`'some'`). */
const untilCount = (locator: { count(): Promise<number> }, count: number | 'some', what: string) =>
  eventually(async () => {
    const found = await locator.count();
    return (count === 'some' ? found > 0 : found === count) ? true : undefined;
  }, what);

/** The extension's scripts the page parsed while `url` loaded, in order (paths, any world). */
async function ourScriptsParsed(
  harness: Harness,
  url: string,
  until: (page: Page) => Promise<unknown>,
) {
  const page = await harness.context.newPage();
  const session = await harness.context.newCDPSession(page);
  const parsed: string[] = [];
  session.on('Debugger.scriptParsed', ({ url: script }) => {
    if (script.startsWith('chrome-extension://')) parsed.push(new URL(script).pathname);
  });
  await session.send('Debugger.enable');
  await page.goto(url);
  await until(page);
  await session.detach();
  await page.close();
  return parsed;
}

describe('when the content scripts start', () => {
  let harness: Harness;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    harness = await launch([]);
    const pages = new Map([
      [WHOLE_PRODUCT, readFileSync(path.join(FIXTURES, 'shopee/product-page.html'), 'utf8')],
      [WHOLE_GRID, readFileSync(path.join(FIXTURES, 'shopee/search-grid.html'), 'utf8')],
      [PRODUCT, heldAfter('shopee/product-page.html', '</h1>')],
      [GRID, heldAfter('shopee/search-grid.html', '</li>')],
      // The parser held in the middle of the product's title, as a slow network may cut it.
      [HALF_TITLE, heldAfter('shopee/product-page.html', '<h1 class="vR6K3w">Sữa bột')],
      // A page script that keeps DOMContentLoaded from every listener after its own.
      [
        NO_DCL,
        withAfter(
          'shopee/search-grid.html',
          '<head>',
          `<script>window.addEventListener('DOMContentLoaded', (e) => e.stopImmediatePropagation(), true);
document.addEventListener('DOMContentLoaded', (e) => e.stopImmediatePropagation(), true);</script>`,
        ),
      ],
    ]);
    // Registered after the harness's own routes, so these answer first.
    await harness.context.route(/^https:\/\/shopee\.vn\//, async (route) => {
      const url = route.request().url();
      const body = pages.get(url);
      if (body !== undefined) {
        await route.fulfill({ contentType: 'text/html; charset=utf-8', body });
        return;
      }
      if (url !== HELD_SCRIPT) {
        await route.fallback();
        return;
      }
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      await route.fulfill({ contentType: 'text/javascript', body: '/* the page goes on */' });
    });
  });
  afterAll(async () => {
    release();
    await harness?.close();
  });

  it("Shopee: a flagged product's banner shows while the rest of its page is still loading", async () => {
    const page = await harness.context.newPage();
    await page.goto(PRODUCT, { waitUntil: 'commit' });
    await untilCount(banner(page), 1, 'the banner while the page is held');
    // The parser still waits for the page's own script: the banner came with the title.
    expect(await readyState(page)).toBe('loading');
    release();
    await page.waitForLoadState('load');
    expect(await banner(page).count()).toBe(1);
    await page.close();
  });

  it('Shopee: a grid is read once its markup is parsed, then badged as before', async () => {
    const page = await harness.context.newPage();
    await page.goto(GRID, { waitUntil: 'commit' });
    // Its first card is in the DOM while the parser is held; nothing is read yet.
    await untilCount(page.locator('li'), 'some', 'the first card parsed');
    await page.waitForTimeout(500);
    expect(await readyState(page)).toBe('loading');
    expect(await badges(page).count()).toBe(0);
    release();
    await untilCount(badges(page), 3, 'three badges once the grid is parsed');
    await page.close();
  });

  it("Shopee: a product's title cut mid-way by the parser is not read until it is whole", async () => {
    const page = await harness.context.newPage();
    await page.goto(HALF_TITLE, { waitUntil: 'commit' });
    await untilCount(page.locator('h1'), 'some', 'the start of the title parsed');
    await page.waitForTimeout(500);
    expect(await readyState(page)).toBe('loading');
    // Neither a warning nor "Báo cáo" for a listing read as "Sữa bột".
    expect(await page.locator('soi-hang-banner, soi-hang-report-button').count()).toBe(0);
    release();
    await untilCount(banner(page), 1, 'the banner once the title is whole');
    await page.close();
  });

  it('Shopee: a page script that stops DOMContentLoaded does not keep a grid from being read', async () => {
    const page = await harness.context.newPage();
    await page.goto(NO_DCL);
    await untilCount(badges(page), 3, 'three badges');
    await page.close();
  });

  it("the page UI chunk comes with a Shopee product page, before Shopee's script, and never with a grid", async () => {
    const onProduct = await ourScriptsParsed(harness, WHOLE_PRODUCT, (page) =>
      untilCount(banner(page), 1, 'the banner'),
    );
    // Once: the script found it there and did not import it again.
    expect(onProduct).toEqual(['/page-ui.js', '/content-scripts/shopee.js']);
    const onGrid = await ourScriptsParsed(harness, WHOLE_GRID, (page) =>
      untilCount(badges(page), 3, 'badges'),
    );
    expect(onGrid).toEqual(['/content-scripts/shopee.js']);
  });

  it('the manifest: Shopee starts with the page, every other site when the page is idle', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(REPO_ROOT, '.output/chrome-mv3/manifest.json'), 'utf8'),
    ) as { content_scripts: Array<{ matches: string[]; run_at: string; js: string[] }> };
    // The page UI chunk, with a Shopee product page, starts with it too (its banner's drawing).
    const [chunk, ...sites] = manifest.content_scripts;
    expect(chunk).toMatchObject({ js: ['page-ui.js'], run_at: 'document_start' });
    const runAt = Object.fromEntries(
      sites.flatMap((script) =>
        script.matches.map((match) => [new URL(match).hostname, script.run_at]),
      ),
    );
    expect(runAt).toEqual({
      'shopee.vn': 'document_start',
      'www.lazada.vn': 'document_idle',
      'tiki.vn': 'document_idle',
      'www.sendo.vn': 'document_idle',
      'web.facebook.com': 'document_idle',
      'www.facebook.com': 'document_idle',
      'www.tiktok.com': 'document_idle',
    });
  });
});
