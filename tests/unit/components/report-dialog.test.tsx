/** The report dialog and the official channels, as components: what they show and what they send. */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ReportChannels } from '../../../components/ReportChannels';
import { ReportDialog } from '../../../components/ReportDialog';
import { reportSummary } from '../../../components/report-summary';
import { setLanguage } from '../../../utils/i18n';
import type { ReportDraftView } from '../../../utils/protocol/runtime/report-drafts';
import type { SubmitReportReply } from '../../../utils/protocol/runtime/report-messages';
import { channelHref, OFFICIAL_CHANNELS, PLATFORM_HELP } from '../../../utils/report/channels';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

const byTestId = (root: ParentNode, id: string) =>
  root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

const draft: ReportDraftView = {
  token: '0f0e0d0c-0b0a-4098-8765-43210fedcba9',
  origin: 'shortcut',
  listing: {
    platform: 'shopee',
    itemKey: 'shopee:item:1001.2002',
    sellerKey: 'shopee:seller:1001',
    title: 'Sữa bột <img src=x onerror=alert(1)> 800g',
    price: 185000,
    url: 'https://shopee.vn/sua-bot-i.1001.2002',
    seenAt: '2026-12-03T08:00:00.000Z',
  },
  sellerName: 'Shop Mẫu',
  createdAt: '2026-12-03T08:00:00.000Z',
  screenshot: { dataUrl: 'data:image/jpeg;base64,/9j/AA==', bytes: 204_800 },
};

function dialog(
  registryUrl: string | null,
  reply: SubmitReportReply = { outcome: 'saved', id: 'r1', progress: 'waiting', registryUrl },
) {
  const onSubmit = vi.fn(async () => reply);
  const onClose = vi.fn();
  const root = mount(
    <ReportDialog
      draft={draft}
      context={{ registryUrl }}
      onSubmit={onSubmit}
      onClose={onClose}
      renderAfter={(_reply, choices) => (
        <ReportChannels
          platform="shopee"
          summary={reportSummary(draft.listing, choices.reasons)}
          onCopy={async () => undefined}
        />
      )}
    />,
  );
  return { root, onSubmit, onClose };
}

describe('the report dialog', () => {
  it('shows the listing as read, as text, and says exactly what is sent and to whom', () => {
    setLanguage('vi');
    const { root } = dialog('https://so.example');
    const facts = byTestId(root, 'report-facts')?.textContent ?? '';
    expect(facts).toContain('Sữa bột <img src=x onerror=alert(1)> 800g');
    expect(root.querySelector('img[src="x"]')).toBeNull();
    expect(facts).toContain('185.000 ₫');
    expect(facts).toContain('Shop Mẫu');
    expect(facts).toContain('shopee:item:1001.2002');
    expect(byTestId(root, 'report-consent')?.textContent).toContain('so.example');
    expect(byTestId(root, 'report-consent')?.textContent).toContain('ảnh chụp màn hình');
    expect(root.querySelectorAll('button.chip')).toHaveLength(7);
    expect(byTestId(root, 'report-channels')).toBeNull(); // offered after sending
  });

  it('asks for a reason before sending, then sends the chosen reasons, note and contact', async () => {
    const { root, onSubmit } = dialog('https://so.example');
    byTestId(root, 'report-send')?.click();
    await settle();
    expect(root.querySelector('#reason-missing')?.textContent).toContain('ít nhất một lý do');
    expect(onSubmit).not.toHaveBeenCalled();
    root.querySelector<HTMLElement>('button.chip[data-reason="counterfeit"]')?.click();
    await settle();
    root.querySelector<HTMLElement>('button.chip[data-reason="unsafe"]')?.click();
    await settle();
    expect(
      root.querySelector('button.chip[data-reason="unsafe"]')?.getAttribute('aria-pressed'),
    ).toBe('true');
    const note = byTestId(root, 'report-note') as HTMLTextAreaElement;
    note.value = 'Hộp in mờ';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(byTestId(root, 'report-note-count')?.textContent).toBe('9/2000 ký tự');
    byTestId(root, 'report-screenshot-remove')?.click();
    await settle();
    expect(byTestId(root, 'report-screenshot')).toBeNull();
    expect(byTestId(root, 'report-consent')?.textContent).not.toContain('ảnh chụp màn hình');
    byTestId(root, 'report-send')?.click();
    await settle();
    await settle();
    expect(onSubmit).toHaveBeenCalledWith({
      reasons: ['counterfeit', 'unsafe'],
      note: 'Hộp in mờ',
      contact: '',
      withScreenshot: false,
    });
    expect(byTestId(root, 'report-done')?.textContent).toContain('so.example');
    expect(byTestId(root, 'report-channels')).not.toBeNull();
  });

  it('cuts a pasted note at 2,000 characters and says so', async () => {
    const { root } = dialog('https://so.example');
    const note = byTestId(root, 'report-note') as HTMLTextAreaElement;
    note.value = 'x'.repeat(100_000);
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(note.value).toHaveLength(2000);
    expect(byTestId(root, 'report-note-count')?.textContent).toContain('giới hạn 2000');
  });

  it('says when the hourly limit is reached, and keeps the dialog', async () => {
    const { root } = dialog('https://so.example', {
      outcome: 'limited',
      until: '2026-12-03T09:00:00.000Z',
    });
    root.querySelector<HTMLElement>('button.chip[data-reason="other"]')?.click();
    await settle();
    byTestId(root, 'report-send')?.click();
    await settle();
    await settle();
    expect(byTestId(root, 'report-limited')?.textContent).toContain('20 báo cáo');
    expect(byTestId(root, 'report-dialog')).not.toBeNull();
  });

  it('without a registry: keeps the report locally and offers the official channels at once', () => {
    const { root } = dialog(null);
    expect(byTestId(root, 'report-consent')?.textContent).toContain('Chưa đặt sổ đăng ký');
    expect(byTestId(root, 'report-send')?.textContent).toBe('Lưu báo cáo');
    expect(byTestId(root, 'report-channels')).not.toBeNull();
  });
});

describe('the official channels', () => {
  it('are data with a source and a check date; the older hotline is marked to re-check', () => {
    for (const channel of OFFICIAL_CHANNELS) {
      expect(channel.source.length, channel.id).toBeGreaterThan(3);
      expect(channel.checked, channel.id).toMatch(/^\d{4}-\d{2}$/);
    }
    expect(OFFICIAL_CHANNELS.find((c) => c.id === 'market-surveillance-hotline')?.recheck).toBe(
      true,
    );
    expect(OFFICIAL_CHANNELS.find((c) => c.id === 'consumer-hotline')?.recheck).toBeUndefined();
  });

  it('render the marketplace first, then the authorities, with the summary in the email', () => {
    setLanguage('vi');
    const summary = reportSummary(draft.listing, ['counterfeit'], { id: 'r1' });
    const root = mount(
      <ReportChannels platform="lazada" summary={summary} onCopy={async () => undefined} />,
    );
    const items = [...root.querySelectorAll('li')].map((li) => li.getAttribute('data-channel'));
    expect(items[0]).toBe('platform');
    expect(root.querySelector('li[data-channel="platform"] a')?.getAttribute('href')).toBe(
      PLATFORM_HELP.lazada,
    );
    expect(root.textContent).toContain('1800 6838');
    expect(root.textContent).toContain('1900 888 655');
    expect(
      root.querySelector('li[data-channel="market-surveillance-hotline"]')?.textContent,
    ).toContain('kiểm tra lại');
    const mail =
      root.querySelector('li[data-channel="moit-ecommerce-email"] a')?.getAttribute('href') ?? '';
    expect(mail.startsWith('mailto:qltmdt@moit.gov.vn?subject=')).toBe(true);
    expect(decodeURIComponent(mail)).toContain('shopee:item:1001.2002');
    expect(decodeURIComponent(mail)).toContain('Mã báo cáo: r1');
    const email = OFFICIAL_CHANNELS.find((c) => c.kind === 'email');
    if (email) expect(channelHref(email)).toBe('mailto:qltmdt@moit.gov.vn');
  });
});

describe('Báo cáo của tôi', () => {
  it('shows each report as text with its state, the refusal reason, and what can be done', async () => {
    const { MyReports } = await import('../../../components/MyReports');
    setLanguage('vi');
    const onRetry = vi.fn();
    const onDelete = vi.fn();
    const base = {
      createdAt: '2026-12-03T08:00:00.000Z',
      updatedAt: '2026-12-03T08:00:00.000Z',
      listing: draft.listing,
      reasons: ['counterfeit' as const],
      registryUrl: 'https://so.example',
      attempts: 1,
    };
    const root = mount(
      <MyReports
        list={{
          reports: [
            {
              ...base,
              id: 'a',
              progress: 'refused',
              note: '<script>alert(1)</script>',
              lastError: { status: 400, code: 'invalid_body', message: 'note: quá dài' },
            },
            { ...base, id: 'b', progress: 'in_review' },
            { ...base, id: 'c', progress: 'expired' },
          ],
          undelivered: 2,
          registryUrl: 'https://so.example',
          defaultRegistryUrl: null,
        }}
        busy={false}
        onRetry={onRetry}
        onDelete={onDelete}
        onExport={() => undefined}
      />,
    );
    const items = [...root.querySelectorAll('[data-testid="my-report"]')];
    expect(
      items.map((item) => item.querySelector('[data-testid="my-report-progress"]')?.textContent),
    ).toEqual(['bị từ chối', 'đang xem xét', 'chưa gửi được']);
    expect(root.querySelector('script')).toBeNull();
    expect(items[0]?.textContent).toContain('<script>alert(1)</script>');
    expect(items[0]?.querySelector('[data-testid="my-report-refused"]')?.textContent).toContain(
      'note: quá dài',
    );
    expect(items[1]?.querySelector('[data-testid="my-report-retry"]')).toBeNull();
    items[2]?.querySelector<HTMLElement>('[data-testid="my-report-retry"]')?.click();
    expect(onRetry).toHaveBeenCalledWith('c');
    expect(byTestId(root, 'my-reports-undelivered')?.textContent).toContain('2 báo cáo');
  });
});

describe('the channels for a scam site', () => {
  it('put the cyber-security centre first', () => {
    setLanguage('vi');
    const root = mount(<ReportChannels platform="shopee" scamSite />);
    const channels = [...root.querySelectorAll('li')].map((li) => li.getAttribute('data-channel'));
    expect(channels.slice(0, 2)).toEqual(['platform', 'ncsc-report']);
    expect(
      mount(<ReportChannels platform="shopee" />).querySelector('[data-channel="ncsc-report"]'),
    ).toBeNull();
  });
});

describe('the report dialog going on from a frame', () => {
  it('starts from the reasons, note and contact chosen and written in the frame', async () => {
    setLanguage('vi');
    const onSubmit = vi.fn(async () => ({
      outcome: 'saved' as const,
      id: 'r1',
      progress: 'waiting' as const,
      registryUrl: 'https://so.example',
    }));
    const root = mount(
      <ReportDialog
        draft={{
          ...draft,
          choices: {
            reasons: ['counterfeit'],
            note: 'Tem chống hàng giả bị bong',
            contact: 'nguoimua@example.vn',
          },
        }}
        context={{ registryUrl: 'https://so.example' }}
        onSubmit={onSubmit}
        onClose={vi.fn()}
        renderAfter={() => null}
      />,
    );
    expect(
      root.querySelector('button.chip[data-reason="counterfeit"]')?.getAttribute('aria-pressed'),
    ).toBe('true');
    expect((byTestId(root, 'report-note') as HTMLTextAreaElement).value).toBe(
      'Tem chống hàng giả bị bong',
    );
    byTestId(root, 'report-send')?.click();
    await settle();
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        reasons: ['counterfeit'],
        note: 'Tem chống hàng giả bị bong',
        contact: 'nguoimua@example.vn',
      }),
    );
  });
});
