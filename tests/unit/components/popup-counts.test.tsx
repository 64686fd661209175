import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../../components/Popup';
import { setLanguage } from '../../../utils/i18n';
import { REPO_ROOT } from '../../helpers/fixtures';

const tab = {
  platform: 'shopee' as const,
  pageKind: 'grid' as const,
  checked: 60,
  flagged: 0,
  unreadable: 0,
  errors: 0,
  muted: 0,
  paused: false,
  listings: [],
  url: 'https://shopee.vn/search?keyword=a',
  updatedAt: '2026-11-28T00:00:00Z',
};

/** The popup in a document that has its own stylesheet, so colours can be read. */
function mount(node: preact.ComponentChild): HTMLElement {
  const style = document.createElement('style');
  style.textContent = readFileSync(path.join(REPO_ROOT, 'entrypoints/popup/style.css'), 'utf8');
  document.head.append(style);
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

const RED = /rgb\(179, 38, 30\)|#b3261e/i;

describe('the popup counts', () => {
  it('draws no flagged listings in a neutral colour, and some in red', () => {
    const none = mount(<Popup tab={tab} status={null} error={null} />);
    const zero = none.querySelector<HTMLElement>('[data-testid="count-flagged"]');
    expect(zero?.textContent).toBe('0');
    expect(getComputedStyle(zero as HTMLElement).color).not.toMatch(RED);
    document.body.replaceChildren();
    const some = mount(<Popup tab={{ ...tab, flagged: 2 }} status={null} error={null} />);
    const two = some.querySelector<HTMLElement>('[data-testid="count-flagged"]');
    expect(getComputedStyle(two as HTMLElement).color).toMatch(RED);
  });

  it('shows how many reports the shopper made, delivered or not, and how many wait', () => {
    setLanguage('vi');
    const delivered = mount(<Popup tab={tab} status={null} error={null} reports={1} />);
    expect(delivered.querySelector('[data-testid="popup-my-reports"]')?.textContent).toBe(
      'Báo cáo của tôi (1)',
    );
    expect(delivered.querySelector('[data-testid="popup-undelivered"]')).toBeNull();
    const waiting = mount(
      <Popup tab={tab} status={null} error={null} reports={3} undelivered={1} />,
    );
    expect(waiting.querySelector('[data-testid="popup-undelivered"]')?.textContent).toContain(
      '1 báo cáo chưa gửi',
    );
    setLanguage('en');
    const english = mount(
      <Popup tab={tab} status={null} error={null} reports={3} undelivered={1} />,
    );
    expect(english.querySelector('[data-testid="popup-my-reports"]')?.textContent).toBe(
      'My reports (3)',
    );
    expect(english.querySelector('[data-testid="popup-undelivered"]')?.textContent).toContain(
      '1 report not yet sent',
    );
    setLanguage('vi');
  });
});
