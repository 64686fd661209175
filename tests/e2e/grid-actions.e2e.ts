/**
 * What a shopper does on a grid, on the release build (closed shadow roots): a badge opens its
 * details by mouse, by keyboard and by a resting pointer; its chips and the unflagged card's
 * "Báo cáo" work; the card's link is never followed and the page hears none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attributeIn,
  clickIn,
  hostCount,
  hoverIn,
  isShown,
  pressIn,
  textIn,
  waitShown,
} from './closed-roots';
import { badgedItems, eventually, fixturesOf, type Harness, launch, openPage } from './harness';
import { myReports, reportButton, reportFrame, TIKI_GRID } from './report-probes';
import {
  badgeButton,
  badgeCount,
  badges,
  focused,
  pageOf,
  popoverOf,
  SHOPEE_GRID,
} from './warning-probes';

/** A Shopee grid card nothing flags. */
const PLAIN_CARD = '0000000009.0000000302';

const BADGE = { host: 'soi-hang-badge', inner: '[data-testid="soi-hang-badge"]' };
const POPOVER = { host: 'soi-hang-badge', inner: '[data-testid="soi-hang-popover"]' };

describe('a grid on the release build', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launch([
      ...['shopee', 'sendo', 'tiktok']
        .flatMap(fixturesOf)
        .map(({ file, expected }) => ({ url: expected.url, file })),
      { url: TIKI_GRID, file: 'tiki/search-grid.html' },
    ]);
  });
  afterAll(async () => harness?.close());

  it('a click on a badge opens its details, a second closes them, and the link is not followed', async () => {
    const { page, errors } = await openPage(harness, SHOPEE_GRID);
    await eventually(
      async () => ((await hostCount(page, 'soi-hang-badge')) === 3 ? true : undefined),
      '3 badges',
    );
    expect(await page.evaluate(() => document.querySelector('soi-hang-badge')?.shadowRoot)).toBe(
      null,
    );
    await clickIn(page, BADGE);
    await waitShown(page, POPOVER);
    expect(await attributeIn(page, BADGE, 'aria-expanded')).toBe('true');
    expect(await textIn(page, POPOVER)).toMatch(/Nguồn: /);
    expect(page.url()).toBe(SHOPEE_GRID);
    await clickIn(page, BADGE);
    await waitShown(page, POPOVER, 'hidden');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Enter on a focused badge opens its details; Escape closes them', async () => {
    const { page } = await openPage(harness, SHOPEE_GRID);
    await eventually(
      async () => ((await hostCount(page, 'soi-hang-badge')) === 3 ? true : undefined),
      '3 badges',
    );
    await pressIn(page, { ...BADGE, nth: 1 }, 'Enter');
    await waitShown(page, { ...POPOVER, nth: 1 });
    await page.keyboard.press('Escape');
    await waitShown(page, { ...POPOVER, nth: 1 }, 'hidden');
    expect(page.url()).toBe(SHOPEE_GRID);
    await page.close();
  });

  it('a resting pointer opens the details and leaving closes them', async () => {
    const { page } = await openPage(harness, SHOPEE_GRID);
    await eventually(
      async () => ((await hostCount(page, 'soi-hang-badge')) === 3 ? true : undefined),
      '3 badges',
    );
    await hoverIn(page, BADGE);
    await waitShown(page, POPOVER);
    await page.mouse.move(5, 5);
    await waitShown(page, POPOVER, 'hidden');
    expect(await isShown(page, POPOVER)).toBe(false);
    await page.close();
  });

  it("a reason chip in a flagged card's details saves a report of that card", async () => {
    const { page } = await openPage(harness, SHOPEE_GRID);
    await badgeCount(page, 3);
    const host = badges(page).first();
    await badgeButton(host).click();
    const popover = popoverOf(host);
    await popover.waitFor();
    await popover.locator('button.w-chip[data-reason="fake_brand"]').click();
    await popover.getByTestId('quick-report-outcome').waitFor();
    expect(await popover.getByTestId('quick-report-outcome').textContent()).toContain(
      'Đã lưu báo cáo',
    );
    expect(page.url()).toBe(SHOPEE_GRID);
    // No registry is set in this build: the report is kept here, and "Báo cáo của tôi" lists it.
    expect(await myReports(harness)).toHaveLength(1);
    await page.close();
  });

  it('an unflagged card\'s "Báo cáo" opens the report dialog when the mouse rests on the card and presses it', async () => {
    const { page } = await openPage(harness, SHOPEE_GRID);
    await badgeCount(page, 3);
    expect(await page.locator('soi-hang-report-button').count()).toBe(0);
    await page
      .locator('li[data-sqe="item"]', {
        has: page.locator(`a[href*="${PLAIN_CARD.replace('.', '/')}"]`),
      })
      .hover();
    await reportButton(page).click();
    const dialog = await reportFrame(page);
    expect(await dialog.getByTestId('report-facts').textContent()).toContain(
      `shopee:item:${PLAIN_CARD}`,
    );
    expect(page.url()).toBe(SHOPEE_GRID);
    await page.close();
  });

  it('an unflagged card\'s "Báo cáo" opens the report dialog from the keyboard: Tab to it, Enter', async () => {
    const { page } = await openPage(harness, TIKI_GRID);
    await badgeCount(page, 1);
    let at = await focused(page);
    for (let presses = 0; presses < 60 && at.inner !== 'soi-hang-report-button'; presses++) {
      await page.keyboard.press('Tab');
      at = await focused(page);
    }
    expect(at).toEqual({ host: 'soi-hang-report-button', inner: 'soi-hang-report-button' });
    await page.keyboard.press('Enter');
    const dialog = await reportFrame(page);
    expect(await dialog.getByTestId('report-facts').textContent()).toContain('tiki:item:');
    expect(page.url()).toBe(TIKI_GRID);
    await page.close();
  });

  // Sendo's and TikTok's badges sit inside the card's link (Shopee's beside it): a click inside the
  // popover, in the badge's root, is a click inside that link.
  it.each(['sendo', 'tiktok'])(
    "a click anywhere inside an open popover, its plain text too, never follows the card's link (%s)",
    async (site) => {
      const grid = pageOf(site, 'grid');
      const { page } = await openPage(harness, grid.url);
      await badgeCount(page, grid.flagged.length);
      expect(
        await page.evaluate(() => !!document.querySelector('soi-hang-badge')?.closest('a[href]')),
      ).toBe(true);
      const host = badges(page).first();
      await badgeButton(host).click();
      const popover = popoverOf(host);
      await popover.waitFor();
      const navigated: string[] = [];
      page.on(
        'framenavigated',
        (frame) => frame === page.mainFrame() && navigated.push(frame.url()),
      );
      for (const inner of ['.w-headline', '.w-advice', '[data-testid="badge-details"]']) {
        await popover.locator(inner).click();
        expect(await popover.isVisible(), inner).toBe(true);
      }
      // A followed link would commit its navigation well within this: none may.
      await page.waitForEvent('framenavigated', { timeout: 2000 }).catch(() => undefined);
      expect(navigated).toEqual([]);
      expect(page.url()).toBe(grid.url);
      await page.close();
    },
  );

  it("a middle click on a badge inside a card's link opens no tab", async () => {
    const grid = pageOf('sendo', 'grid');
    const { page } = await openPage(harness, grid.url);
    await badgeCount(page, grid.flagged.length);
    const tabs = harness.context.pages().length;
    const box = await badgeButton(badges(page).first()).boundingBox();
    if (!box) throw new Error('the badge is not shown');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'middle' });
    await harness.context.waitForEvent('page', { timeout: 2000 }).catch(() => undefined);
    expect(harness.context.pages().length).toBe(tabs);
    expect(page.url()).toBe(grid.url);
    await page.close();
  });

  it('a badge the page moves onto another card goes back to its own', async () => {
    const { page } = await openPage(harness, SHOPEE_GRID);
    await badgeCount(page, 3);
    const before = await badgedItems(page);
    await page.evaluate(
      (plain) => {
        const badge = document.querySelector('soi-hang-badge');
        const other = document.querySelector(`a[href*="${plain}"]`)?.closest('li');
        other?.querySelector('div')?.prepend(badge as Element);
      },
      PLAIN_CARD.replace('.', '/'),
    );
    await eventually(
      async () =>
        JSON.stringify(await badgedItems(page)) === JSON.stringify(before) ? true : undefined,
      'every badge back on its own card',
    );
    await page.close();
  });
});
