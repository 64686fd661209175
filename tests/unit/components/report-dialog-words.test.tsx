/** What the report dialog tells a shopper: the listing as they know it, and where the report stands. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportDialog, type ReportDialogProps } from '../../../components/ReportDialog';
import { setLanguage } from '../../../utils/i18n';
import type { ReportDraftView } from '../../../utils/protocol/runtime/report-drafts';
import type {
  ReportProgress,
  SubmitReportReply,
} from '../../../utils/protocol/runtime/report-messages';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const draft: ReportDraftView = {
  token: '0f0e0d0c-0b0a-4098-8765-43210fedcba9',
  origin: 'page',
  listing: {
    platform: 'tiki',
    itemKey: 'tiki:item:274111',
    sellerKey: 'tiki:seller:9001',
    title: 'Kem chống nắng mẫu 50ml',
    price: 189000,
    url: 'https://tiki.vn/kem-chong-nang-p274111.html',
    seenAt: '2026-12-03T08:00:00.000Z',
  },
  sellerName: 'Nhà thuốc Mẫu',
  createdAt: '2026-12-03T08:00:00.000Z',
};

const byTestId = (root: ParentNode, id: string) =>
  root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function dialog(
  reply: SubmitReportReply,
  watch?: ReportDialogProps['watchProgress'],
  shown: ReportDraftView = draft,
) {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <ReportDialog
      draft={shown}
      context={{ registryUrl: 'https://so.example' }}
      onSubmit={async () => reply}
      onClose={() => undefined}
      renderAfter={() => null}
      {...(watch ? { watchProgress: watch } : {})}
    />,
    container,
  );
  return container;
}

async function send(root: HTMLElement): Promise<void> {
  root.querySelector<HTMLElement>('button.chip[data-reason="counterfeit"]')?.click();
  await settle();
  byTestId(root, 'report-send')?.click();
  await settle();
  await settle();
}

/** The text a shopper sees: a closed disclosure's content is not shown. */
function visibleText(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const closed of copy.querySelectorAll('details:not([open])')) {
    for (const child of [...closed.children]) if (child.tagName !== 'SUMMARY') child.remove();
  }
  return copy.textContent ?? '';
}

afterEach(() => document.body.replaceChildren());

describe('the report dialog, in words a shopper knows', () => {
  it('shows the listing by marketplace, title, shop and price, with its keys out of sight', () => {
    setLanguage('vi');
    const root = dialog({ outcome: 'saved', id: 'r1', progress: 'waiting', registryUrl: null });
    const facts = byTestId(root, 'report-facts') as HTMLElement;
    const shown = visibleText(facts);
    expect(shown).toContain('Tiki');
    expect(shown).toContain('Kem chống nắng mẫu 50ml');
    expect(shown).toContain('Nhà thuốc Mẫu');
    expect(shown).toContain('189.000 ₫');
    expect(shown).not.toContain('tiki:item:');
    expect(shown).not.toContain('tiki:seller:');
    // Still there for whoever opens the disclosure: they are part of what is sent.
    const ids = byTestId(facts, 'report-ids') as HTMLDetailsElement;
    expect(ids.tagName).toBe('DETAILS');
    expect(ids.open).toBe(false);
    expect(ids.textContent).toContain('tiki:item:274111');
    expect(ids.textContent).toContain('tiki:seller:9001');
  });

  it('says a report the registry already has was sent, not that it "will be sent"', async () => {
    setLanguage('vi');
    const root = dialog({
      outcome: 'saved',
      id: 'r1',
      progress: 'sent',
      registryUrl: 'https://so.example',
    });
    await send(root);
    const done = byTestId(root, 'report-done')?.textContent ?? '';
    expect(done).not.toContain('sẽ được gửi');
    expect(done).toContain('Đã gửi báo cáo');
    expect(done).toContain('so.example đã nhận');
  });

  it('follows a waiting report until it is delivered, in both languages', async () => {
    for (const language of ['vi', 'en'] as const) {
      setLanguage(language);
      let deliver: (progress: ReportProgress) => void = () => undefined;
      const stop = vi.fn();
      const watch = vi.fn((_id: string, onProgress: (progress: ReportProgress) => void) => {
        deliver = onProgress;
        return stop;
      });
      const root = dialog(
        { outcome: 'saved', id: 'r7', progress: 'waiting', registryUrl: 'https://so.example' },
        watch,
      );
      await send(root);
      expect(watch).toHaveBeenCalledWith('r7', expect.any(Function));
      const before = byTestId(root, 'report-done') as HTMLElement;
      expect(before.getAttribute('data-progress')).toBe('waiting');
      expect(before.textContent).toContain(language === 'vi' ? 'sẽ được gửi' : 'will be sent');
      deliver('received');
      await settle();
      const after = byTestId(root, 'report-done') as HTMLElement;
      expect(after.getAttribute('data-progress')).toBe('received');
      expect(after.textContent).not.toContain(language === 'vi' ? 'sẽ được gửi' : 'will be sent');
      expect(after.textContent).toContain(language === 'vi' ? 'Đã gửi báo cáo' : 'Report sent');
      render(null, root); // closing the dialog stops following
      expect(stop).toHaveBeenCalled();
      document.body.replaceChildren();
    }
    setLanguage('vi');
  });

  it('says so when the registry refused it', async () => {
    setLanguage('vi');
    const root = dialog({
      outcome: 'saved',
      id: 'r1',
      progress: 'refused',
      registryUrl: 'https://so.example',
    });
    await send(root);
    expect(byTestId(root, 'report-done')?.textContent).toContain('không nhận báo cáo');
  });
});

describe('the report dialog of a shop', () => {
  const shop: ReportDraftView = {
    ...draft,
    listing: {
      platform: 'shopee',
      itemKey: 'shopee:seller:0000000043',
      sellerKey: 'shopee:seller:0000000043',
      title: 'Cửa hàng mẫu 43',
      url: 'https://shopee.vn/cuahangmau43',
      seenAt: '2026-12-03T08:00:00.000Z',
    },
    sellerName: 'Cửa hàng mẫu 43',
  };

  it('is headed as a shop’s report and names its seller’s key once', () => {
    for (const [language, heading] of [
      ['vi', 'Báo cáo cửa hàng'],
      ['en', 'Report this shop'],
    ] as const) {
      setLanguage(language);
      const root = dialog(
        { outcome: 'saved', id: 'r1', progress: 'waiting', registryUrl: null },
        undefined,
        shop,
      );
      expect(root.querySelector('h1')?.textContent).toBe(heading);
      expect(byTestId(root, 'report-ids')?.textContent).toContain('shopee:seller:0000000043');
      expect(byTestId(root, 'report-ids')?.textContent).not.toContain(' · ');
      document.body.replaceChildren();
    }
    setLanguage('vi');
  });
});
