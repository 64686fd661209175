/**
 * A listing's prices as the report dialog, the copied summary and the inspector's case story show
 * them: the listed price in its own currency, the price after promo codes named as such, and a
 * report from before currencies were sent read as đồng.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { CaseStoryView } from '../../../components/CaseStoryView';
import { ListingFacts } from '../../../components/ListingFacts';
import { moneyText, priceLine } from '../../../components/price-text';
import { reportSummary } from '../../../components/report-summary';
import { setLanguage } from '../../../utils/i18n';
import { type ReportListing, ReportListingSchema } from '../../../utils/protocol/registry/report';
import { type CaseStory, emptySummary } from '../../../utils/protocol/registry/review';

function mount(node: preact.ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

const tiki: ReportListing = {
  platform: 'tiki',
  itemKey: 'tiki:item:0000000602',
  sellerKey: 'tiki:seller:0000000062',
  title: 'Bình giữ nhiệt mẫu K 500ml',
  price: 147_000,
  currency: 'VND',
  promoPrice: 111_720,
  url: 'https://tiki.vn/binh-giu-nhiet-mau-k-500ml-p0000000602.html',
  seenAt: '2026-12-02T08:00:00.000Z',
};
const shopeeSg: ReportListing = {
  platform: 'shopee',
  itemKey: 'shopee:item:0000000011.0000000111',
  title: 'Demo Figure Set G',
  price: 108.99,
  currency: 'SGD',
  url: 'https://shopee.sg/Demo-Figure-Set-G-i.0000000011.0000000111',
  seenAt: '2026-12-02T08:00:00.000Z',
};
/** As every report and outbox row from before a currency was sent. */
const older: ReportListing = { ...tiki, price: 185_000 };
delete older.currency;
delete older.promoPrice;

const facts = (listing: ReportListing) =>
  [...mount(<ListingFacts draft={{ listing }} />).querySelectorAll('dl > div')].map((row) =>
    [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent].join(': '),
  );

describe('prices with their meaning', () => {
  it('formats each amount the way its currency is written, naming a currency other than đồng', () => {
    expect(moneyText(147_000)).toBe('147.000 ₫');
    expect(moneyText(111_720, 'VND')).toBe('111.720 ₫');
    expect(moneyText(108.99, 'SGD')).toBe('$108.99 (SGD)');
    expect(moneyText(1250, 'SGD')).toBe('$1,250 (SGD)');
    expect(moneyText(24.17, 'USD')).toBe('$24.17 (USD)');
    expect(moneyText(12.9, 'MYR')).toMatch(/^RM ?12\.90 \(MYR\)$/);
    expect(moneyText(305, 'PHP')).toBe('₱305 (PHP)');
  });

  it('the dialog shows the listed price and the price after promo codes, each labelled', () => {
    setLanguage('vi');
    expect(facts(tiki)).toEqual(
      expect.arrayContaining(['Giá niêm yết: 147.000 ₫', 'Sau mã giảm giá: 111.720 ₫']),
    );
    expect(priceLine(tiki)).toBe('Giá niêm yết: 147.000 ₫ · Sau mã giảm giá: 111.720 ₫');
    setLanguage('en');
    expect(priceLine(tiki)).toBe('Listed price: 147.000 ₫ · After promo codes: 111.720 ₫');
    setLanguage('vi');
  });

  it('a price in dollars stays in dollars, with its currency', () => {
    expect(facts(shopeeSg)).toContain('Giá niêm yết: $108.99 (SGD)');
    expect(facts(shopeeSg).join('\n')).not.toContain('₫');
    expect(reportSummary(shopeeSg, ['counterfeit']).body).toContain('Giá niêm yết: $108.99 (SGD)');
  });

  it('an older report without a currency reads as đồng, with no price after codes', () => {
    expect(ReportListingSchema.safeParse(older).success).toBe(true);
    expect(facts(older)).toContain('Giá niêm yết: 185.000 ₫');
    expect(facts(older).join('\n')).not.toContain('Sau mã giảm giá');
    expect(reportSummary(tiki, ['counterfeit']).body).toContain(
      'Giá niêm yết: 147.000 ₫ · Sau mã giảm giá: 111.720 ₫',
    );
  });

  it("the inspector's case story shows each report's prices as the shopper saw them", () => {
    const report = {
      receivedAt: '2026-12-02T09:00:00.000Z',
      reasons: ['counterfeit' as const],
      title: 'x',
      url: 'https://tiki.vn/x-p1.html',
      note: null,
      contact: null,
      evidence: [],
    };
    const story: CaseStory = {
      case: { ...emptySummary('tiki:item:0000000602'), reports: 3 },
      record: null,
      reports: [
        {
          ...report,
          id: '00000000-0000-4000-8000-000000000001',
          price: 147_000,
          currency: 'VND',
          promoPrice: 111_720,
        },
        { ...report, id: '00000000-0000-4000-8000-000000000002', price: 108.99, currency: 'SGD' },
        { ...report, id: '00000000-0000-4000-8000-000000000003', price: null },
      ],
      decisions: [],
      notes: [],
      appeals: [],
      evidence: [],
      audit: [],
    };
    const lines = [
      ...mount(<CaseStoryView story={story} images={{}} />).querySelectorAll(
        '[data-testid="story-report"]',
      ),
    ].map((line) => line.textContent ?? '');
    expect(lines[0]).toContain('Giá niêm yết: 147.000 ₫ · Sau mã giảm giá: 111.720 ₫');
    expect(lines[1]).toContain('Giá niêm yết: $108.99 (SGD)');
    expect(lines[2]).not.toContain('Giá');
  });
});
