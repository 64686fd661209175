/**
 * A shop page as a page kind: a flagged seller's own shop gets the banner above the shop header, as
 * a product page does; an unflagged one gets the report action for the shop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tikiAdapter } from '../../../utils/sites/tiki';
import { ownFixture } from '../../helpers/fixtures';
import { setup } from '../../helpers/runner';

/** Our fixture in the test's document (on shopee.vn: another site's page is read at its own URL). */
function load(name: string, url?: string) {
  const { html } = ownFixture(name);
  document.documentElement.innerHTML = html
    .replace(/^[\s\S]*?<html[^>]*>/, '')
    .replace(/<\/html>\s*$/, '');
  if (url) history.replaceState(null, '', url);
}

describe('shop pages', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('a flagged seller’s shop: the banner above the shop header, and a badge on each card', async () => {
    load('shopee/shop-page', 'https://shopee.vn/cuahangmau42');
    const { runner, frame, statuses } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    const header = document.querySelector('.section-seller-overview-horizontal');
    expect(header?.previousElementSibling?.localName).toBe('soi-hang-banner');
    expect(document.querySelectorAll('soi-hang-banner')).toHaveLength(1);
    // The three grid cards and the collection row's repeat of one of them.
    expect(document.querySelectorAll('soi-hang-badge')).toHaveLength(4);
    expect(statuses.at(-1)).toMatchObject({ pageKind: 'shop', flagged: 5 });
    expect(statuses.at(-1)?.listings[0]).toMatchObject({
      title: 'Cửa hàng mẫu 42',
      subject: 'seller',
      status: 'suspected',
    });
  });

  it('an unflagged shop: the report action for the shop, under its header', async () => {
    load('tiki/shop-page');
    const { runner, frame, statuses } = setup({
      adapter: tikiAdapter,
      currentUrl: () => new URL('https://tiki.vn/cua-hang/nha-sach-mau-74'),
    });
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(document.querySelectorAll('soi-hang-banner, soi-hang-badge')).toHaveLength(0);
    const header = document.querySelector('[data-view-id="seller_header"]');
    const button = header?.nextElementSibling;
    expect(button?.localName).toBe('soi-hang-report-button');
    expect(button?.getAttribute('data-kind')).toBe('shop');
    expect(statuses.at(-1)).toMatchObject({ pageKind: 'shop', checked: 4, flagged: 0 });
    // What it reports: the shop's own listing, its seller.
    expect(runner.listingFor(undefined, null)).toMatchObject({
      kind: 'shop',
      itemKey: 'tiki:seller:0000000074',
      title: 'Nhà sách mẫu 74',
    });
  });

  it('the popup lists a shop by its name without the control characters the page put in it', async () => {
    // A page can name its shop with bidirectional overrides that make it read as another.
    load('shopee/shop-page', 'https://shopee.vn/cuahangmau42');
    document.querySelectorAll('script[type="application/ld+json"]').forEach((script) => {
      script.textContent = (script.textContent ?? '').replace(
        '"Cửa hàng mẫu 42"',
        JSON.stringify('\u202eCửa hàng\u0007 mẫu 42\u2066'),
      );
    });
    const { runner, frame, statuses } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(statuses.at(-1)?.listings[0]?.title).toBe('Cửa hàng mẫu 42');
  });
});
