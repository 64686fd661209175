/**
 * Layout reports against the real process, on both backends: counts only, checked with zod, under
 * their own rate limit, counted per site and adapter version for inspectors, never in the feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from '../../server/db/dialect';
import type { LayoutReportsTable } from '../../server/store/layout/layout-reports';
import { ADAPTER_READS } from '../../utils/protocol/adapter-versions';
import { PLATFORMS } from '../../utils/protocol/keys';
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

describe('what a layout report may name', () => {
  it('only a version an adapter was released at, and a kind of page that adapter reads', () => {
    for (const version of ['9999-99-99', '0000-00-00', '2026-12-06', '2024-01-01']) {
      expect(LayoutReportSchema.safeParse({ ...REPORT, adapterVersion: version }).success).toBe(
        false,
      );
    }
    for (const [platform, pageKind] of [
      ['facebook', 'shop'],
      ['tiktok', 'shop'],
      ['sendo', 'shop'],
    ]) {
      const report = { ...REPORT, platform, pageKind, adapterVersion: '2026-11-28' };
      expect(LayoutReportSchema.safeParse(report).success, `${platform} ${pageKind}`).toBe(false);
    }
    // Every adapter's own version and page kinds are taken.
    for (const platform of PLATFORMS) {
      const { versions, pageKinds } = ADAPTER_READS[platform];
      for (const pageKind of pageKinds.filter((kind) => kind !== 'blocked')) {
        const report = { ...REPORT, platform, pageKind, adapterVersion: versions[0] };
        expect(LayoutReportSchema.safeParse(report).success, `${platform} ${pageKind}`).toBe(true);
      }
    }
  });
});

describe.each(BACKENDS)('layout reports over days (%s)', (backend) => {
  let registry: RegistryProcess;
  let store: OpenDatabase;
  beforeAll(async () => {
    registry = await startRegistry(backend, {
      LAYOUT_REPORTS_PER_NETWORK_PER_DAY: '3',
      TRUSTED_PROXIES: '127.0.0.1, ::1',
    });
    store = openDatabase(registry.databaseUrl);
  });
  afterAll(async () => {
    await store?.db.destroy();
    await registry?.cleanup();
  });

  it('a network sends a few a day, whatever its addresses; another network is not held back', async () => {
    const from = (address: string) =>
      client(registry).post('/v1/layout-reports', REPORT, { 'X-Forwarded-For': address });
    for (const host of [1, 2, 3]) expect((await from(`198.51.100.${host}`)).status).toBe(201);
    const over = await from('198.51.100.4');
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('203.0.113.1')).status).toBe(201);
  });

  it('keeps 90 days, and answers counts only, a bounded number of rows', async () => {
    const cutoff = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const layout = store.db.withTables<{ layout_reports: LayoutReportsTable }>();
    const row = {
      platform: 'lazada',
      page_kind: 'grid',
      adapter_version: '2026-12-07',
      listings: 0,
      unreadable: 0,
      card_like: 9,
    };
    await layout
      .insertInto('layout_reports')
      .values([
        { ...row, day: '2020-01-01' },
        ...Array.from({ length: 300 }, (_, n) => ({
          ...row,
          adapter_version: `old-${String(n).padStart(3, '0')}`,
          day: new Date().toISOString().slice(0, 10),
        })),
      ])
      .execute();
    const inspector = client(registry, registry.token('Thanh tra viên A', 'inspector'));
    const counts = (await inspector.get('/v1/review/layout-reports')).body.counts as Array<{
      lastDay: string;
    }>;
    expect(counts.length).toBeLessThanOrEqual(200);
    expect(counts.every((count) => count.lastDay >= cutoff)).toBe(true);
    // A report written drops what is past the kept days.
    const sent = await client(registry).post('/v1/layout-reports', REPORT, {
      'X-Forwarded-For': '192.0.2.1',
    });
    expect(sent.status).toBe(201);
    const old = await layout
      .selectFrom('layout_reports')
      .select('day')
      .where('day', '<', cutoff)
      .execute();
    expect(old).toEqual([]);
  });
});
