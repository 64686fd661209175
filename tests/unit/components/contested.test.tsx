import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { BadgeDetails } from '../../../components/BadgeDetails';
import { Banner } from '../../../components/Banner';
import { badgeElement } from '../../../components/badge-element';
import { advice } from '../../../components/warning-details-text';
import { badgeText, headline, tierOf } from '../../../components/warning-text';
import { setLanguage } from '../../../utils/i18n';
import type { RecordVerdict } from '../../../utils/protocol/runtime/verdict';
import { dataInfo, record } from '../../helpers/records';

function mount(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  render(node, container);
  return container;
}

const contested = (verdict: RecordVerdict): RecordVerdict => ({
  ...verdict,
  record: { ...verdict.record, appeal: 'pending' },
});

const confirmedItem: RecordVerdict = {
  status: 'confirmed',
  subject: 'item',
  record: record('shopee:item:1.2', { authority: 'Chi cục QLTT Hà Nội', updated: '2026-11-20' }),
};
const suspectedSeller: RecordVerdict = {
  status: 'suspected',
  subject: 'seller',
  record: record('shopee:seller:1', { status: 'suspected', caseId: undefined }),
};
const reportedItem: RecordVerdict = {
  status: 'reported',
  subject: 'item',
  record: record('shopee:item:1.3', { status: 'reported', reportCount: 7 }),
};
const confirmedContact: RecordVerdict = {
  status: 'confirmed',
  subject: 'contact',
  record: record('phone:+84912345678', { authority: 'Chi cục QLTT Hà Nội' }),
};

describe('the contested tier (a record under an accepted appeal)', () => {
  it('is its own tier only while the appeal is taken up', () => {
    expect(tierOf(confirmedItem)).toBe('confirmed');
    expect(tierOf(contested(confirmedItem))).toBe('contested');
    expect(tierOf(contested(reportedItem))).toBe('contested');
  });

  it('names the decision, who made it and when, then that the seller contests it (vi)', () => {
    setLanguage('vi');
    const verdict = contested(confirmedItem);
    expect(badgeText(verdict)).toBe('Đang khiếu nại');
    expect(headline(verdict)).toBe(
      'Đang khiếu nại: Chi cục QLTT Hà Nội đã kết luận sản phẩm này vi phạm ngày 20/11/2026; ' +
        'người bán đang khiếu nại, chờ xem xét lại',
    );
    expect(advice(verdict)).toMatch(/^Cân nhắc trước khi mua/);
    expect(advice(verdict)).not.toContain('Không nên mua');
    // Nothing of the uncontested record's words claims the matter is settled.
    expect(headline(verdict)).not.toContain('Vi phạm đã xác nhận');
  });

  it('says the same in English', () => {
    setLanguage('en');
    const verdict = contested(confirmedItem);
    expect(badgeText(verdict)).toBe('Under appeal');
    expect(headline(verdict)).toBe(
      'Under appeal: Chi cục QLTT Hà Nội found this product in violation on 20 Nov 2026; ' +
        'the seller is contesting it, pending review',
    );
    expect(advice(verdict)).toMatch(/^Think it over before buying/);
    setLanguage('vi');
  });

  it('keeps the hedged words of a suspicion or of reports, and names a contact', () => {
    setLanguage('vi');
    expect(headline(contested(suspectedSeller))).toBe(
      'Đang khiếu nại: người bán này đang bị nghi vấn, chưa có kết luận; ' +
        'người bán đang khiếu nại, chờ xem xét lại',
    );
    expect(headline(contested(reportedItem))).toContain('sản phẩm này có 7 phản ánh chưa xác minh');
    expect(headline(contested(confirmedContact))).toContain('«0912345678»');
    expect(headline(contested(confirmedContact))).toContain('Chi cục QLTT Hà Nội');
  });

  it('draws the badge in its own class, text and accessible name', () => {
    setLanguage('vi');
    const plain = badgeElement(document, confirmedItem);
    const badge = badgeElement(document, contested(confirmedItem));
    expect(badge.className).toBe('badge badge--contested');
    expect(badge.getAttribute('data-tier')).toBe('contested');
    expect(badge.getAttribute('data-status')).toBe('confirmed');
    expect(badge.textContent).toBe('Đang khiếu nại');
    // Not the shared name of the uncontested badge with the same status, source and date.
    expect(badge.getAttribute('aria-label')).not.toBe(plain.getAttribute('aria-label'));
    expect(badge.getAttribute('aria-label')).toMatch(/^Đang khiếu nại\. /);
    expect(badge.getAttribute('aria-label')).toContain('chờ xem xét lại');
    expect(plain.textContent).toBe('Vi phạm đã xác nhận');
  });

  it('draws the banner and the popover in the contested tier, with the softened advice', () => {
    setLanguage('vi');
    const banner = mount(<Banner verdict={contested(confirmedItem)} data={dataInfo()} />);
    const section = banner.querySelector('[data-testid="soi-hang-banner"]');
    expect(section?.className).toContain('banner--contested');
    expect(section?.getAttribute('data-tier')).toBe('contested');
    expect(section?.getAttribute('aria-label')).toContain('Đang khiếu nại');
    expect(banner.querySelector('[data-testid="banner-advice"]')?.textContent).toMatch(
      /^Cân nhắc trước khi mua/,
    );
    expect(banner.textContent).not.toContain('Không nên mua');
    expect(banner.querySelector('[data-testid="warning-appeal"]')).not.toBeNull();

    const details = mount(
      <BadgeDetails verdict={contested(confirmedItem)} data={null} onClose={() => undefined} />,
    );
    expect(details.querySelector('.w-card--contested')).not.toBeNull();
    expect(details.textContent).toContain('Đang khiếu nại: Chi cục QLTT Hà Nội');

    const uncontested = mount(<Banner verdict={confirmedItem} data={dataInfo()} />);
    expect(uncontested.textContent).toContain('Không nên mua');
    expect(
      uncontested.querySelector('[data-testid="soi-hang-banner"]')?.getAttribute('data-tier'),
    ).toBe('confirmed');
  });
});
