/**
 * A report is delivered exactly once whatever happens on the way: the registry down when it is sent,
 * a 500 before the 200, the browser closed and started again on the same profile before delivery,
 * reports made while offline (fifty of them, over three hours, on the e2e build whose seam shifts the
 * clock). The real registry on 127.0.0.1 (fresh SQLite file); its database
 * is read after each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RegistryProcess, startRegistry } from '../helpers/registry';
import { E2E_EXTENSION_DIR, eventually, type Harness, launch, openPage } from './harness';
import { expectEachOnce } from './journey-checks';
import {
  fillAndSend,
  myReports,
  REPORT_PAGES,
  registryHolds,
  reportButton,
  reportFrame,
  reportHoveredCard,
  storedReports,
  UNFLAGGED_PRODUCT,
  useRegistry,
  workerOf,
} from './report-probes';
import { badgeButton, badges, popoverOf, SHOPEE_GRID } from './warning-probes';

/** Reports the unflagged product page through its own "Báo cáo" button and dialog. */
async function reportProduct(harness: Harness, reasons: string[]): Promise<void> {
  const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
  await reportButton(page).click();
  await fillAndSend(await reportFrame(page), reasons);
  await page.close();
}

/** Every report id the registry holds appears once: nothing was counted twice. */
describe('delivery of reports, exactly once', () => {
  let registry: RegistryProcess;
  const profile = mkdtempSync(path.join(tmpdir(), 'soi-hang-profile-'));
  let harness: Harness;
  const start = () =>
    launch(REPORT_PAGES, { profile, passThrough: (url) => url.startsWith(registry.url) });

  beforeAll(async () => {
    // Fifty reports of one install arrive within a minute here: the registry's own limit is raised.
    registry = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '1000' });
    harness = await start();
    await useRegistry(harness, registry.url);
  });

  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
    rmSync(profile, { recursive: true, force: true });
  });

  it('registry down when sent: kept as waiting, then delivered once when it is back', async () => {
    await registry.stop();
    await reportProduct(harness, ['counterfeit']);
    expect(await myReports(harness)).toEqual(['waiting']);
    await registry.start();
    await registryHolds(registry, 1, 'the report delivered once the registry is back', 60_000);
    expect((await myReports(harness))[0]).toMatch(/^(sent|received)$/);
    expectEachOnce(storedReports(registry));
  });

  it('a 500 before the 200: retried under the same id and stored once', async () => {
    const before = storedReports(registry).length;
    let refused = 0;
    await harness.context.route(`${registry.url}/v1/reports`, async (route) => {
      if (route.request().method() === 'POST' && refused === 0) {
        refused++;
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: '{"error":{"code":"internal","message":"boom"}}',
        });
      } else await route.continue();
    });
    const { page } = await openPage(harness, SHOPEE_GRID);
    await reportHoveredCard(page, '0000000009/0000000302', ['unsafe']);
    await registryHolds(registry, before + 1, 'the report after a 500', 60_000);
    expect(refused).toBe(1);
    await harness.context.unroute(`${registry.url}/v1/reports`);
    await page.waitForTimeout(1500);
    expect(storedReports(registry)).toHaveLength(before + 1);
    expectEachOnce(storedReports(registry));
    await page.close();
  });

  it('the browser closed before delivery and started again on the same profile: delivered once', async () => {
    const before = storedReports(registry).length;
    await registry.stop();
    const { page } = await openPage(harness, SHOPEE_GRID);
    await reportHoveredCard(page, '0000000007.0000000104', ['other']);
    await harness.close();
    await registry.start();
    harness = await start();
    await registryHolds(registry, before + 1, 'the report delivered after the restart', 60_000);
    expectEachOnce(storedReports(registry));
  });

  it('reports made offline on a page: all delivered, each once, after going online', async () => {
    const before = storedReports(registry).length;
    const offline = `${registry.url}/**`;
    await harness.context.route(offline, (route) => route.abort('internetdisconnected'));
    // An unflagged card's "Báo cáo", and a reason chip in a flagged card's details.
    const { page } = await openPage(harness, SHOPEE_GRID);
    await reportHoveredCard(page, '0000000007.0000000103', ['counterfeit']);
    await page.close();
    const { page: again } = await openPage(harness, SHOPEE_GRID);
    const flagged = badges(again).first();
    await badgeButton(flagged).click();
    const popover = popoverOf(flagged);
    await popover.locator('button.w-chip[data-reason="fake_brand"]').click();
    await popover.getByTestId('quick-report-outcome').waitFor();
    await again.close();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(storedReports(registry)).toHaveLength(before);
    await harness.context.unroute(offline);
    // The browser tells the worker it is online again (the event a real reconnection fires there).
    await workerOf(harness).evaluate(() => globalThis.dispatchEvent(new Event('online')));
    await registryHolds(registry, before + 2, 'the reports after going online', 30_000);
    expectEachOnce(storedReports(registry));
    await eventually(async () => {
      const states = await myReports(harness);
      return states.every((state) => state !== 'waiting') ? states : undefined;
    }, 'every report shown as delivered');
  });
});

/**
 * Fifty reports over three hours, made through the worker's seam that also shifts its clock (the
 * client allows twenty an hour): on the e2e build. Its release twin above makes its reports offline
 * through the page.
 */
describe('fifty reports made offline, on the e2e build', () => {
  let registry: RegistryProcess;
  let harness: Harness;

  beforeAll(async () => {
    // Fifty reports of one install arrive within a minute here: the registry's own limit is raised.
    registry = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '1000' });
    harness = await launch(REPORT_PAGES, {
      extensionDir: E2E_EXTENSION_DIR,
      passThrough: (url) => url.startsWith(registry.url),
    });
    await useRegistry(harness, registry.url);
  });

  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('fifty reports made offline: all delivered, each once, after going online', async () => {
    const before = storedReports(registry).length;
    const offline = `${registry.url}/**`;
    await harness.context.route(offline, (route) => route.abort('internetdisconnected'));
    const made = await workerOf(harness).evaluate(async (count) => {
      const e2e = (
        globalThis as unknown as {
          soiHangE2E: {
            submitReport(input: unknown): Promise<{ outcome: string }>;
            shiftReportClock(ms: number): void;
          };
        }
      ).soiHangE2E;
      const outcomes: string[] = [];
      const hour = 60 * 60 * 1000;
      for (let i = 0; i < count; i++) {
        // Made over the last three hours (at most 20 an hour, as the client allows).
        e2e.shiftReportClock(-3 * hour + Math.floor(i / 20) * hour + (i % 20) * 1000);
        const item = `0000000077.${String(5000 + i).padStart(10, '0')}`;
        const reply = await e2e.submitReport({
          listing: {
            platform: 'shopee',
            itemKey: `shopee:item:${item}`,
            title: `Tin đăng ngoại tuyến ${i}`,
            url: `https://shopee.vn/tin-${i}-i.${item}`,
            seenAt: new Date().toISOString(),
          },
          reasons: ['counterfeit'],
        });
        outcomes.push(reply.outcome);
      }
      e2e.shiftReportClock(0);
      return outcomes;
    }, 50);
    expect(made.filter((outcome) => outcome === 'saved')).toHaveLength(50);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(storedReports(registry)).toHaveLength(before);
    await harness.context.unroute(offline);
    // The browser tells the worker it is online again (the event a real reconnection fires there).
    await workerOf(harness).evaluate(() => globalThis.dispatchEvent(new Event('online')));
    await registryHolds(registry, before + 50, 'the fifty reports after going online', 30_000);
    expectEachOnce(storedReports(registry));
    await eventually(async () => {
      const states = await myReports(harness);
      return states.every((state) => state !== 'waiting') ? states : undefined;
    }, 'every report shown as delivered');
  });
});
