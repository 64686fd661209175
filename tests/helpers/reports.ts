/**
 * Valid reports for the server suites, each with fresh ids unless told otherwise. A report names its
 * own listing only, so one whose item key (or platform) a test changes without giving an address
 * gets the address built from that key.
 */
import { randomUUID } from 'node:crypto';
import { listingUrlOfKey } from '../../utils/protocol/listing-address';
import type { Report } from '../../utils/protocol/registry/report';

const DEFAULT_URL = 'https://shopee.vn/sua-bot-colos-i.1001.2002';

export function report(
  overrides: Partial<Report> = {},
  listing: Partial<Report['listing']> = {},
): Report {
  const itemKey = listing.itemKey ?? 'shopee:item:1001.2002';
  const changed = 'itemKey' in listing || 'platform' in listing;
  const url = listing.url ?? (changed ? (listingUrlOfKey(itemKey) ?? DEFAULT_URL) : DEFAULT_URL);
  return {
    id: randomUUID(),
    listing: {
      platform: 'shopee',
      itemKey,
      sellerKey: 'shopee:seller:1001',
      title: 'Sữa bột Colos IQ for Mum 800g',
      price: 185_000,
      seenAt: '2026-12-03T08:00:00.000Z',
      ...listing,
      url,
    },
    reasons: ['counterfeit'],
    note: 'Hộp in mờ, mã vạch không quét được.',
    clientId: randomUUID(),
    version: '0.1.0',
    ...overrides,
  };
}

/** A screenshot as the registry checks one (a PNG by its signature), `size` bytes after it. */
export function screenshot(size: number, fill = 7): Buffer<ArrayBuffer> {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(size, fill),
  ]);
}
