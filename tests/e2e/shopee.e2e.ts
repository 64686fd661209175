import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromeGlobal } from './chrome-global';
import {
  badgedItems,
  eventually,
  type Harness,
  launch,
  openPage,
  popupShows,
  REPO_ROOT,
  readPopup,
  tabIdOf,
} from './harness';
import { badgeButton, badges, banner } from './warning-probes';

const GRID = 'https://shopee.vn/search?keyword=sua+bot';
const PRODUCT = 'https://shopee.vn/Sua-bot-mau-A-900g-i.0000000007.0000000101';
const INFINITE = 'https://shopee.vn/search?keyword=cuon+vo+han';
const LOGIN = 'https://shopee.vn/buyer/login';
const ELSEWHERE = 'https://example.org/';
const SHIPPED = JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/feed/manifest.json'), 'utf8'));

describe('Soi Hàng on Shopee in Chromium', () => {
  let harness: Harness;
  let popup: Page;

  beforeAll(async () => {
    harness = await launch([
      { url: GRID, file: 'shopee/search-grid.html' },
      { url: PRODUCT, file: 'shopee/product-page.html' },
      { url: INFINITE, file: 'shopee/infinite-grid.html' },
      { url: LOGIN, file: 'shopee/login-wall.html' },
      { url: ELSEWHERE, file: 'shopee/login-wall.html' },
    ]);
    popup = await harness.context.newPage();
  });
  afterAll(async () => harness?.close());

  const open = (url: string) => openPage(harness, url);

  it('loads as an MV3 extension with a service worker', () => {
    expect(harness.extensionId).toMatch(/^[a-p]{32}$/);
    expect(harness.worker.url()).toBe(`chrome-extension://${harness.extensionId}/background.js`);
  });

  it('badges exactly the demo-flagged cards of a search grid, and the popup counts them', async () => {
    const { page, errors } = await open(GRID);
    const badged = await eventually(async () => {
      const items = await badgedItems(page);
      return items.length === 3 ? items : undefined;
    }, 'three badges');
    expect(badged).toEqual([
      '0000000007.0000000101',
      '0000000007.0000000102',
      '0000000042.0000000201',
    ]);
    const statuses = await badgeButton(badges(page)).evaluateAll((badges) =>
      badges.map((badge) => badge.getAttribute('data-status')),
    );
    expect(statuses).toEqual(['confirmed', 'reported', 'suspected']);
    // The shared stylesheet reached the shadow roots, and the badge sits inside its card.
    const look = await badgeButton(badges(page))
      .first()
      .evaluate((badge) => {
        const card =
          badge.getRootNode() instanceof ShadowRoot
            ? (badge.getRootNode() as ShadowRoot).host.parentElement
            : null;
        const inner = badge.getBoundingClientRect();
        const outer = card?.getBoundingClientRect();
        return {
          background: getComputedStyle(badge).backgroundColor,
          inside:
            !!outer &&
            inner.left >= outer.left &&
            inner.right <= outer.right &&
            inner.top >= outer.top &&
            inner.bottom <= outer.bottom,
        };
      });
    expect(look).toEqual({ background: 'rgb(179, 38, 30)', inside: true });

    const tabId = await tabIdOf(harness, page);
    const counts = await popupShows(harness, popup, tabId, {
      checked: '7',
      flagged: '3',
      unreadable: '1',
    });
    expect(counts.supported).toBe('true');
    expect(counts.text).toContain(`Phiên bản ${SHIPPED.sequence}`);
    expect(await badgedItems(page)).toHaveLength(3); // nothing more arrived meanwhile

    // In-page navigation to the next results page: the new cards are checked too.
    await page.bringToFront();
    await page.click('#next-page');
    expect(page.url()).toBe('https://shopee.vn/search?keyword=sua+bot&page=1');
    await eventually(async () => {
      const items = await badgedItems(page);
      return items.length === 1 && items[0] === '0000000042.0000000202' ? items : undefined;
    }, 'the badge of the next page');
    await popupShows(harness, popup, tabId, { checked: '3', flagged: '1', unreadable: '0' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a banner above a flagged product and badges flagged cards beside it', async () => {
    const { page, errors } = await open(PRODUCT);
    const shown = banner(page);
    await shown.waitFor();
    const text = await shown.textContent();
    expect(text).toContain('Cơ quan chức năng đã kết luận sản phẩm này vi phạm');
    expect(text).toContain('DEMO-2026-001');
    expect(text).toContain('Dữ liệu cập nhật lúc');
    // The banner stands right before the product title.
    expect(
      await page.evaluate(() => document.querySelector('h1')?.previousElementSibling?.tagName),
    ).toBe('SOI-HANG-BANNER');
    await eventually(async () => {
      const items = await badgedItems(page);
      return items.length === 1 && items[0] === '0000000007.0000000102' ? items : undefined;
    }, 'the carousel badge');
    const tabId = await tabIdOf(harness, page);
    await popupShows(harness, popup, tabId, { checked: '4', flagged: '2' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks every one of 200 cards loaded by scrolling, each once', async () => {
    const { page, errors } = await open(INFINITE);
    for (let round = 0; round < 40; round++) {
      const loaded = await page.locator('#end').getAttribute('data-loaded');
      if (loaded === '200') break;
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(100);
    }
    expect(await page.locator('#end').getAttribute('data-loaded')).toBe('200');
    await eventually(
      async () => ((await badgedItems(page)).length === 10 ? true : undefined),
      '10 badges',
    );
    const tabId = await tabIdOf(harness, page);
    // Exactly 200 checked: a card looked up twice would count twice.
    await popupShows(harness, popup, tabId, { checked: '200', flagged: '10', unreadable: '0' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds no UI and logs no error on a login wall or on a site it does not support', async () => {
    for (const url of [LOGIN, ELSEWHERE]) {
      const { page, errors } = await open(url);
      await page.waitForTimeout(500);
      expect(await page.locator('soi-hang-badge, soi-hang-banner').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
    const { page } = await open(LOGIN);
    const tabId = await tabIdOf(harness, page);
    const counts = await popupShows(harness, popup, tabId, { checked: '0' });
    expect(counts.text).toContain('Trang đăng nhập');
    await page.close();
  });

  it('forgets a tab’s counts when it leaves for a site it does not check', async () => {
    const { page } = await open(GRID);
    const tabId = await tabIdOf(harness, page);
    await popupShows(harness, popup, tabId, { checked: '7' });
    await page.goto(ELSEWHERE);
    const counts = await popupShows(harness, popup, tabId, { supported: 'false' });
    expect(counts.checked).toBeNull();
    await page.close();
  });

  it('says so in the popup for a tab it does not check', async () => {
    const counts = await readPopup(harness, popup, 999_999);
    expect(counts.supported).toBe('false');
    expect(counts.text).toContain('Soi Hàng không kiểm tra trang này');
  });

  it('answers a malformed message with a structured error and changes nothing', async () => {
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    const replies = await popup.evaluate(async () => {
      const send = (message: unknown) =>
        (globalThis as ChromeGlobal).chrome?.runtime?.sendMessage(message);
      return [
        await send({ type: 'lookup', payload: { keys: ['<img src=x>'] } }),
        await send({ type: 'dropDatabase', payload: {} }),
        await send('hello'),
        await send({ type: 'getDataStatus', payload: {} }),
      ];
    });
    expect(replies[0]).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(replies[1]).toMatchObject({ ok: false, error: { code: 'unknown_type' } });
    expect(replies[2]).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(replies[3]).toMatchObject({
      ok: true,
      data: { data: { sequence: SHIPPED.sequence, recordCount: SHIPPED.snapshot.count } },
    });
  });

  it('sent nothing anywhere while browsing: every request was a page the test opened', () => {
    const opened = new Set([GRID, PRODUCT, INFINITE, LOGIN, ELSEWHERE]);
    expect(harness.requests.length).toBeGreaterThan(0);
    expect(harness.requests.filter((url) => !opened.has(url))).toEqual([]);
  });

  it('is out of reach of the page’s own scripts', async () => {
    const { page } = await open(GRID);
    expect(
      await page.evaluate(() => typeof (globalThis as ChromeGlobal).chrome?.runtime?.sendMessage),
    ).toBe('undefined');
    await page.close();
  });
});
