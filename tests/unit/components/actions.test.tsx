import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { BadgeDetails } from '../../../components/BadgeDetails';
import { Banner } from '../../../components/Banner';
import { Popup } from '../../../components/Popup';
import {
  LanguageSection,
  MutesSection,
  SignalsSection,
  SitesSection,
} from '../../../components/PreferenceSections';
import { setLanguage } from '../../../utils/i18n';
import { DEFAULT_PREFERENCES, type Preferences } from '../../../utils/protocol/runtime/preferences';
import type { Verdict } from '../../../utils/protocol/runtime/verdict';
import { dataInfo, record } from '../../helpers/records';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

const click = async (root: ParentNode, testId: string) => {
  root.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.click();
  await settle();
};

const suspected: Verdict = {
  status: 'suspected',
  subject: 'seller',
  record: record('shopee:seller:9', { status: 'suspected' }),
};
const confirmed: Verdict = {
  status: 'confirmed',
  subject: 'item',
  record: record('shopee:item:9.1'),
};
const now = new Date('2026-11-28T09:00:00Z');

describe('banner actions', () => {
  it('"Báo cáo" opens the report dialog; "Chi tiết" opens the summary', async () => {
    setLanguage('vi');
    const onReport = vi.fn();
    const banner = mount(<Banner verdict={suspected} data={dataInfo()} onReport={onReport} />);
    expect(
      banner.querySelector('[data-testid="banner-report"]')?.getAttribute('aria-haspopup'),
    ).toBe('dialog');
    await click(banner, 'banner-report');
    expect(onReport).toHaveBeenCalledTimes(1);
    await click(banner, 'banner-details');
    expect(banner.querySelector('[data-testid="warning-more"]')?.textContent).toContain(
      suspected.record.summary.vi,
    );
  });

  it('mutes the seller for good or for today; a confirmed warning offers to collapse, not hide', async () => {
    setLanguage('vi');
    const onMute = vi.fn();
    const banner = mount(<Banner verdict={suspected} data={null} onMute={onMute} />);
    await click(banner, 'mute-seller');
    await click(banner, 'mute-today');
    expect(onMute.mock.calls.map(([today]) => today)).toEqual([false, true]);
    expect(banner.querySelector('[data-testid="mute-seller"]')?.textContent).toBe(
      'Ẩn cảnh báo cho người bán này',
    );
    const strong = mount(<Banner verdict={confirmed} data={null} onMute={onMute} />);
    expect(strong.querySelector('[data-testid="mute-seller"]')?.textContent).toBe(
      'Thu gọn cảnh báo cho người bán này',
    );
    // No seller on the page: nothing to mute.
    const anonymous = mount(<Banner verdict={confirmed} data={null} />);
    expect(anonymous.querySelector('[data-testid="mute-seller"]')).toBeNull();
  });

  it('a collapsed confirmed warning still says what it is, and opens again', async () => {
    setLanguage('en');
    const banner = mount(<Banner verdict={confirmed} data={null} collapsed />);
    const section = banner.querySelector('[data-testid="soi-hang-banner"]');
    expect(section?.getAttribute('data-collapsed')).toBe('true');
    expect(section?.textContent).toContain('An authority has found this product in violation');
    await click(banner, 'banner-expand');
    expect(banner.querySelector('[data-collapsed]')).toBeNull();
    expect(banner.querySelector('[data-testid="warning-source"]')).not.toBeNull();
    setLanguage('vi');
  });

  it('the badge details carry source, date, advice and a close button', async () => {
    setLanguage('vi');
    const onClose = vi.fn();
    const details = mount(<BadgeDetails verdict={confirmed} data={dataInfo()} onClose={onClose} />);
    expect(details.textContent).toContain('Nguồn: Cơ quan thử nghiệm');
    expect(details.textContent).toContain('Không nên mua');
    await click(details, 'popover-close');
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('options: language, sites and mutes', () => {
  const muted: Preferences = {
    language: 'vi',
    mutes: [
      {
        scope: 'seller',
        target: 'shopee:seller:7',
        label: 'Shop <b>A</b>',
        createdAt: now.toISOString(),
        until: '2026-11-28T16:59:59.999Z',
      },
      { scope: 'site', target: 'tiki', createdAt: now.toISOString() },
    ],
  };

  it('switches the language', async () => {
    const onChange = vi.fn();
    const section = mount(
      <LanguageSection preferences={DEFAULT_PREFERENCES} now={now} onChange={onChange} />,
    );
    const select = section.querySelector('select') as HTMLSelectElement;
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    expect(onChange).toHaveBeenCalledWith({ language: 'en', mutes: [] });
  });

  it('turns a site off and on: a site mute without end', async () => {
    const onChange = vi.fn();
    const section = mount(<SitesSection preferences={muted} now={now} onChange={onChange} />);
    const tiki = section.querySelector('[data-testid="site-tiki"]') as HTMLInputElement;
    const shopee = section.querySelector('[data-testid="site-shopee"]') as HTMLInputElement;
    expect([tiki.checked, shopee.checked]).toEqual([false, true]);
    shopee.click();
    expect(onChange.mock.calls[0]?.[0].mutes[0]).toMatchObject({ scope: 'site', target: 'shopee' });
    expect(onChange.mock.calls[0]?.[0].mutes[0].until).toBeUndefined();
    tiki.click();
    expect(onChange.mock.calls[1]?.[0].mutes.map((m: { target: string }) => m.target)).toEqual([
      'shopee:seller:7',
    ]);
  });

  it('switches an on-page signal off and on again', async () => {
    const onChange = vi.fn();
    const on = mount(
      <SignalsSection preferences={DEFAULT_PREFERENCES} now={now} onChange={onChange} />,
    );
    const replica = on.querySelector('[data-testid="signal-replicaWords"]') as HTMLInputElement;
    expect(replica.checked).toBe(true);
    expect(on.textContent).toContain('rep 1:1');
    replica.click();
    expect(onChange).toHaveBeenLastCalledWith({
      ...DEFAULT_PREFERENCES,
      signalsOff: ['replicaWords'],
    });
    const off = mount(
      <SignalsSection
        preferences={{ ...DEFAULT_PREFERENCES, signalsOff: ['replicaWords'] }}
        now={now}
        onChange={onChange}
      />,
    );
    const again = off.querySelector('[data-testid="signal-replicaWords"]') as HTMLInputElement;
    expect(again.checked).toBe(false);
    again.click();
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_PREFERENCES, signalsOff: [] });
  });

  it('lists every mute in force with its end, as text, and undoes one', async () => {
    setLanguage('vi');
    const onChange = vi.fn();
    const section = mount(<MutesSection preferences={muted} now={now} onChange={onChange} />);
    const rows = [...section.querySelectorAll('[data-testid="mute"]')].map(
      (row) => row.textContent,
    );
    expect(rows[0]).toContain('Người bán Shop <b>A</b>'); // a seller name is shown as text
    expect(rows[0]).toContain('đến');
    expect(rows[1]).toContain('Tiki');
    expect(rows[1]).toContain('cho đến khi bạn bỏ ẩn');
    section.querySelector<HTMLButtonElement>('[data-testid="unmute"]')?.click();
    expect(onChange.mock.calls[0]?.[0].mutes).toEqual([muted.mutes[1]]);
    const later = mount(
      <MutesSection
        preferences={muted}
        now={new Date('2026-11-29T09:00:00Z')}
        onChange={onChange}
      />,
    );
    expect(later.querySelectorAll('[data-testid="mute"]')).toHaveLength(1); // today's mute is over
  });
});

describe('popup: flagged listings and the pause switch', () => {
  const tab = {
    platform: 'sendo' as const,
    pageKind: 'grid' as const,
    checked: 40,
    flagged: 1,
    unreadable: 0,
    errors: 0,
    muted: 1,
    paused: false,
    listings: [
      {
        id: 1,
        title: 'Sữa <script>x</script>',
        status: 'confirmed' as const,
        subject: 'item' as const,
        muted: false,
      },
      {
        id: 2,
        title: 'Áo thun',
        status: 'reported' as const,
        subject: 'seller' as const,
        muted: true,
      },
    ],
    url: 'https://www.sendo.vn/tim-kiem?q=sua',
    updatedAt: now.toISOString(),
  };

  it('lists the flagged listings, each bringing its listing into view', async () => {
    setLanguage('vi');
    const onReveal = vi.fn();
    const popup = mount(<Popup tab={tab} status={null} error={null} onReveal={onReveal} />);
    const items = [...popup.querySelectorAll<HTMLButtonElement>('[data-testid="flagged-listing"]')];
    expect(items.map((item) => item.textContent)).toEqual([
      'Sữa <script>x</script>Vi phạm đã xác nhận',
      'Áo thunCó phản ánh · đã ẩn',
    ]);
    items[1]?.click();
    expect(onReveal).toHaveBeenCalledWith(2);
    expect(popup.querySelector('[data-testid="count-muted"]')?.textContent).toBe('1');
  });

  it('pauses on this marketplace for good or for today, and resumes', async () => {
    setLanguage('vi');
    const onPause = vi.fn();
    const popup = mount(<Popup tab={tab} status={null} error={null} onPause={onPause} />);
    expect(popup.textContent).toContain('Tạm dừng Soi Hàng trên Sendo');
    (popup.querySelector('[data-testid="pause-site"]') as HTMLInputElement).click();
    await click(popup, 'pause-today');
    expect(onPause.mock.calls).toEqual([
      [true, false],
      [true, true],
    ]);
    const paused = mount(
      <Popup
        tab={{ ...tab, paused: true, listings: [] }}
        status={null}
        error={null}
        onPause={onPause}
      />,
    );
    expect(paused.textContent).toContain('Soi Hàng đang tạm dừng trên Sendo.');
    (paused.querySelector('[data-testid="pause-site"]') as HTMLInputElement).click();
    expect(onPause).toHaveBeenLastCalledWith(false, false);
  });
});
