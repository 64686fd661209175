/**
 * Reports as an attacker sends them, against the real registry process on SQLite and PostgreSQL:
 * many made-up installs from one address or one network, keys and addresses that are not the
 * listing's, amendments that rewrite facts, control characters. Nothing of it may reach the feed.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseStorySchema, QueuePageSchema } from '../../utils/protocol/registry/review';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

const ITEM = 'shopee:item:1001.2002';
const SELLER = 'shopee:seller:1001';
const NETWORK_ITEM = 'shopee:item:3003.4004';

/** Sends `count` reports, ten at a time, each under an install id of its own. */
async function burst(
  registry: RegistryProcess,
  count: number,
  listing: Parameters<typeof report>[1],
  headersOf: (index: number) => Record<string, string> = () => ({}),
): Promise<number[]> {
  const statuses: number[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, offset) =>
      client(registry)
        .post('/v1/reports', report({ clientId: randomUUID() }, listing), headersOf(start + offset))
        .then((answer) => answer.status),
    );
    statuses.push(...(await Promise.all(batch)));
  }
  return statuses;
}

/** The records of the registry's current feed snapshot. */
async function feedRecords(registry: RegistryProcess): Promise<Array<{ key: string }>> {
  const manifest = (await client(registry).get('/v1/feed/manifest.json')).body;
  const snapshot = await fetch(`${registry.url}/v1/feed/${manifest.snapshot.url}`);
  const text = gunzipSync(Buffer.from(await snapshot.arrayBuffer()))
    .toString('utf8')
    .trim();
  return text ? text.split('\n').map((line) => JSON.parse(line)) : [];
}

describe.each(BACKENDS)('reports as an attacker sends them (%s)', (backend) => {
  let registry: RegistryProcess;
  let inspector: string;

  beforeAll(async () => {
    registry = await startRegistry(backend, {
      RATE_LIMIT_PER_MINUTE: '100000',
      IMPORT_SHIPPED_SOURCES: '0',
      // Our own proxy on loopback: the tests play it, and clients behind it, with X-Forwarded-For.
      TRUSTED_PROXIES: '127.0.0.1, ::1',
    });
    inspector = registry.token('Thanh tra viên A', 'inspector');
    // One unrelated record, so that a publish is not refused as empty (no shipped sources here).
    const file = path.join(registry.dir, 'one.ndjson');
    writeFileSync(
      file,
      `${JSON.stringify({
        key: 'tiki:seller:42',
        status: 'confirmed',
        reasons: ['counterfeit'],
        authority: 'Cục QLTT',
        caseId: 'QĐ 1/QĐ-XPHC',
        summary: { vi: 'Hàng giả', en: 'Counterfeit' },
        firstSeen: '2026-11-01',
        updated: '2026-11-02',
      })}\n`,
    );
    const imported = registry.cli('import', [file]);
    expect(imported.status, imported.stderr).toBe(0);
  });
  afterAll(() => registry?.cleanup());

  it('500 made-up installs from one address, and 500 from 50 addresses of one /24, publish nothing and count one network each', async () => {
    const fromOne = await burst(registry, 500, { itemKey: ITEM, sellerKey: SELLER });
    expect(fromOne.every((status) => status === 201)).toBe(true);
    const fromOneNetwork = await burst(
      registry,
      500,
      {
        itemKey: NETWORK_ITEM,
        sellerKey: 'shopee:seller:3003',
        url: 'https://shopee.vn/ao-thun-i.3003.4004',
      },
      (index) => ({ 'X-Forwarded-For': `198.51.100.${(index % 50) + 1}` }),
    );
    expect(fromOneNetwork.every((status) => status === 201)).toBe(true);

    const published = registry.cli('publish');
    expect(published.status, published.stderr).toBe(0);
    const keys = (await feedRecords(registry)).map((record) => record.key);
    for (const key of [ITEM, SELLER, NETWORK_ITEM, 'shopee:seller:3003']) {
      expect(keys).not.toContain(key);
    }

    const queue = await client(registry, inspector).get('/v1/review/queue?sort=networks');
    expect(QueuePageSchema.safeParse(queue.body).error).toBeUndefined();
    const row = (key: string) => queue.body.items.find((item: { key: string }) => item.key === key);
    expect(row(ITEM)).toMatchObject({ reports: 500, installs: 500, networks: 1 });
    expect(row(NETWORK_ITEM)).toMatchObject({ reports: 500, installs: 500, networks: 1 });
    const story = await client(registry, inspector).get(`/v1/review/keys/${ITEM}`);
    expect(CaseStorySchema.parse(story.body).case).toMatchObject({ installs: 500, networks: 1 });
    // Nothing in the queue says "shoppers" of a count it cannot vouch for, and nothing stores an address.
    expect(JSON.stringify(story.body)).not.toMatch(/127\.0\.0\.1|198\.51\.100/);
  });

  it('sorts and filters the queue by distinct networks', async () => {
    for (let i = 1; i <= 3; i++) {
      const sent = report(
        {},
        {
          itemKey: 'shopee:item:5005.6006',
          sellerKey: undefined,
          url: 'https://shopee.vn/x-i.5005.6006',
        },
      );
      const answer = await client(registry).post('/v1/reports', sent, {
        'X-Forwarded-For': `203.0.11${i}.9`,
      });
      expect(answer.status).toBe(201);
    }
    const api = client(registry, inspector);
    const byNetworks = await api.get('/v1/review/queue?sort=networks');
    expect(byNetworks.body.items[0]).toMatchObject({ key: 'shopee:item:5005.6006', networks: 3 });
    const wide = await api.get('/v1/review/queue?minNetworks=2');
    expect(wide.body.items.map((item: { key: string }) => item.key)).toEqual([
      'shopee:item:5005.6006',
    ]);
  });

  it.each([
    [{ itemKey: 'domain:vietcombank.com.vn' }, 'item_key_kind'],
    [{ itemKey: 'product:sua' }, 'item_key_kind'],
    [{ itemKey: 'phone:+84912345678' }, 'item_key_kind'],
    [{ itemKey: 'lazada:item:132621522' }, 'key_platform'],
    [{ sellerKey: 'domain:chinhphu.vn' }, 'seller_key_kind'],
    [{ url: 'https://evil.example/login' }, 'url_domain'],
    [{ url: 'https://shopee.vn/x-i.1001.9999' }, 'url_listing'],
  ])('refuses a listing that names something else: %o (%s)', async (listing, rule) => {
    const answer = await client(registry).post('/v1/reports', report({}, listing));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(rule);
  });

  it.each([
    ['shopee', 'https://shopee.vn/shop/999/search?page=0', 'url_listing'],
    ['shopee', 'https://shopee.vn/universal-link/shop/999', 'url_listing'],
    ['shopee', 'https://shopee.vn/search?keyword=x', 'url_listing'],
    ['shopee', 'https://help.shopee.vn/portal', 'url_domain'],
    ['tiki', 'https://tiki.vn/', 'url_listing'],
    ['facebook', 'https://www.facebook.com/profile.php?id=999', 'item_key_kind'],
    ['tiktok', 'https://www.tiktok.com/shop/store/other/7777', 'item_key_kind'],
  ])('refuses a shop report of %s at %s (%s)', async (platform, url, rule) => {
    const key = `${platform}:seller:42`;
    const listing = { platform: platform as 'shopee', itemKey: key, sellerKey: key, url };
    const answer = await client(registry).post('/v1/reports', report({}, listing));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(rule);
  });

  it('takes a shop report at its own shop page', async () => {
    const listing = { itemKey: 'shopee:seller:42', sellerKey: 'shopee:seller:42' };
    for (const url of ['https://shopee.vn/shop/42', 'https://shopee.vn/cuahangmau42']) {
      const answer = await client(registry).post('/v1/reports', report({}, { ...listing, url }));
      expect(answer.status, url).toBe(201);
    }
  });

  it('takes the scam site a listing sends shoppers to in a field of its own, for the review queue only', async () => {
    const sent = report({ reasons: ['scam_site'], site: 'shopee-khuyenmai.top' });
    expect((await client(registry).post('/v1/reports', sent)).status).toBe(201);
    const story = await client(registry, inspector).get(`/v1/review/keys/${ITEM}`);
    const mine = story.body.reports.find((entry: { id: string }) => entry.id === sent.id);
    expect(mine.site).toBe('shopee-khuyenmai.top');
    // The site is no case at all: the registry knows nothing about its key (no reports, no count).
    const site = await client(registry, inspector).get(
      '/v1/review/keys/domain:shopee-khuyenmai.top',
    );
    expect(site.status).toBe(404);
    expect(site.body.error.code).toBe('unknown_key');
    expect(registry.cli('publish').status).toBe(0);
    expect((await feedRecords(registry)).map((record) => record.key)).not.toContain(
      'domain:shopee-khuyenmai.top',
    );
  });

  it('an amendment changes reasons, note and contact only: the listing’s facts stay as first received', async () => {
    const first = report(
      { reasons: ['counterfeit'] },
      { title: 'Sữa bột Colos IQ 800g', price: 185_000 },
    );
    expect((await client(registry).post('/v1/reports', first)).status).toBe(201);
    const amended = {
      ...first,
      reasons: ['counterfeit', 'unsafe'],
      note: 'Thêm: hạn dùng bị sửa.',
      listing: {
        ...first.listing,
        title: 'Tiêu đề khác',
        price: 1,
        url: `${first.listing.url}?changed=1`,
      },
    };
    const answer = await client(registry).post('/v1/reports', amended);
    expect(answer.status).toBe(200);
    expect(answer.body.updated).toBe(true);
    const story = await client(registry, inspector).get(`/v1/review/keys/${ITEM}`);
    const kept = story.body.reports.find((entry: { id: string }) => entry.id === first.id);
    expect(kept).toMatchObject({
      title: 'Sữa bột Colos IQ 800g',
      price: 185_000,
      url: first.listing.url,
      reasons: ['counterfeit', 'unsafe'],
      note: 'Thêm: hạn dùng bị sửa.',
    });
  });

  it.each([
    ['a NUL in the note', report({ note: 'Hộp in mờ\u0000' })],
    ['a bell in the title', report({}, { title: 'Sữa bột\u0007' })],
    ['an escape in the contact', report({ contact: 'zalo\u001b[2J' })],
  ])('refuses %s with a 400 and stores nothing', async (_what, sent) => {
    const answer = await client(registry).post('/v1/reports', sent);
    expect(answer.status).toBe(400);
    expect((await client(registry).get(`/v1/reports/${sent.id}/status`)).status).toBe(404);
  });
});
