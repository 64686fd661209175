/**
 * The warnings inside their roots, on the e2e build (its roots are open): axe-core, which cannot
 * enter a closed root, checks the banner and a badge's popover at 200% zoom on a dark page, and the
 * popup and the options. Their release-build twins are in warnings.e2e.ts (build-choice.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  E2E_EXTENSION_DIR,
  type Harness,
  launchOnFixtures,
  openExtensionPage,
  openPage,
  tabIdOf,
} from './harness';
import {
  axeViolations,
  badgeButton,
  badges,
  banner,
  popoverOf,
  SHOPEE_PRODUCT,
  staysWholeZoomedAndDark,
} from './warning-probes';

/**
 * axe-core cannot enter a closed root: our UI in a page is checked on the e2e build, whose roots
 * are open (build-choice.ts lists these tests and their twins above).
 */
describe('the warnings inside their roots, on the e2e build', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchOnFixtures(['shopee'], { extensionDir: E2E_EXTENSION_DIR });
  });
  afterAll(async () => harness?.close());

  const open = (url: string) => openPage(harness, url);
  const extensionPage = (path: string) => openExtensionPage(harness, path);

  it('at 200% zoom and on a dark page, banner and popover stay whole and readable', async () => {
    const { page } = await open(SHOPEE_PRODUCT);
    await staysWholeZoomedAndDark(page);
    expect(await axeViolations(page, ['soi-hang-banner', 'soi-hang-badge'])).toEqual([]);
    await page.close();
  });

  it('axe-core finds no serious or critical problem in the popup, the options or a product page with banner and open popover', async () => {
    const { page } = await open(SHOPEE_PRODUCT);
    await banner(page).waitFor();
    const host = badges(page).first();
    await badgeButton(host).click();
    await popoverOf(host).waitFor({ state: 'visible' });
    // Our UI only: the page around it is the marketplace's.
    expect(await axeViolations(page, ['soi-hang-banner', 'soi-hang-badge'])).toEqual([]);
    const tabId = await tabIdOf(harness, page);
    const popup = await extensionPage(`popup.html?tab=${tabId}`);
    expect(await axeViolations(popup)).toEqual([]);
    const options = await extensionPage('options.html');
    expect(await axeViolations(options)).toEqual([]);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});
