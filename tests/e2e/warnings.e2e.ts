/**
 * How the warnings look and read in Chromium, on every site's grid and product page served at its
 * real address: the badge inside its card and its popover by keyboard, the banner's words and
 * report channels, the heuristic badge, hostile page CSS, 200% zoom on a dark page: on the release
 * build (closed roots, real input). axe-core, which cannot enter a closed root, checks the same
 * pages on the e2e build (warnings-axe.e2e.ts, build-choice.ts).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  FIXTURES,
  type Harness,
  launchOnFixtures,
  openExtensionPage,
  openPage,
  tabIdOf,
} from './harness';
import { reportFrame } from './report-probes';
import {
  badgeButton,
  badgeCount,
  badges,
  banner,
  pageOf,
  popoverOf,
  SHOPEE_GRID,
  SHOPEE_PRODUCT,
  staysWholeZoomedAndDark,
} from './warning-probes';

const SITES = ['shopee', 'lazada', 'tiki', 'sendo', 'facebook', 'tiktok'];
const SIGNS_GRID = 'https://shopee.vn/search?keyword=giay+sieu+cap';
const REPLICA_GRID = 'https://shopee.vn/search?keyword=giay+sneaker';

describe('the warnings in Chromium', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchOnFixtures(SITES);
  });
  afterAll(async () => harness?.close());

  const open = (url: string) => openPage(harness, url);
  const extensionPage = (path: string) => openExtensionPage(harness, path);

  describe.each(SITES)('%s', (site) => {
    it('a badge sits inside its card and opens its details by keyboard; Escape closes them', async () => {
      const grid = pageOf(site, 'grid');
      const { page, errors } = await open(grid.url);
      await badgeCount(page, grid.flagged.length, `${grid.flagged.length} badges`);
      const host = badges(page).first();
      const button = badgeButton(host);
      const card = await host.evaluate((h) => h.parentElement?.getBoundingClientRect().toJSON());
      const box = await button.boundingBox();
      expect(
        box &&
          card &&
          box.x >= card.left &&
          box.y >= card.top &&
          box.x + box.width <= card.right + 1,
      ).toBe(true);

      await button.focus();
      await page.keyboard.press('Enter');
      const popover = popoverOf(host);
      await popover.waitFor({ state: 'visible' });
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const text = (await popover.textContent()) ?? '';
      expect(text).toMatch(/Nguồn: /);
      expect(text).toMatch(/Ngày: \d\d\/\d\d\/20\d\d/);
      // In the top layer, whole and inside the viewport, whatever the card clips.
      const shown = await popover.boundingBox();
      const viewport = page.viewportSize();
      expect(shown && viewport && shown.x >= 0 && shown.x + shown.width <= viewport.width).toBe(
        true,
      );
      expect(page.url()).toBe(grid.url); // the card's link was not followed

      await page.keyboard.press('Escape');
      await popover.waitFor({ state: 'hidden' });
      await eventually(
        async () => ((await button.getAttribute('aria-expanded')) === 'false' ? true : undefined),
        'aria-expanded false',
      );
      expect(errors).toEqual([]);
      await page.close();
    });

    it('the product banner says what, who, when and what to do; "Báo cáo" opens the report dialog', async () => {
      const product = pageOf(site, 'product');
      const { page, errors } = await open(product.url);
      await banner(page).waitFor({ timeout: 15_000 });
      const text = (await banner(page).textContent()) ?? '';
      expect(text).toMatch(/Nguồn: Soi Hàng — dữ liệu minh hoạ/);
      expect(text).toMatch(/Dữ liệu cập nhật lúc/);
      expect(text).toMatch(/Ngày: /);
      await banner(page).locator('[data-testid="banner-report"]').press('Enter');
      const dialog = await reportFrame(page);
      expect(await dialog.getByTestId('report-facts').textContent()).toContain(
        product.listings[0]?.itemKey ?? '',
      );
      // No registry is set in this build: the report would stay here, and the channels are offered.
      expect(await dialog.getByTestId('report-consent').textContent()).toContain(
        'Chưa đặt sổ đăng ký',
      );
      expect(await dialog.getByTestId('report-channels').textContent()).toContain('1800 6838');
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  it('a mouse resting on a badge opens its details, leaving closes them unless a click pinned them, and the page hears none of it', async () => {
    const { page, errors } = await open(SHOPEE_GRID);
    await badgeCount(page, 3);
    const host = badges(page).first();
    const button = badgeButton(host);
    const popover = popoverOf(host);
    // What the page's own listeners hear from our badge: nothing.
    await page.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      for (const type of ['click', 'mousedown', 'pointerdown', 'pointerover', 'keydown']) {
        document.addEventListener(type, (event) => {
          if (event.composedPath().some((node) => (node as Element).localName === 'soi-hang-badge'))
            heard.push(type);
        });
      }
    });

    await button.hover();
    await popover.waitFor({ state: 'visible' });
    await page.mouse.move(5, 5);
    await popover.waitFor({ state: 'hidden' });

    await button.click();
    await popover.waitFor({ state: 'visible' });
    await page.mouse.move(5, 5);
    await page.waitForTimeout(600);
    expect(await popover.isVisible()).toBe(true); // pinned
    await button.click();
    await popover.waitFor({ state: 'hidden' });
    expect(page.url()).toBe(SHOPEE_GRID);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a card whose own name says "Rep 1:1" gets the heuristic badge, worded as worth a look', async () => {
    // The demo grid, one card of which its seller now calls a replica.
    const html = readFileSync(path.join(FIXTURES, 'shopee/search-grid.html'), 'utf8')
      .replace('Áo-thun-mẫu-F-i.0000000009', 'Giày-sneaker-Rep-1-1-i.0000000009')
      .replaceAll('Áo thun mẫu F', 'Giày sneaker Rep 1:1');
    const page = await harness.context.newPage();
    await page.route(REPLICA_GRID, (route) =>
      route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    await page.goto(REPLICA_GRID);
    const heuristic = badges(page).locator('[data-status="heuristic"]');
    await heuristic.waitFor({ state: 'attached' });
    expect(await badges(page).count()).toBe(4); // the three demo records, and this one
    expect(await heuristic.textContent()).toBe('Dấu hiệu cần lưu ý');
    const colour = await heuristic.evaluate((badge) => getComputedStyle(badge).backgroundColor);
    expect(colour).toBe('rgb(91, 75, 138)');
    await heuristic.click();
    const details = badges(page).locator('[data-testid="badge-details"]');
    await details.waitFor();
    // The warning's own words (the report chips below it are the shopper's words, not ours).
    const text = await details.evaluate((element) => {
      const copy = element.cloneNode(true) as Element;
      copy.querySelector('[data-testid="quick-report"]')?.remove();
      return copy.textContent ?? '';
    });
    expect(text).toContain('«rep 1 1»');
    expect(text).toContain('Soi Hàng tự đọc tên tin đăng');
    expect(text.toLowerCase()).not.toMatch(/hàng giả|vi phạm/);
    await page.close();
  });

  it('two weak signs in a name warn together, each shown as evidence; one alone does not', async () => {
    const html = readFileSync(path.join(FIXTURES, 'shopee/search-grid.html'), 'utf8')
      .replace('Áo-thun-mẫu-F-i.0000000009', 'Giày-hàng-siêu-cấp-zalo-0912.345.678-i.0000000009')
      .replaceAll('Áo thun mẫu F', 'Giày hàng siêu cấp, zalo 0912.345.678')
      .replaceAll('Bình giữ nhiệt mẫu G', 'Bình giữ nhiệt siêu cấp');
    const page = await harness.context.newPage();
    await page.route(SIGNS_GRID, (route) =>
      route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    await page.goto(SIGNS_GRID);
    const heuristic = badges(page).locator('[data-status="heuristic"]');
    await heuristic.waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    expect(await heuristic.count()).toBe(1); // "siêu cấp" alone, on the other card, is not enough
    await heuristic.click();
    const details = badges(page).locator('[data-testid="badge-details"]');
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('«sieu cap»');
    expect(text).toContain('«0912 345 678»');
    expect(text).toContain('ngoài sàn');
    await page.close();
  });

  it('a product page whose own description admits a copy gets the heuristic banner, saying where it was seen', async () => {
    const address = 'https://shopee.vn/Giay-the-thao-i.0000000009.0000000305';
    const html = readFileSync(path.join(FIXTURES, 'shopee/product-page.html'), 'utf8').replace(
      '"url": "https://shopee.vn/Sua-bot-mau-A-900g-i.0000000007.0000000101", "productID": "0000000101",',
      `"url": "${address}", "productID": "0000000305", "description": "Hàng rep 1:1 giống auth 99%, bao check.",`,
    );
    const page = await harness.context.newPage();
    await page.route(address, (route) =>
      route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    await page.goto(address);
    await banner(page).waitFor({ timeout: 15_000 });
    expect(await banner(page).getAttribute('data-status')).toBe('heuristic');
    const headline = (await banner(page).locator('.banner__headline').textContent()) ?? '';
    expect(headline).toContain('Mô tả sản phẩm có cụm từ «rep 1 1»');
    await banner(page).locator('[data-testid="banner-details"]').click();
    expect(await banner(page).locator('[data-testid="warning-more"]').textContent()).toContain(
      'Mô tả sản phẩm của người bán có cụm từ «rep 1 1»',
    );
    await page.close();
  });

  it("a page's hostile CSS moves or hides neither badge nor banner", async () => {
    const hostile =
      '* { all: unset !important; z-index: 2147483647 !important; } html, body { display: block !important; }';
    for (const url of [SHOPEE_GRID, SHOPEE_PRODUCT]) {
      const { page } = await open(url);
      await page.addStyleTag({ content: hostile });
      const ours = url === SHOPEE_GRID ? badges(page).first().locator('.badge') : banner(page);
      await ours.waitFor();
      const look = await ours.evaluate((element) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          background: style.backgroundColor,
          width: box.width,
          height: box.height,
          display: style.display,
        };
      });
      expect(look.display).not.toBe('none');
      expect(look.width).toBeGreaterThan(40);
      expect(look.height).toBeGreaterThan(14);
      expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
      await page.close();
    }
  });

  it('at 200% zoom and on a dark page, banner and popover stay whole (the popover opened by a click)', async () => {
    const { page } = await open(SHOPEE_PRODUCT);
    await staysWholeZoomedAndDark(page);
    await page.close();
  });

  it('a product page with its banner: a click on a badge opens its popover; the popup and the options open', async () => {
    const { page } = await open(SHOPEE_PRODUCT);
    await banner(page).waitFor();
    const host = badges(page).first();
    await badgeButton(host).click();
    await popoverOf(host).waitFor({ state: 'visible' });
    expect(await badgeButton(host).getAttribute('aria-expanded')).toBe('true');
    const tabId = await tabIdOf(harness, page);
    const popup = await extensionPage(`popup.html?tab=${tabId}`);
    const options = await extensionPage('options.html');
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});
