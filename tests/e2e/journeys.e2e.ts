/**
 * The three users' journeys, one after another on the release build pinned to the test key (what
 * shoppers install: closed shadow roots, read through the debugging protocol and pressed with real
 * input), against the registry process on 127.0.0.1:
 * - a shopper reads a badge's details, reports from a flagged card's chip, a hovered card and a
 *   product page, and sees each report's state;
 * - an inspector signs in (the registry's address already filled in), sees the reports on the page
 *   beside the shopper's warnings, decides from the panel, and finds the case on the dashboard;
 * - the registry publishes, the shopper syncs and sees the decision; the seller appeals, looks the
 *   appeal up, and once an inspector takes it up the badge and the banner themselves say contested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import {
  badgedItems,
  eventually,
  type Harness,
  launch,
  openExtensionPage,
  openPage,
  syncFromPopup,
  tabIdOf,
  useFeed,
} from './harness';
import { inspectorHosts, openPanel, productSection, signIn } from './inspector-probes';
import { expectSourcedDetails } from './journey-checks';
import {
  fillAndSend,
  REPORT_PAGES,
  registryHolds,
  reportButton,
  reportFrame,
  storedReports,
  UNFLAGGED_ITEM,
  UNFLAGGED_PRODUCT,
  useRegistry,
} from './report-probes';
import { badgeButton, badgeCount, badges, banner, popoverOf, SHOPEE_GRID } from './warning-probes';

/** The product the shopper reports and the inspector then confirms, as a grid card. */
const REPORTED_CARD = '0000000009.0000000301';
/** An unflagged grid card the shopper reports by pointing at it. */
const HOVERED_CARD = '0000000009.0000000302';
const INSPECTOR = 'Thanh tra viên hành trình';
const AUTHORITY = 'Chi cục QLTT TP. Hồ Chí Minh (thử nghiệm)';
const CASE_ID = 'QĐ 99/QĐ-XPVPHC';

describe('the three journeys on the release build', () => {
  let registry: RegistryProcess;
  let harness: Harness;
  let token: string;

  /** The badge of one grid card, pressed open: its details' text. */
  async function detailsOf(card: string): Promise<{ text: string; badge: string }> {
    const { page } = await openPage(harness, SHOPEE_GRID);
    const index = await eventually(async () => {
      const at = (await badgedItems(page)).indexOf(card);
      return at >= 0 ? at : undefined;
    }, `the badge of card ${card}`);
    const found = badges(page).nth(index);
    const badge = (await badgeButton(found).textContent()) ?? '';
    await badgeButton(found).click();
    await popoverOf(found).waitFor();
    const text = (await popoverOf(found).textContent()) ?? '';
    await page.close();
    return { text, badge };
  }

  beforeAll(async () => {
    registry = await startRegistry('sqlite', {
      PUBLISHER_NAME: 'Sổ đăng ký Soi Hàng (hành trình)',
      RATE_LIMIT_PER_MINUTE: '1000',
    });
    token = registry.token(INSPECTOR, 'inspector');
    harness = await launch(REPORT_PAGES, { passThrough: (url) => url.startsWith(registry.url) });
    await useRegistry(harness, registry.url);
  });
  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('a shopper reads a badge’s details and reports from its chip, from a hovered card and from a product page', async () => {
    const { page, errors } = await openPage(harness, SHOPEE_GRID);
    await badgeCount(page, 3);
    const host = badges(page).first();
    await badgeButton(host).click();
    const popover = popoverOf(host);
    await popover.waitFor();
    const details = (await popover.textContent()) ?? '';
    expectSourcedDetails(details);
    expect(page.url()).toBe(SHOPEE_GRID);
    await popover.locator('button.w-chip[data-reason="fake_brand"]').click();
    await popover.getByTestId('quick-report-outcome').waitFor();
    expect(await popover.getByTestId('quick-report-outcome').textContent()).toContain(
      'Đã lưu báo cáo',
    );
    await page.keyboard.press('Escape');

    await page
      .locator('li[data-sqe="item"]', {
        has: page.locator(`a[href*="${HOVERED_CARD.replace('.', '/')}"]`),
      })
      .hover();
    await reportButton(page).click();
    const hovered = await reportFrame(page);
    expect(await hovered.getByTestId('report-facts').textContent()).toContain('Bình giữ nhiệt');
    await fillAndSend(hovered, ['counterfeit']);
    expect(errors).toEqual([]);
    await page.close();

    const { page: product } = await openPage(harness, UNFLAGGED_PRODUCT);
    await reportButton(product).click();
    const dialog = await reportFrame(product);
    // The listing as a shopper knows it; the registry's keys stay folded away (what is rendered).
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is what is shown
    const shown = await dialog.getByTestId('report-facts').innerText();
    expect(shown).toContain('Shopee');
    expect(shown).not.toContain('shopee:item:');
    await fillAndSend(dialog, ['counterfeit'], 'Tem chống hàng giả bị bong');
    await registryHolds(registry, 3, 'the three reports at the registry');
    // Once delivered, the dialog says so rather than promising to send.
    await eventually(
      async () =>
        /Đã gửi/.test((await dialog.getByTestId('report-done').textContent()) ?? '')
          ? true
          : undefined,
      'the dialog saying the report was sent',
    );
    await product.close();
    expect(storedReports(registry).map((row) => row.item_key)).toContain(UNFLAGGED_ITEM);
  });

  it('an inspector signs in, sees the reports beside the warnings, decides from the panel and finds the case on the dashboard', async () => {
    const options = await openExtensionPage(harness, 'options.html');
    const section = options.getByTestId('inspector-section');
    // The registry reports go to is offered: the inspector only adds the token.
    await eventually(
      async () =>
        (await section.getByLabel('Địa chỉ sổ đăng ký').inputValue()) === registry.url
          ? true
          : undefined,
      'the registry address offered',
    );
    await options.close();
    const signed = await signIn(harness, registry.url, token);
    expect(signed.signedIn).toBe(true);
    await signed.options.close();

    const { page: grid } = await openPage(harness, SHOPEE_GRID);
    const marker = inspectorHosts(grid).locator('.inspector-marker', { hasText: '1 phản ánh' });
    await marker.waitFor();
    await marker.click();
    await inspectorHosts(grid).locator('[data-testid="soi-hang-popover"]').waitFor();
    expect(grid.url()).toBe(SHOPEE_GRID);
    await grid.close();

    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    await productSection(page, '1 phản ánh');
    await inspectorHosts(page).getByRole('button', { name: 'Xử lý' }).click();
    const panel = await openPanel(harness, await tabIdOf(harness, page));
    expect(await panel.getByTestId('panel-story').textContent()).toContain('Tem chống hàng giả');
    // This build holds no access to capture tabs: the panel offers to ask for it.
    await panel.getByTestId('panel-allow-capture').waitFor();
    const form = panel.getByTestId('panel-decision');
    await form.getByLabel('Xác nhận vi phạm').check();
    await form.getByLabel('hàng giả', { exact: true }).check();
    await form.getByLabel('Cơ quan kết luận').fill(AUTHORITY);
    await form.getByLabel('Số hồ sơ hoặc quyết định').fill(CASE_ID);
    await form.getByLabel('Tóm tắt (tiếng Việt)').fill('Bán áo thun giả nhãn hiệu mẫu.');
    await form.getByLabel('Tóm tắt (tiếng Anh)').fill('Sells counterfeit branded T-shirts.');
    await panel.getByTestId('panel-send-decision').click();
    const api = client(registry, token);
    await eventually(async () => {
      const story = await api.get(`/v1/review/keys/${UNFLAGGED_ITEM}`);
      return story.body?.decisions?.[0]?.by === INSPECTOR ? true : undefined;
    }, 'the decision at the registry');
    expect(await productSection(page, 'đã xác nhận vi phạm')).toContain(CASE_ID);
    await panel.close();
    await page.close();

    const dashboard = await openExtensionPage(harness, 'dashboard.html');
    const row = dashboard.locator(`tr[data-key="${UNFLAGGED_ITEM}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('đã xác nhận vi phạm');
    await dashboard.close();
  });

  it('published and synced, the shopper sees the decision; the seller’s appeal, once taken up, turns the badge and the banner contested', async () => {
    const published = registry.cli('publish');
    expect(published.status, published.stderr).toBe(0);
    const options = await openExtensionPage(harness, 'options.html');
    await useFeed(options, `${registry.url}/v1/feed/manifest.json`, 'the sync from the registry');
    await options.close();
    const confirmed = await detailsOf(REPORTED_CARD);
    expect(confirmed.text).toContain(`Nguồn: ${AUTHORITY}`);
    expect(confirmed.text).toContain(CASE_ID);

    // The seller appeals on the registry's own form, and looks the appeal up.
    const seller = await harness.context.newPage();
    await seller.goto(`${registry.url}/appeal?key=${encodeURIComponent(UNFLAGGED_ITEM)}`);
    await seller.getByLabel(/Giải trình/).fill('Chúng tôi là đại lý chính hãng, có hoá đơn.');
    await seller.getByLabel(/Liên hệ/).fill('shop@example.vn');
    await seller.getByRole('button', { name: 'Gửi khiếu nại' }).click();
    await seller.waitForSelector('h1:has-text("Đã nhận khiếu nại")');
    const confirmation = (await seller.locator('body').textContent()) ?? '';
    const id = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(
      confirmation,
    )?.[0];
    // The confirmation says where to look the appeal up.
    expect(confirmation).toContain(`/v1/appeals/${id}`);
    await seller.close();
    const status = async () => (await fetch(`${registry.url}/v1/appeals/${id}`)).json();
    expect(await status()).toMatchObject({ id, key: UNFLAGGED_ITEM, state: 'received' });

    const api = client(registry, token);
    expect((await api.post(`/v1/review/appeals/${id}`, { state: 'accepted' })).status).toBe(200);
    expect(await status()).toMatchObject({ state: 'accepted' });
    expect(registry.cli('publish').status).toBe(0);
    expect(await syncFromPopup(harness)).toBe('updated');

    const contested = await detailsOf(REPORTED_CARD);
    expect(contested.badge).toContain('Đang khiếu nại');
    expect(contested.text).toContain(AUTHORITY);
    const { page } = await openPage(harness, UNFLAGGED_PRODUCT);
    await banner(page).waitFor();
    const said = (await banner(page).textContent()) ?? '';
    expect(said).toContain('Đang khiếu nại');
    expect(said).toContain('Cân nhắc trước khi mua');
    expect(said).not.toContain('Không nên mua');
    await page.close();
  });
});
