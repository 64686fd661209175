/** Valid reports for the server suites, each with fresh ids unless told otherwise. */
import { randomUUID } from 'node:crypto';
import type { Report } from '../../utils/protocol/registry/report';

export function report(
  overrides: Partial<Report> = {},
  listing: Partial<Report['listing']> = {},
): Report {
  return {
    id: randomUUID(),
    listing: {
      platform: 'shopee',
      itemKey: 'shopee:item:1001.2002',
      sellerKey: 'shopee:seller:1001',
      title: 'Sữa bột Colos IQ for Mum 800g',
      price: 185_000,
      url: 'https://shopee.vn/sua-bot-colos-i.1001.2002',
      seenAt: '2026-12-03T08:00:00.000Z',
      ...listing,
    },
    reasons: ['counterfeit'],
    note: 'Hộp in mờ, mã vạch không quét được.',
    clientId: randomUUID(),
    version: '0.1.0',
    ...overrides,
  };
}
