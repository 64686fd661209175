import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { DataSection } from '../../../components/DataSection';
import { Options } from '../../../components/Options';
import { setLanguage } from '../../../utils/i18n';
import type { DataStatus } from '../../../utils/protocol/runtime/sync-status';
import { dataInfo } from '../../helpers/records';

function mount(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

const feedData = dataInfo({
  source: 'feed',
  sequence: 42,
  publisher: 'Registry',
  expiresAt: '2026-12-05T00:00:00Z',
  recordCount: 16_900,
  counts: { domain: 16_848, product: 61, item: 5 },
});

const status = (patch: Partial<DataStatus> = {}): DataStatus => ({
  data: feedData,
  sync: { result: 'updated', at: '2026-11-28T10:00:00Z', via: 'delta' },
  stale: false,
  feedUrl: 'https://feed.example/manifest.json',
  ...patch,
});

const text = (root: HTMLElement, id: string) =>
  root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

describe('data status (popup and options)', () => {
  it('says when the data is only held in memory', () => {
    setLanguage('vi');
    const root = mount(<DataSection status={status({ inMemory: true })} syncing={false} />);
    expect(text(root, 'data-in-memory')).toContain('dữ liệu tạm trong bộ nhớ');
    expect(
      text(mount(<DataSection status={status()} syncing={false} />), 'data-in-memory'),
    ).toBeNull();
  });

  it('says how many listed domains are never blocked, only when there are some', () => {
    setLanguage('vi');
    expect(
      text(mount(<DataSection status={status({ guarded: 4 })} syncing={false} />), 'data-guarded'),
    ).toMatch(/^4 tên miền trong dữ liệu không bao giờ bị chặn/);
    expect(
      text(mount(<DataSection status={status({ guarded: 0 })} syncing={false} />), 'data-guarded'),
    ).toBeNull();
  });

  it('shows sequence, publisher, dates, counts by kind and the last sync', () => {
    setLanguage('vi');
    const root = mount(<DataSection status={status()} syncing={false} onSync={() => undefined} />);
    expect(text(root, 'data-version')).toBe('Phiên bản 42 · nguồn cập nhật');
    expect(text(root, 'data-publisher')).toBe('Registry');
    expect(text(root, 'data-records')).toBe('16.900 bản ghi');
    expect(text(root, 'data-counts')).toBe(
      'Theo loại: 5 sản phẩm, 16.848 trang web, 61 tên sản phẩm',
    );
    expect(text(root, 'sync-status')).toContain('Đã cập nhật lúc');
    expect(root.textContent).toContain('Hết hạn');
    expect(text(root, 'data-stale')).toBeNull();
    expect(text(root, 'sync-now')).toBe('Cập nhật ngay');
  });

  it('says why a sync failed, that the old data stays, and when the data is stale', () => {
    setLanguage('vi');
    const failed = status({
      stale: true,
      sync: {
        result: 'failed',
        at: '2026-11-28T10:00:00Z',
        errorCode: 'bad_signature',
        message: 'x',
      },
    });
    const root = mount(<DataSection status={failed} syncing={false} />);
    expect(text(root, 'sync-status')).toContain('chữ ký không hợp lệ');
    expect(text(root, 'sync-status')).toContain('Vẫn dùng dữ liệu cũ');
    expect(text(root, 'data-stale')).toContain('quá hạn');
    setLanguage('en');
    const english = mount(<DataSection status={failed} syncing={false} />);
    expect(text(english, 'sync-status')).toContain('bad signature');
    const none = mount(
      <DataSection
        status={status({ sync: { result: 'not_configured', at: '2026-11-28T10:00:00Z' } })}
        syncing={true}
        onSync={() => undefined}
      />,
    );
    expect(text(none, 'sync-status')).toContain('no update source');
    expect((none.querySelector('[data-testid="sync-now"]') as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('says a feed far smaller than the shipped data replaced nothing, only when that was why', () => {
    setLanguage('vi');
    const refused = status({
      data: dataInfo({ source: 'default', recordCount: 16_921 }),
      sync: {
        result: 'failed',
        at: '2026-11-28T10:00:00Z',
        errorCode: 'too_few_records',
        message: 'x',
        tooFew: { offered: 0, shipped: 16_921 },
      },
    });
    const root = mount(<DataSection status={refused} syncing={false} />);
    expect(text(root, 'sync-too-few')).toBe(
      'Nguồn cập nhật mới chỉ có 0 bản ghi, ít hơn nhiều so với 16921 bản ghi đi kèm tiện ích, ' +
        'và nhà phát hành không nói rằng nguồn này thay thế chúng. Soi Hàng không thay thế gì: ' +
        'vẫn giữ dữ liệu hiện có và vẫn chặn các trang lừa đảo đã biết.',
    );
    expect(text(root, 'sync-status')).toContain('nguồn cập nhật có quá ít bản ghi');
    setLanguage('en');
    const english = mount(<DataSection status={refused} syncing={false} />);
    expect(text(english, 'sync-too-few')).toContain(
      'The new feed holds only 0 records, far fewer than the 16921 shipped with the extension',
    );
    expect(text(english, 'sync-too-few')).toContain('Nothing was replaced');
    expect(
      text(mount(<DataSection status={status()} syncing={false} />), 'sync-too-few'),
    ).toBeNull();
  });

  it('options: saves a feed URL only when it is one, and can go back to the default', async () => {
    setLanguage('vi');
    const onFeedUrl = vi.fn();
    const root = mount(
      <Options
        status={status()}
        preferences={null}
        syncing={false}
        error={null}
        onSync={() => undefined}
        onFeedUrl={onFeedUrl}
        onPreferences={() => undefined}
      />,
    );
    const input = root.querySelector('[data-testid="feed-url"]') as HTMLInputElement;
    expect(input.value).toBe('https://feed.example/manifest.json');
    const form = root.querySelector('form') as HTMLFormElement;
    const rendered = () => new Promise((resolve) => setTimeout(resolve, 0));
    const submit = async (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await rendered();
      form.dispatchEvent(new Event('submit', { cancelable: true }));
      await rendered();
    };
    await submit('javascript:alert(1)');
    expect(onFeedUrl).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('https://');
    await submit('https://other.example/feed/manifest.json');
    expect(onFeedUrl).toHaveBeenLastCalledWith('https://other.example/feed/manifest.json');
    (root.querySelector('[data-testid="feed-reset"]') as HTMLButtonElement).click();
    expect(onFeedUrl).toHaveBeenLastCalledWith(null);
  });
});

describe('counts in the data section', () => {
  it('groups thousands as each language writes them', () => {
    setLanguage('en');
    const root = mount(<DataSection status={status()} syncing={false} />);
    expect(text(root, 'data-records')).toBe('16,900 records');
    setLanguage('vi');
  });
});
