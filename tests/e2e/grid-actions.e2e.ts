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
import { eventually, fixturesOf, type Harness, launch, openPage } from './harness';
import { reportFrame, TIKI_GRID } from './report-probes';
import { SHOPEE_GRID } from './warning-probes';

const BADGE = { host: 'soi-hang-badge', inner: '[data-testid="soi-hang-badge"]' };
const POPOVER = { host: 'soi-hang-badge', inner: '[data-testid="soi-hang-popover"]' };

describe('a grid on the release build', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launch([
      ...fixturesOf('shopee').map(({ file, expected }) => ({ url: expected.url, file })),
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
});
