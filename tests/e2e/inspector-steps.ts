/**
 * The inspector suite's longer steps, run on either build (inspector.e2e.ts): "Xử lý" and the panel's
 * decision through to a tokenless shopper's badge, and the dashboard's case with its exports.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { client, type RegistryProcess } from '../helpers/registry';
import {
  eventually,
  type Harness,
  launch,
  openExtensionPage,
  openPage,
  tabIdOf,
  useFeed,
} from './harness';
import { inspectorHosts, openPanel, productSection } from './inspector-probes';
import { REPORT_PAGES, UNFLAGGED_ITEM, UNFLAGGED_PRODUCT } from './report-probes';
import { axeViolations, badgeButton, badges, popoverOf, SHOPEE_GRID } from './warning-probes';

const CASE_ID = 'QĐ 88/QĐ-XPVPHC';
const AUTHORITY = 'Chi cục QLTT TP. Hồ Chí Minh (thử nghiệm)';

/** An inspector suite's registry, browser and token. */
export interface Bed {
  registry: RegistryProcess;
  harness: Harness;
  token: string;
}

/**
 * "Xử lý" on a product page, the panel's decision and evidence (with the tab's screenshot when the
 * build may take one), the registry's audit, `server:publish`, and a second profile without a token
 * (the release build pinned to the test key) that sees only the shopper's badge.
 */
export async function confirmFromPanel(
  { harness, registry, token }: Bed,
  screenshot: boolean,
): Promise<void> {
  const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
  await productSection(page, '2 phản ánh');
  await inspectorHosts(page).getByRole('button', { name: 'Xử lý' }).click();
  const tabId = await tabIdOf(harness, page);

  const panel = await openPanel(harness, tabId);
  expect(await panel.getByTestId('panel-mode').textContent()).toContain('Thanh tra viên e2e');
  expect(await panel.getByTestId('report-facts').textContent()).toContain(UNFLAGGED_ITEM);
  expect(await panel.getByTestId('panel-story').textContent()).toContain('Phản ánh (2)');
  expect(await axeViolations(panel)).toEqual([]);

  const form = panel.getByTestId('panel-decision');
  await form.getByLabel('Xác nhận vi phạm').check();
  await form.getByLabel('hàng giả', { exact: true }).check();
  await form.getByLabel('Cơ quan kết luận').fill(AUTHORITY);
  await form.getByLabel('Số hồ sơ hoặc quyết định').fill(CASE_ID);
  await form.getByLabel('Tóm tắt (tiếng Việt)').fill('Bán sữa bột giả nhãn hiệu mẫu.');
  await form.getByLabel('Tóm tắt (tiếng Anh)').fill('Sells counterfeit milk powder.');
  await panel.getByTestId('panel-send-decision').click();
  await panel.getByTestId('panel-attach').click();

  const api = client(registry, token);
  // A screenshot is captured, uploaded and stored before the evidence shows: on a busy two-core
  // machine that has taken more than the default 15 s.
  const story = await eventually(
    async () => {
      const answer = await api.get(`/v1/review/keys/${UNFLAGGED_ITEM}`);
      const evidence = answer.body.evidence?.[0];
      return answer.body?.decisions?.length === 1 && (screenshot ? evidence?.screenshot : evidence)
        ? answer.body
        : undefined;
    },
    'the decision and the evidence at the registry',
    40_000,
  );
  expect(story.decisions[0]).toMatchObject({
    status: 'confirmed',
    caseId: CASE_ID,
    authority: AUTHORITY,
    by: 'Thanh tra viên e2e',
  });
  expect(
    story.audit.map((row: { action: string; by: string }) => `${row.action} ${row.by}`),
  ).toEqual([
    'decide:confirmed Thanh tra viên e2e',
    'evidence Thanh tra viên e2e',
    ...(screenshot ? ['evidence:screenshot Thanh tra viên e2e'] : []),
  ]);
  if (screenshot) expect(story.evidence[0].screenshot.mediaType).toBe('image/jpeg');
  else expect(story.evidence[0].screenshot ?? null).toBeNull();
  // The snapshot is the listing as read, and its hash is of those very bytes.
  const snapshot = await fetch(
    `${registry.url}/v1/review/evidence/${story.evidence[0].id}/snapshot`,
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  expect(JSON.parse(await snapshot.text()).listing.itemKey).toBe(UNFLAGGED_ITEM);

  // The page's section says so at once (the registry's view, asked again after delivery).
  expect(await productSection(page, 'đã xác nhận vi phạm')).toContain(CASE_ID);
  await panel.close();
  await page.close();

  expect(registry.cli('publish').status).toBe(0);
  const shopper = await launch(REPORT_PAGES, {
    passThrough: (url) => url.startsWith(registry.url),
  });
  try {
    const options = await openExtensionPage(shopper, 'options.html');
    await useFeed(options, `${registry.url}/v1/feed/manifest.json`, 'the shopper’s sync');
    await options.close();
    const { page: shopperPage } = await openPage(shopper, SHOPEE_GRID);
    const card = badges(shopperPage);
    await eventually(
      async () => ((await badges(shopperPage).count()) > 0 ? true : undefined),
      'badges',
    );
    const texts = await eventually(async () => {
      for (let i = 0; i < (await card.count()); i++) {
        const host = card.nth(i);
        await badgeButton(host).click();
        const body = (await popoverOf(host).textContent()) ?? '';
        if (body.includes(CASE_ID)) return body;
        await shopperPage.keyboard.press('Escape');
      }
      return undefined;
    }, 'the confirmed badge from the registry');
    expect(texts).toContain(`Nguồn: ${AUTHORITY}`);
    expect(await inspectorHosts(shopperPage).count()).toBe(0);
    await shopperPage.close();
  } finally {
    await shopper.close();
  }
}

/** The dashboard: the case listed and opened in place, its CSV and its evidence package. */
export async function dashboardCase({ harness }: Bed, screenshot: boolean): Promise<void> {
  const dashboard = await openExtensionPage(harness, 'dashboard.html');
  expect(await axeViolations(dashboard)).toEqual([]);
  const row = dashboard.locator(`tr[data-key="${UNFLAGGED_ITEM}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain('đã xác nhận vi phạm');
  expect(await dashboard.getByTestId('dashboard-chart-table').textContent()).toContain('Shopee');

  // Search by the item id and the most-reported order keep the case; another platform does not.
  await dashboard.getByLabel('Mã người bán hoặc mã sản phẩm').fill('0000000301');
  await dashboard.getByLabel('Sắp xếp').selectOption('reports');
  await dashboard.getByTestId('dashboard-apply').click();
  await eventually(
    async () =>
      (await dashboard.locator('[data-testid="dashboard-cases"] tbody tr').count()) === 1
        ? true
        : undefined,
    'one case found',
  );
  await dashboard.getByLabel('Sàn', { exact: true }).selectOption('lazada');
  await dashboard.getByTestId('dashboard-apply').click();
  await dashboard.getByTestId('dashboard-empty').waitFor();
  await dashboard.getByLabel('Sàn', { exact: true }).selectOption('');
  await dashboard.getByTestId('dashboard-apply').click();
  await row.waitFor();

  const csvDownload = dashboard.waitForEvent('download');
  await dashboard.getByTestId('dashboard-csv').click();
  const csv = readFileSync((await (await csvDownload).path()) ?? '', 'utf8');
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(header).toBe(
    'key,platform,title,status,reports,installs,networks,reasons,appeals,first_seen,last_seen',
  );
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    new RegExp(`^"${UNFLAGGED_ITEM}","shopee","[^"]+","confirmed","2","2","1","counterfeit:2"`),
  );
  // The page says how many cases the file holds, and that they are every one the filters match.
  await expect
    .poll(() => dashboard.getByTestId('dashboard-csv-progress').textContent())
    .toBe('Đã xuất 1 hồ sơ: mọi hồ sơ khớp bộ lọc.');

  const zipDownload = dashboard.waitForEvent('download');
  await row.getByTestId('dashboard-package').click();
  const zipped = await zipDownload;
  expect(zipped.suggestedFilename()).toMatch(
    /^soi-hang-ho-so-shopee_item_0000000009\.0000000301-\d{4}-\d{2}-\d{2}\.zip$/,
  );
  const files = unzipSync(readFileSync((await zipped.path()) ?? ''));
  const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array()));
  const story = JSON.parse(strFromU8(files['story.json'] ?? new Uint8Array()));
  expect(story.case.key).toBe(UNFLAGGED_ITEM);
  expect(story.decisions[0].caseId).toBe(CASE_ID);
  expect(manifest).toMatchObject({
    format: 'soi-hang-evidence-package',
    key: UNFLAGGED_ITEM,
    builtBy: 'Thanh tra viên e2e',
  });
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  for (const file of manifest.files as Array<{
    path: string;
    sha256: string;
    declaredSha256?: string;
  }>) {
    const bytes = files[file.path];
    expect(bytes, file.path).toBeDefined();
    expect(sha(bytes ?? new Uint8Array()), file.path).toBe(file.sha256);
    if (file.declaredSha256) expect(file.sha256, file.path).toBe(file.declaredSha256);
  }
  const snapshot = manifest.files.find((file: { path: string }) =>
    file.path.startsWith('snapshots/'),
  );
  expect(JSON.parse(strFromU8(files[snapshot.path] ?? new Uint8Array())).listing.itemKey).toBe(
    UNFLAGGED_ITEM,
  );
  const shot = manifest.files.find((file: { path: string }) =>
    file.path.startsWith('screenshots/'),
  );
  if (screenshot) {
    expect(shot.path).toMatch(/\.jpg$/);
    expect(shot.capturedAt).toBe(story.evidence[0].capturedAt);
    expect([...(files[shot.path] ?? []).slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  } else expect(shot).toBeUndefined();

  // "Mở tại trang": the listing opens in a tab of its own, with the inspector section.
  const opened = dashboard.waitForEvent('popup');
  await row.getByTestId('dashboard-open').click();
  const listing = await opened;
  await listing.waitForLoadState();
  expect(listing.url()).toBe(UNFLAGGED_PRODUCT);
  expect(await productSection(listing, CASE_ID)).toContain('Chế độ thanh tra · Thanh tra viên e2e');
  await listing.close();
  await dashboard.close();
}
