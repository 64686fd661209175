/**
 * Layout reports against the real process, on both backends: counts only, checked with zod, under
 * their own rate limit, counted per site and adapter version for inspectors, never in the feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LayoutReportSchema } from '../../utils/protocol/registry/layout-report';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';

const REPORT = {
  platform: 'tiki',
  pageKind: 'grid',
  adapterVersion: '2026-12-07',
  listings: 0,
  unreadable: 0,
  cardLike: 48,
};

describe.each(BACKENDS)('layout reports (%s)', (backend) => {
  let registry: RegistryProcess;
  beforeAll(async () => {
    registry = await startRegistry(backend);
  });
  afterAll(() => registry?.cleanup());

  it('takes counts only, refuses anything else, limits each address, and counts per version', async () => {
    const api = client(registry);
    expect((await api.post('/v1/layout-reports', REPORT)).status).toBe(201);
    expect(
      (await api.post('/v1/layout-reports', { ...REPORT, platform: 'shopee', pageKind: 'shop' }))
        .status,
    ).toBe(201);
    // Nothing but the counts: an address, a title or an id is refused, as is a made-up kind.
    for (const extra of [
      { url: 'https://tiki.vn/phong-an/c1954' },
      { title: 'Bình giữ nhiệt' },
      { itemKey: 'tiki:item:1' },
      { pageKind: 'other' },
    ]) {
      const refused = await api.post('/v1/layout-reports', { ...REPORT, ...extra });
      expect(refused.status, JSON.stringify(extra)).toBe(400);
    }
    expect((await api.post('/v1/layout-reports', 'x'.repeat(5000))).status).toBe(413);
    for (const extra of [{ adapterVersion: '<script>' }, { cardLike: -1 }, { listings: 1e9 }]) {
      expect(LayoutReportSchema.safeParse({ ...REPORT, ...extra }).success).toBe(false);
    }
    // Its own limit: six a minute from one address, refused ones included.
    const limited = await api.post('/v1/layout-reports', REPORT);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');

    expect((await api.get('/v1/review/layout-reports')).status).toBe(401);
    const inspector = client(registry, registry.token('Thanh tra viên A', 'inspector'));
    const counts = await inspector.get('/v1/review/layout-reports');
    expect(counts.status).toBe(200);
    const tiki = counts.body.counts.find((row: { platform: string }) => row.platform === 'tiki');
    expect(tiki).toMatchObject({ adapterVersion: '2026-12-07', pageKind: 'grid' });
    expect(tiki.reports).toBeGreaterThanOrEqual(1);
    expect(counts.body.counts).toContainEqual(
      expect.objectContaining({ platform: 'shopee', pageKind: 'shop', reports: 1 }),
    );
  });
});
