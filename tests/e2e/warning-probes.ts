/**
 * Reading our warnings in a page: the badges, a badge's popover, the banner, where the focus is
 * (inside closed roots as well as open ones, through closed-roots.ts), and what axe-core thinks of
 * them (open roots only).
 */
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Expected, eventually, fixturesOf } from './harness';
import { type Ours, ours } from './ours';

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

/** Each card's badge host; `.locator()` goes on inside its root, closed or open (closed-roots.ts). */
export const badges = (page: Page) => ours(page, 'soi-hang-badge');
/** The badge's own button in one host (or in every host). */
export const badgeButton = (host: Ours) => host.locator('[data-testid="soi-hang-badge"]');
export const popoverOf = (host: Ours) => host.locator('[data-testid="soi-hang-popover"]');
export const banner = (page: Page) =>
  ours(page, 'soi-hang-banner').locator('[data-testid="soi-hang-banner"]');
/** What a page with a banner shows inside the banner's root (its collapsed form, its buttons). */
export const bannerRoot = (page: Page) => ours(page, 'soi-hang-banner');

/** Waits until the page shows exactly `count` badges. */
export function badgeCount(page: Page, count: number, what = `${count} badges`): Promise<true> {
  return eventually(async () => ((await badges(page).count()) === count ? true : undefined), what);
}

/** Which element has the focus: the host in the page, and the control inside its root. */
export async function focused(page: Page): Promise<{ host?: string; inner?: string | null }> {
  const host = await page.evaluate(() => document.activeElement?.localName);
  if (!host?.startsWith('soi-hang-')) return { host };
  const inner = await ours(page, host).evaluateRoots(
    (roots) =>
      roots
        .map((root) => root.activeElement)
        .find(Boolean)
        ?.getAttribute('data-testid') ?? null,
  );
  return { host, inner };
}

/**
 * axe-core's serious and critical violations, in the whole page or in these selectors only. It
 * cannot enter a closed root: a page's warnings are checked on the e2e build (build-choice.ts).
 */
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

/**
 * At 200% zoom (a 600×400 CSS-pixel viewport of a 1200×800 window) on a dark page: the banner keeps
 * our own colours and fits, and a badge's popover opened by a click stays whole in view.
 */
export async function staysWholeZoomedAndDark(page: Page): Promise<void> {
  // 200% zoom of a 1200×800 window: a 600×400 CSS-pixel viewport.
  await page.setViewportSize({ width: 600, height: 400 });
  await page.addStyleTag({
    content:
      ':root { color-scheme: dark; } html, body, * { background: #111 !important; color: #eee !important; }',
  });
  await banner(page).waitFor();
  const fit = await banner(page).evaluate((section) => ({
    overflow: section.scrollWidth - section.clientWidth,
    width: section.getBoundingClientRect().width,
    color: getComputedStyle(section).color,
  }));
  expect(fit.overflow).toBeLessThanOrEqual(0);
  expect(fit.width).toBeLessThanOrEqual(600);
  expect(fit.color).toBe('rgb(29, 27, 26)'); // our own colours, not the page's
  const host = badges(page).first();
  await badgeButton(host).click();
  const popover = popoverOf(host);
  await popover.waitFor({ state: 'visible' });
  const box = await popover.boundingBox();
  expect(
    box && box.x >= 0 && box.x + box.width <= 600 && box.y >= 0 && box.y + box.height <= 400,
  ).toBe(true);
}
