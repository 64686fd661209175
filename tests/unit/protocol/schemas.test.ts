import { describe, expect, it } from 'vitest';
import { FlagRecordSchema } from '../../../utils/protocol/records';
import { MESSAGES } from '../../../utils/protocol/runtime/messages';
import { PageStatusSchema } from '../../../utils/protocol/runtime/page-status';
import { record } from '../../helpers/records';

describe('protocol schemas', () => {
  it('accepts a well-formed lookup request and refuses malformed ones', () => {
    const schema = MESSAGES.lookup.request;
    expect(schema.safeParse({ keys: ['shopee:item:1.2', 'shopee:seller:1'] }).success).toBe(true);
    expect(schema.safeParse({ keys: [] }).success).toBe(false);
    expect(schema.safeParse({ keys: ['not a key'] }).success).toBe(false);
    expect(schema.safeParse({ keys: 'shopee:item:1.2' }).success).toBe(false);
    expect(schema.safeParse({ keys: Array(501).fill('shopee:seller:1') }).success).toBe(false);
    expect(schema.safeParse(null).success).toBe(false);
  });

  it('accepts a page status and refuses negative or fractional counts', () => {
    const ok = {
      platform: 'shopee',
      pageKind: 'grid',
      checked: 3,
      flagged: 1,
      unreadable: 0,
      errors: 0,
      muted: 0,
      paused: false,
      listings: [{ id: 1, title: '<b>Áo</b>', status: 'confirmed', subject: 'item', muted: false }],
    };
    expect(PageStatusSchema.safeParse(ok).success).toBe(true);
    const listing = ok.listings[0];
    expect(
      PageStatusSchema.safeParse({ ...ok, listings: [{ ...listing, status: 'cleared' }] }).success,
    ).toBe(false);
    expect(PageStatusSchema.safeParse({ ...ok, listings: Array(101).fill(listing) }).success).toBe(
      false,
    );
    expect(PageStatusSchema.safeParse({ ...ok, checked: -1 }).success).toBe(false);
    expect(PageStatusSchema.safeParse({ ...ok, flagged: 1.5 }).success).toBe(false);
    expect(PageStatusSchema.safeParse({ ...ok, platform: 'amazon' }).success).toBe(false);
    expect(PageStatusSchema.safeParse({ ...ok, pageKind: 'home' }).success).toBe(false);
  });

  it('validates flag records strictly', () => {
    expect(FlagRecordSchema.safeParse(record('shopee:item:1.2')).success).toBe(true);
    const bad = [
      { ...record('shopee:item:1.2'), key: 'shopee:item:12' },
      { ...record('shopee:item:1.2'), status: 'counterfeit' },
      { ...record('shopee:item:1.2'), reasons: [] },
      { ...record('shopee:item:1.2'), reasons: ['Not A Code'] },
      { ...record('shopee:item:1.2'), summary: { vi: 'chỉ tiếng Việt' } },
      { ...record('shopee:item:1.2'), evidenceUrl: 'javascript:alert(1)' },
      { ...record('shopee:item:1.2'), updated: 'yesterday' },
      { ...record('shopee:item:1.2'), reportCount: -3 },
    ];
    for (const candidate of bad) expect(FlagRecordSchema.safeParse(candidate).success).toBe(false);
  });
});
