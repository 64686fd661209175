/**
 * Reporting, end to end: Chromium with the release build (pinned to the test key), the real
 * registry on 127.0.0.1 with a fresh SQLite file. A report made in a marketplace page reaches the registry exactly once, whatever
 * happens to the registry or the browser on the way; the registry's database is read after each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryProcess } from '../helpers/registry';
import { badgedItems, eventually, type Harness, openPage } from './harness';
import {
  fillAndSend,
  registryHolds,
  reportButton,
  reportFrame,
  startReportBed,
  storedReports,
  TIKI_GRID,
  UNFLAGGED_ITEM,
  UNFLAGGED_PRODUCT,
} from './report-probes';
import {
  axeViolations,
  badgeButton,
  badgeCount,
  badges,
  popoverOf,
  SHOPEE_GRID,
} from './warning-probes';

/** A grid card flagged by its own record, and one nothing flags. */
const FLAGGED_CARD = '0000000007.0000000101';
const PLAIN_CARD = '0000000009.0000000302';

describe('reports from a marketplace page to the registry', () => {
  let registry: RegistryProcess;
  let harness: Harness;

  beforeAll(async () => {
    ({ registry, harness } = await startReportBed());
  });

  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('a product page with no warning has "Báo cáo"; the report arrives once with the facts as read', async () => {
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    const button = reportButton(page);
    await button.click();
    const dialog = await reportFrame(page);
    expect(await dialog.getByTestId('report-facts').textContent()).toContain('Sữa bột mẫu A 900g');
    expect(await dialog.getByTestId('report-consent').textContent()).toContain(
      new URL(registry.url).host,
    );
    const done = await fillAndSend(dialog, ['counterfeit', 'unsafe'], '<b>Hộp</b> in mờ');
    expect(done).toMatch(/Đã (lưu|gửi) báo cáo/);
    await registryHolds(registry, 1, 'the report at the registry');
    const [stored] = storedReports(registry);
    const body = JSON.parse(stored?.body ?? '{}');
    expect(stored?.item_key).toBe(UNFLAGGED_ITEM);
    expect(body).toMatchObject({
      reasons: ['counterfeit', 'unsafe'],
      note: '<b>Hộp</b> in mờ',
      listing: {
        platform: 'shopee',
        itemKey: UNFLAGGED_ITEM,
        title: 'Sữa bột mẫu A 900g',
        url: UNFLAGGED_PRODUCT,
      },
    });
    expect(body.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    await page.waitForTimeout(1000);
    expect(storedReports(registry)).toHaveLength(1);
    await page.close();
  });

  it("one click on a reason in a flagged card's details sends a report of that card", async () => {
    const before = storedReports(registry).length;
    const { page } = await openPage(harness, SHOPEE_GRID);
    const index = await eventually(async () => {
      const found = (await badgedItems(page)).indexOf(FLAGGED_CARD);
      return found >= 0 ? found : undefined;
    }, 'the flagged card badged');
    const host = badges(page).nth(index);
    await badgeButton(host).click();
    const popover = popoverOf(host);
    await popover.locator('button.w-chip[data-reason="fake_brand"]').click();
    await popover.getByTestId('quick-report-outcome').waitFor();
    expect(await popover.getByTestId('quick-report-outcome').textContent()).toContain(
      'Đã lưu báo cáo',
    );
    await registryHolds(registry, before + 1, 'the quick report at the registry');
    const body = JSON.parse(storedReports(registry).at(-1)?.body ?? '{}');
    expect(body).toMatchObject({
      reasons: ['fake_brand'],
      listing: {
        itemKey: `shopee:item:${FLAGGED_CARD}`,
        title: 'Sữa bột mẫu A 900g',
        price: expect.any(Number),
      },
    });
    expect(body.note).toBeUndefined();
    await page.close();
  });

  it('an unflagged card gets its report action only when hovered, and it opens the dialog', async () => {
    const before = storedReports(registry).length;
    const { page } = await openPage(harness, SHOPEE_GRID);
    await badgeCount(page, 3);
    expect(await page.locator('soi-hang-report-button').count()).toBe(0);
    const card = page.locator('li[data-sqe="item"]', {
      has: page.locator(`a[href*="${PLAIN_CARD.replace('.', '/')}"]`),
    });
    await card.hover();
    const action = reportButton(page);
    await action.waitFor();
    expect(await page.locator('soi-hang-report-button').count()).toBe(1);
    const url = page.url();
    await action.click();
    const dialog = await reportFrame(page);
    expect(page.url()).toBe(url); // the card's link was not followed
    expect(await dialog.getByTestId('report-facts').textContent()).toContain(
      'Bình giữ nhiệt mẫu G',
    );
    await fillAndSend(dialog, ['wrong_origin']);
    await registryHolds(registry, before + 1, 'the card report at the registry');
    expect(storedReports(registry).at(-1)?.item_key).toBe(`shopee:item:${PLAIN_CARD}`);
    await dialog.getByTestId('report-close').click();
    await eventually(
      async () => ((await page.locator('soi-hang-report').count()) === 0 ? true : undefined),
      'the dialog closed',
    );
    await page.close();
  });

  it('an unflagged card gets its report action when keyboard focus lands in it', async () => {
    const { page } = await openPage(harness, TIKI_GRID);
    await badgeCount(page, 1);
    const action = page.locator('soi-hang-report-button');
    for (let presses = 0; presses < 40 && (await action.count()) === 0; presses++) {
      await page.keyboard.press('Tab');
    }
    expect(await action.count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(
      '0000000602',
    );
    await page.close();
  });

  it('reporting the same listing again within a day updates the first report', async () => {
    const before = storedReports(registry);
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    await reportButton(page).click();
    const dialog = await reportFrame(page);
    await dialog.getByTestId('report-earlier').waitFor();
    const done = await fillAndSend(dialog, ['fake_brand'], 'Tem chống giả bị bóc.');
    expect(done).toContain('Đã cập nhật báo cáo trước của bạn');
    await eventually(async () => {
      const row = storedReports(registry).find((report) => report.item_key === UNFLAGGED_ITEM);
      return row && JSON.parse(row.body).note === 'Tem chống giả bị bóc.' ? row : undefined;
    }, 'the amendment at the registry');
    const row = storedReports(registry).find((report) => report.item_key === UNFLAGGED_ITEM);
    expect(JSON.parse(row?.body ?? '{}').reasons).toEqual(['counterfeit', 'fake_brand', 'unsafe']);
    expect(storedReports(registry)).toHaveLength(before.length);
    await page.close();
  });

  it('the dialog: a 100 KB paste stops at 2,000 characters with a message; no reason, no send; axe finds nothing', async () => {
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    await reportButton(page).click();
    const dialog = await reportFrame(page);
    await dialog.getByTestId('report-note').fill('x'.repeat(100_000));
    expect(await dialog.getByTestId('report-note').inputValue()).toHaveLength(2000);
    expect(await dialog.getByTestId('report-note-count').textContent()).toContain('giới hạn 2000');
    expect(await axeViolations(dialog)).toEqual([]);
    await page.close();
  });
});
