/**
 * Prices with their meaning, as a shopper reports them on the release build: a Tiki product page
 * whose headline is the price after promo codes ("Giá sau áp dụng mã khuyến mãi") → "Báo cáo" → the
 * dialog names the listed price and the price after codes, each as itself, and the registry gets
 * both with their currency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RegistryProcess, startRegistry } from '../helpers/registry';
import { clickIn, hostCount } from './closed-roots';
import { eventually, type Harness, launch, openPage } from './harness';
import {
  fillAndSend,
  registryHolds,
  reportFrame,
  storedReports,
  useRegistry,
} from './report-probes';

const TIKI_PROMO = 'https://tiki.vn/binh-giu-nhiet-mau-k-500ml-p0000000602.html?spid=0000006029';
const REPORT_BUTTON = {
  host: 'soi-hang-report-button',
  inner: '[data-testid="soi-hang-report-button"]',
};

describe('reporting a listing with a price after promo codes (release build)', () => {
  let registry: RegistryProcess;
  let harness: Harness;

  beforeAll(async () => {
    registry = await startRegistry('sqlite');
    harness = await launch([{ url: TIKI_PROMO, file: 'tiki/product-promo.html' }], {
      passThrough: (url) => url.startsWith(registry.url),
    });
    await useRegistry(harness, registry.url);
  });
  afterAll(async () => {
    await harness?.close();
    await registry?.cleanup();
  });

  it('"Báo cáo" on a Tiki product: the dialog shows both prices with their meaning, the registry both with their currency', async () => {
    const { page } = await openPage(harness, TIKI_PROMO);
    await eventually(
      async () => ((await hostCount(page, REPORT_BUTTON.host)) > 0 ? true : undefined),
      'the report button on the product page',
    );
    await clickIn(page, REPORT_BUTTON);
    const dialog = await reportFrame(page);
    const rows = await dialog
      .getByTestId('report-facts')
      .locator(':scope > dl > div')
      .evaluateAll((divs) =>
        divs.map((div) =>
          [div.querySelector('dt')?.textContent, div.querySelector('dd')?.textContent]
            .join(': ')
            .replace(/\s+/g, ' '),
        ),
      );
    expect(rows).toContain('Giá niêm yết: 147.000 ₫');
    expect(rows).toContain('Sau mã giảm giá: 111.720 ₫');
    // The headline (the price after codes) is never shown as the listed price.
    expect(rows).not.toContain('Giá niêm yết: 111.720 ₫');

    expect(await fillAndSend(dialog, ['counterfeit'])).toContain('Đã lưu báo cáo');
    await registryHolds(registry, 1, 'the report at the registry');
    const body = JSON.parse(storedReports(registry)[0]?.body ?? '{}');
    expect(body.listing).toMatchObject({
      platform: 'tiki',
      itemKey: 'tiki:item:0000000602',
      price: 147_000,
      currency: 'VND',
      promoPrice: 111_720,
    });
    await page.close();
  });
});
