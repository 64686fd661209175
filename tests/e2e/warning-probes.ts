/**
 * Reading our warnings in a page: the badges, a badge's popover, the banner, where the focus is,
 * and what axe-core thinks of them.
 */
import { createRequire } from 'node:module';
import type { Frame, Locator, Page } from 'playwright-core';
import { type Expected, eventually, fixturesOf } from './harness';

const AXE_SOURCE: string = createRequire(import.meta.url)('axe-core').source;

export const SHOPEE_GRID = 'https://shopee.vn/search?keyword=sua+bot';
export const SHOPEE_PRODUCT = 'https://shopee.vn/Sua-bot-mau-A-900g-i.0000000007.0000000101';
/** The Shopee grid card whose seller (shopee:seller:0000000042) is flagged. */
export const SELLER_CARD = '0000000042.0000000201';

/** The expectations of a site's fixture of one page kind. */
export function pageOf(site: string, kind: string): Expected {
  const found = fixturesOf(site).find((f) => f.expected.pageKind === kind);
  if (!found) throw new Error(`${site} has no ${kind} fixture`);
  return found.expected;
}

export const badges = (page: Page) => page.locator('soi-hang-badge');
export const popoverOf = (host: Locator) => host.locator('[data-testid="soi-hang-popover"]');
export const banner = (page: Page) =>
  page.locator('soi-hang-banner [data-testid="soi-hang-banner"]');

/** Waits until the page shows exactly `count` badges. */
export function badgeCount(page: Page, count: number, what = `${count} badges`): Promise<true> {
  return eventually(async () => ((await badges(page).count()) === count ? true : undefined), what);
}

/** Which element has the focus, looking into our shadow roots. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const host = document.activeElement;
    const inner = host?.shadowRoot?.activeElement;
    return { host: host?.tagName.toLowerCase(), inner: inner?.getAttribute('data-testid') };
  });

/** axe-core's serious and critical violations, in the whole page or in these selectors only. */
export async function axeViolations(page: Page | Frame, include?: string[]): Promise<string[]> {
  // Evaluated through the debugging protocol, so an extension page's CSP does not stop it.
  await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    (context) =>
      (
        globalThis as unknown as {
          axe: { run(context: unknown, options: unknown): Promise<unknown> };
        }
      ).axe.run(context ?? document, { resultTypes: ['violations'] }),
    include ? { include: include.map((selector) => [selector]) } : null,
  )) as { violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
