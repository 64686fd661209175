/**
 * Inspector mode end to end in Chromium against the real registry on 127.0.0.1: signing in (and
 * being refused), the sections on a grid and on a product page, "Xử lý" and the panel's decision
 * reaching the registry's audit, `server:publish` and a second profile without a token that sees
 * only the shopper's badge; the dashboard (the longer steps: inspector-steps.ts). On the release
 * build, without the panel's screenshot (it needs access to all sites, which the panel asks the
 * browser for: a prompt no test can answer); with it, and axe-core inside the sections' roots, on
 * the e2e build (build-choice.ts). What a page can never reach: inspector-security.e2e.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryProcess } from '../helpers/registry';
import { E2E_EXTENSION_DIR, type Harness, openExtensionPage, openPage } from './harness';
import { inspectorHosts, productSection, signIn, startInspectorBed } from './inspector-probes';
import { type Bed, confirmFromPanel, dashboardCase } from './inspector-steps';
import { UNFLAGGED_PRODUCT, workerOf } from './report-probes';
import { axeViolations, badges, SHOPEE_GRID } from './warning-probes';

describe('inspector mode in Chromium', () => {
  let registry: RegistryProcess;
  let harness: Harness;
  let token: string;
  const bed = {} as Bed;

  beforeAll(async () => {
    ({ registry, harness, token } = await startInspectorBed());
    Object.assign(bed, { registry, harness, token });
  });
  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('refuses a wrong token and a revoked one with a message, and signs in with a valid one', async () => {
    const wrong = await signIn(
      harness,
      registry.url,
      'shr_000000000000_notatokenthisregistryissuedxxxxxxxxxxxxxx',
    );
    expect(wrong.signedIn).toBe(false);
    expect(wrong.text).toContain('Sổ đăng ký không nhận mã này');
    await wrong.options.close();

    const revoked = registry.token('Thanh tra viên đã nghỉ', 'inspector');
    const id = /^shr_([0-9a-f]{12})_/.exec(revoked)?.[1] ?? '';
    expect(registry.cli('token', ['--revoke', id]).status).toBe(0);
    const refused = await signIn(harness, registry.url, revoked);
    expect(refused.signedIn).toBe(false);
    expect(refused.text).toContain('Mã này đã bị thu hồi');
    await refused.options.close();

    const valid = await signIn(harness, registry.url, token);
    expect(valid.signedIn).toBe(true);
    expect(valid.text).toContain('Thanh tra viên e2e');
    expect(valid.text).toContain('thanh tra viên');
    expect(await axeViolations(valid.options, ['[data-testid="inspector-section"]'])).toEqual([]);
    await valid.options.close();

    // The toolbar and the popup say so plainly.
    const title = await workerOf(harness).evaluate(async () =>
      (
        globalThis as unknown as { chrome: { action: { getTitle(d: object): Promise<string> } } }
      ).chrome.action.getTitle({}),
    );
    // In the browser's own language, as the manifest's strings are.
    expect(title).toMatch(/^Soi Hàng — (Chế độ thanh tra|Inspector mode): Thanh tra viên e2e$/);
    const popup = await openExtensionPage(harness, 'popup.html');
    expect(await popup.getByTestId('popup-inspector').textContent()).toContain(
      'Chế độ thanh tra đang bật: Thanh tra viên e2e',
    );
    await popup.close();
  });

  it("a click on a grid card's report count opens its details; a product page the registry has no record of shows its count", async () => {
    const { page: grid } = await openPage(harness, SHOPEE_GRID);
    const marker = inspectorHosts(grid).locator('.inspector-marker', { hasText: '2 phản ánh' });
    await marker.waitFor();
    await marker.click();
    const popover = inspectorHosts(grid).locator('[data-testid="soi-hang-popover"]');
    await popover.waitFor({ state: 'visible' });
    const text = (await popover.textContent()) ?? '';
    expect(text).toContain('Chế độ thanh tra · Thanh tra viên e2e');
    expect(text).toContain('2 phản ánh, từ');
    expect(text).toContain('Hàng giả (2)');
    // Flagged cards still carry the shopper's badges; the registry knows nothing of theirs.
    expect(await badges(grid).count()).toBeGreaterThan(0);
    await grid.close();

    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    const section = await productSection(page, '2 phản ánh');
    expect(section).toContain('Tin đăng: chưa có kết luận');
    await page.close();
  });

  it('confirms from the panel without a screenshot (no access to capture tabs): the registry audits the inspector, the page updates, a tokenless profile sees only the badge', () =>
    confirmFromPanel(bed, false));

  it('lists the case on the dashboard, opens it in place, and exports the CSV and the evidence package without a screenshot', () =>
    dashboardCase(bed, false));
});

/**
 * On the e2e build: axe-core inside the sections' roots (a closed one it cannot enter), and the
 * panel's screenshot of the tab, which needs the access to all sites the release build's panel asks
 * the browser for (a prompt no test can answer). build-choice.ts lists these tests and their twins.
 */
describe('inspector mode inside its roots and with screenshots, on the e2e build', () => {
  let registry: RegistryProcess;
  let harness: Harness;
  let token: string;
  const bed = {} as Bed;

  beforeAll(async () => {
    ({ registry, harness, token } = await startInspectorBed({ extensionDir: E2E_EXTENSION_DIR }));
    Object.assign(bed, { registry, harness, token });
    const signed = await signIn(harness, registry.url, token);
    expect(signed.signedIn).toBe(true);
    await signed.options.close();
  });
  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('shows the report count on a grid card and a product page the registry has no record of', async () => {
    const { page: grid } = await openPage(harness, SHOPEE_GRID);
    const marker = inspectorHosts(grid).locator('.inspector-marker', { hasText: '2 phản ánh' });
    await marker.waitFor();
    await marker.click();
    const popover = inspectorHosts(grid).locator('[data-testid="soi-hang-popover"]');
    await popover.waitFor({ state: 'visible' });
    const text = (await popover.textContent()) ?? '';
    expect(text).toContain('Chế độ thanh tra · Thanh tra viên e2e');
    expect(text).toContain('2 phản ánh, từ');
    expect(text).toContain('Hàng giả (2)');
    // Flagged cards still carry the shopper's badges; the registry knows nothing of theirs.
    expect(await badges(grid).count()).toBeGreaterThan(0);
    await grid.close();

    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    const section = await productSection(page, '2 phản ánh');
    expect(section).toContain('Tin đăng: chưa có kết luận');
    expect(await axeViolations(page, ['soi-hang-inspector'])).toEqual([]);
    await page.close();
  });

  it('confirms from the panel: the registry audits the inspector, the page updates, a tokenless profile sees only the badge', () =>
    confirmFromPanel(bed, true));

  it('lists the case on the dashboard, opens it in place, and exports the CSV and the evidence package', () =>
    dashboardCase(bed, true));
});
