import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Popup } from '../../../components/Popup';
import { dataInfo } from '../../helpers/records';

function mount(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  render(node, container);
  return container;
}

const tab = {
  platform: 'shopee' as const,
  pageKind: 'grid' as const,
  checked: 60,
  flagged: 3,
  unreadable: 1,
  errors: 0,
  muted: 0,
  paused: false,
  listings: [],
  url: 'https://shopee.vn/search?keyword=a',
  updatedAt: '2026-11-28T00:00:00Z',
};

describe('popup', () => {
  it('says plainly when it could not read a page, and offers the layout report with what it sends', () => {
    const unread = { ...tab, checked: 0, flagged: 0, unreadable: 0, unread: true, cardLike: 48 };
    let sent = 0;
    const popup = mount(
      <Popup tab={unread} status={null} error={null} onLayoutReport={() => sent++} />,
    );
    expect(popup.querySelector('[data-testid="page-unread"]')?.textContent).toContain(
      'Soi Hàng chưa đọc được trang này',
    );
    // No "0 flagged" for a page it could not read.
    expect(popup.querySelector('[data-testid="count-flagged"]')).toBeNull();
    expect(popup.textContent).toContain('Không gửi địa chỉ trang, tên sản phẩm hay mã nào');
    (popup.querySelector('[data-testid="layout-report"]') as HTMLButtonElement).click();
    expect(sent).toBe(1);
    const after = mount(<Popup tab={unread} status={null} error={null} layoutReportSent />);
    expect(after.querySelector('[data-testid="layout-report"]')).toBeNull();
    expect(after.querySelector('[data-testid="layout-report-sent"]')).not.toBeNull();
  });

  it('shows the counts of a supported page and the data version', () => {
    const popup = mount(
      <Popup
        tab={tab}
        status={{
          data: dataInfo({ sequence: 7, recordCount: 5 }),
          sync: null,
          stale: false,
          feedUrl: null,
        }}
        error={null}
      />,
    );
    const count = (id: string) => popup.querySelector(`[data-testid="count-${id}"]`)?.textContent;
    expect(count('checked')).toBe('60');
    expect(count('flagged')).toBe('3');
    expect(count('unreadable')).toBe('1');
    expect(popup.querySelector('[data-testid="count-errors"]')).toBeNull();
    expect(popup.querySelector('[data-testid="data-version"]')?.textContent).toContain(
      'Phiên bản 7',
    );
    expect(popup.querySelector('[data-testid="data-records"]')?.textContent).toBe('5 bản ghi');
  });

  it('says when a page is not supported, is a login wall, or failed to answer', () => {
    expect(mount(<Popup tab={null} status={null} error={null} />).textContent).toContain(
      'không kiểm tra trang này',
    );
    expect(
      mount(
        <Popup
          tab={{ ...tab, pageKind: 'blocked', checked: 0, flagged: 0, unreadable: 0 }}
          status={null}
          error={null}
        />,
      ).textContent,
    ).toContain('Trang đăng nhập');
    const failed = mount(<Popup tab={null} status={null} error="boom" />);
    expect(failed.querySelector('[role="alert"]')?.textContent).toContain('boom');
  });

  it('offers "Báo cáo trang này" on a product page only, and counts the undelivered reports', () => {
    const onReportPage = () => undefined;
    const grid = mount(<Popup tab={tab} status={null} error={null} onReportPage={onReportPage} />);
    expect(grid.querySelector('[data-testid="report-page"]')).toBeNull();
    expect(grid.querySelector('[data-testid="popup-undelivered"]')).toBeNull();
    const product = mount(
      <Popup
        tab={{ ...tab, pageKind: 'product' }}
        status={null}
        error={null}
        onReportPage={onReportPage}
        undelivered={3}
      />,
    );
    expect(product.querySelector('[data-testid="report-page"]')?.textContent).toBe(
      'Báo cáo trang này',
    );
    expect(product.querySelector('[data-testid="popup-undelivered"]')?.textContent).toContain(
      '3 báo cáo chưa gửi',
    );
  });
});

describe("the popup's list of flagged listings", () => {
  it('says a listing under an accepted appeal is contested, as its badge does', () => {
    const popup = mount(
      <Popup
        tab={{
          ...tab,
          listings: [
            { id: 1, title: 'Sữa bột', status: 'confirmed', subject: 'item', muted: false },
            {
              id: 2,
              title: 'Áo thun',
              status: 'confirmed',
              subject: 'item',
              contested: true,
              muted: false,
            },
          ],
        }}
        status={null}
        error={null}
      />,
    );
    const items = [...popup.querySelectorAll('[data-testid="flagged-listing"]')];
    expect(items[0]?.textContent).toContain('Vi phạm đã xác nhận');
    expect(items[1]?.textContent).toContain('Đang khiếu nại');
    expect(items[1]?.textContent).not.toContain('Vi phạm đã xác nhận');
    expect(items[1]?.querySelector('.dot--contested')).not.toBeNull();
  });
});
