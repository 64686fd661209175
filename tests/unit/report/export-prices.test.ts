/** "Báo cáo của tôi" as CSV: a price in đồng under price_vnd, any price with its currency beside. */
import { describe, expect, it } from 'vitest';
import type { ReportView } from '../../../utils/protocol/runtime/report-messages';
import { reportsCsv } from '../../../utils/report/export';

const view = (listing: Partial<ReportView['listing']>): ReportView => ({
  id: '3b9f6a1e-6c1d-4a7b-9f5e-2d8c7b6a5e4f',
  createdAt: '2026-12-03T08:00:00.000Z',
  updatedAt: '2026-12-03T08:00:00.000Z',
  listing: {
    platform: 'tiki',
    itemKey: 'tiki:item:602',
    title: 'Bình giữ nhiệt',
    url: 'https://tiki.vn/binh-p602.html',
    seenAt: '2026-12-03T08:00:00.000Z',
    ...listing,
  },
  reasons: ['counterfeit'],
  progress: 'received',
  registryUrl: 'https://so.example',
  attempts: 1,
});

function cells(csv: string): Record<string, string> {
  const [header = '', row = ''] = csv.replace('\uFEFF', '').split('\r\n');
  const values = row.split(',');
  return Object.fromEntries(header.split(',').map((name, i) => [name, values[i] ?? '']));
}

describe('prices in the CSV of my reports', () => {
  it('a price in đồng with the price after codes', () => {
    expect(
      cells(reportsCsv([view({ price: 147_000, currency: 'VND', promoPrice: 111_720 })])),
    ).toMatchObject({
      price_vnd: '"147000"',
      price: '"147000"',
      currency: '"VND"',
      promo_price: '"111720"',
    });
  });

  it('a price in Singapore dollars is never under price_vnd', () => {
    expect(cells(reportsCsv([view({ price: 108.99, currency: 'SGD' })]))).toMatchObject({
      price_vnd: '',
      price: '"108.99"',
      currency: '"SGD"',
      promo_price: '',
    });
  });

  it('an older report without a currency is in đồng', () => {
    expect(cells(reportsCsv([view({ price: 185_000 })]))).toMatchObject({
      price_vnd: '"185000"',
      currency: '"VND"',
    });
  });
});
