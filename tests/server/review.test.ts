/**
 * The inspectors' side against the real registry process: the queue with its filters and paging,
 * one key's story, decisions with their audit, notes, appeals, the in-page lookup and publishing.
 * Who may call it: auth.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from '../../server/db/dialect';
import { ReportStatusSchema } from '../../utils/protocol/registry/report';
import {
  CaseStorySchema,
  InspectorLookupSchema,
  QueuePageSchema,
} from '../../utils/protocol/registry/review';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

const ITEM = 'lazada:item:555001';
const SELLER = 'lazada:seller:9001';

const decision = {
  key: ITEM,
  status: 'confirmed',
  reasons: ['counterfeit'],
  authority: 'Chi cục QLTT Hà Nội',
  caseId: 'QĐ 12/QĐ-XPHC',
  summary: { vi: 'Bán sữa giả nhãn hiệu Colos IQ.', en: 'Sells counterfeit Colos IQ milk.' },
};

describe.each(BACKENDS)('review (%s)', (backend) => {
  let registry: RegistryProcess;
  let store: OpenDatabase;
  let inspector: string;
  let admin: string;
  const reportIds: string[] = [];

  beforeAll(async () => {
    registry = await startRegistry(backend, { RATE_LIMIT_PER_MINUTE: '1000' });
    store = openDatabase(registry.databaseUrl);
    inspector = registry.token('Thanh tra viên A', 'inspector');
    admin = registry.token('Quản trị', 'admin');
    const api = client(registry);
    // Three installs report the Lazada listing; one reports a Tiki item as a scam site.
    for (let i = 0; i < 3; i++) {
      const sent = report(
        { reasons: i === 0 ? ['counterfeit', 'unsafe'] : ['counterfeit'] },
        {
          platform: 'lazada',
          itemKey: ITEM,
          sellerKey: SELLER,
          url: 'https://www.lazada.vn/products/-i555001.html',
        },
      );
      reportIds.push(sent.id);
      expect((await api.post('/v1/reports', sent)).status).toBe(201);
    }
    const tiki = report(
      { reasons: ['scam_site'] },
      { platform: 'tiki', itemKey: 'tiki:item:777', sellerKey: undefined },
    );
    expect((await api.post('/v1/reports', tiki)).status).toBe(201);
  });
  afterAll(async () => {
    await store?.db.destroy();
    await registry?.cleanup();
  });

  it('lists cases grouped by key with counts and reasons, filtered and paged', async () => {
    const api = client(registry, inspector);
    const all = await api.get('/v1/review/queue');
    expect(all.status).toBe(200);
    expect(QueuePageSchema.safeParse(all.body).error).toBeUndefined();
    const item = all.body.items.find((entry: { key: string }) => entry.key === ITEM);
    expect(item).toMatchObject({
      status: 'open',
      reports: 3,
      reasons: { counterfeit: 3, unsafe: 1 },
      appeals: 0,
    });
    expect(all.body.items.map((entry: { key: string }) => entry.key)).toEqual(
      expect.arrayContaining([ITEM, SELLER, 'tiki:item:777']),
    );
    const lazada = await api.get('/v1/review/queue?platform=lazada&min=3');
    expect(lazada.body.items.map((entry: { key: string }) => entry.key).sort()).toEqual([
      ITEM,
      SELLER,
    ]);
    const scam = await api.get('/v1/review/queue?reason=scam_site');
    expect(scam.body.items.map((entry: { key: string }) => entry.key)).toEqual(['tiki:item:777']);
    const future = await api.get('/v1/review/queue?from=2099-01-01T00:00:00Z');
    expect(future.body.items).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ key: string }>; next: string | null } } = await api.get(
        `/v1/review/queue?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((entry) => entry.key));
      cursor = page.body.next;
    } while (cursor);
    expect(seen.sort()).toEqual(all.body.items.map((entry: { key: string }) => entry.key).sort());

    expect((await api.get('/v1/review/queue?cursor=bogus')).body.error.code).toBe('invalid_cursor');
    expect((await api.get('/v1/review/queue?status=whatever')).body.error.code).toBe(
      'invalid_body',
    );
    expect((await api.get('/v1/review/queue?limit=100000')).status).toBe(400);
  });

  it('lists each case with the listing title of its latest report, as text', async () => {
    const api = client(registry);
    const key = 'sendo:item:424242';
    for (const title of ['Serum mẫu cũ', 'Serum <b>mẫu</b> mới']) {
      const sent = report(
        { reasons: ['counterfeit'] },
        {
          platform: 'sendo',
          itemKey: key,
          sellerKey: undefined,
          title,
          url: 'https://www.sendo.vn/serum-424242.html',
        },
      );
      expect((await api.post('/v1/reports', sent)).status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const page = await client(registry, inspector).get('/v1/review/queue?platform=sendo');
    expect(QueuePageSchema.safeParse(page.body).error).toBeUndefined();
    expect(page.body.items).toEqual([
      expect.objectContaining({ key, reports: 2, title: 'Serum <b>mẫu</b> mới' }),
    ]);
    const all = await client(registry, inspector).get('/v1/review/queue');
    const lazada = all.body.items.find((entry: { key: string }) => entry.key === ITEM);
    expect(typeof lazada.title).toBe('string');
  });

  it('records a decision with its audit, publishes it, and tells the reporters', async () => {
    const api = client(registry, inspector);
    const incomplete = await api.post('/v1/review/decisions', { ...decision, caseId: undefined });
    expect(incomplete.status).toBe(400);
    const note = await api.post('/v1/review/notes', {
      key: ITEM,
      text: 'Đã liên hệ Lazada <b>để</b> xác minh.',
    });
    expect(note.status).toBe(201);
    expect((await client(registry).get(`/v1/reports/${reportIds[0]}/status`)).body.state).toBe(
      'in_review',
    );

    const decided = await api.post('/v1/review/decisions', decision);
    expect(decided.status).toBe(201);
    expect(decided.body.record).toMatchObject({
      key: ITEM,
      status: 'confirmed',
      authority: decision.authority,
      caseId: decision.caseId,
      reportCount: 3,
    });

    const story = await api.get(`/v1/review/keys/${ITEM}`);
    expect(story.status).toBe(200);
    expect(CaseStorySchema.safeParse(story.body).error).toBeUndefined();
    expect(story.body.case.status).toBe('confirmed');
    expect(story.body.reports).toHaveLength(3);
    expect(story.body.notes[0]).toMatchObject({
      text: 'Đã liên hệ Lazada <b>để</b> xác minh.',
      by: 'Thanh tra viên A',
    });
    expect(story.body.audit.map((entry: { action: string }) => entry.action)).toEqual([
      'note',
      'decide:confirmed',
    ]);
    expect(story.body.audit[1]).toMatchObject({
      by: 'Thanh tra viên A',
      before: null,
      after: { status: 'confirmed' },
    });
    expect((await api.get('/v1/review/keys/tiki:item:424242')).status).toBe(404);

    const status = await client(registry).get(`/v1/reports/${reportIds[1]}/status`);
    expect(ReportStatusSchema.safeParse(status.body).error).toBeUndefined();
    expect(status.body).toMatchObject({
      state: 'decided',
      decision: { key: ITEM, status: 'confirmed', summary: decision.summary },
    });

    const cleared = await api.post('/v1/review/decisions', {
      ...decision,
      status: 'cleared',
      summary: { vi: 'Đã xác minh: hàng chính hãng.', en: 'Verified genuine.' },
    });
    expect(cleared.status).toBe(201);
    const audit = (await api.get(`/v1/review/keys/${ITEM}`)).body.audit;
    expect(audit.at(-1)).toMatchObject({
      action: 'decide:cleared',
      before: { status: 'confirmed' },
      after: { status: 'cleared' },
    });
    expect((await api.post('/v1/review/decisions', decision)).status).toBe(201);
  });

  it('gives inspectors a batched in-page view of the keys a page shows', async () => {
    const api = client(registry, inspector);
    const view = await api.get(`/v1/lookup?keys=${ITEM},${SELLER},shopee:item:1.2`);
    expect(view.status).toBe(200);
    expect(InspectorLookupSchema.safeParse(view.body).error).toBeUndefined();
    expect(view.body.entries.map((entry: { key: string }) => entry.key).sort()).toEqual([
      ITEM,
      SELLER,
    ]);
    const item = view.body.entries.find((entry: { key: string }) => entry.key === ITEM);
    expect(item.record.status).toBe('confirmed');
    expect(item.decisions.map((entry: { status: string }) => entry.status)).toEqual([
      'confirmed',
      'cleared',
      'confirmed',
    ]);
    const tooMany = Array.from({ length: 501 }, (_, i) => `tiki:item:${i + 1}`).join(',');
    expect((await api.get(`/v1/lookup?keys=${tooMany}`)).body.error.code).toBe('too_many_keys');
    expect((await api.get('/v1/lookup?keys=nonsense')).body.error.code).toBe('invalid_body');
  });

  it('takes appeals beside reports and publishes a contested record as such', async () => {
    const api = client(registry, inspector);
    const appeal = await client(registry).post('/v1/appeals', {
      key: ITEM,
      statement: 'Chúng tôi là nhà phân phối chính thức, có giấy tờ kèm theo.',
      contact: 'shop@example.vn',
    });
    expect(appeal.status).toBe(201);
    const queue = await api.get('/v1/review/queue?appealed=1');
    expect(queue.body.items.map((entry: { key: string }) => entry.key)).toEqual([ITEM]);
    expect(queue.body.items[0].appeals).toBe(1);
    expect((await client(registry).post('/v1/appeals', { key: ITEM, statement: '' })).status).toBe(
      400,
    );
    // A key nobody reported, appealed about: it is in the queue, on top, and paging reaches it.
    const unreported = await client(registry).post('/v1/appeals', {
      key: 'sendo:seller:4242',
      statement: 'Cửa hàng chúng tôi chưa từng bị xử phạt.',
    });
    expect(unreported.status).toBe(201);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ key: string }>; next: string | null } } = await api.get(
        `/v1/review/queue?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.body.items.map((entry) => entry.key));
      cursor = page.body.next;
    } while (cursor);
    expect(paged[0]).toBe('sendo:seller:4242');
    expect(paged).toEqual(expect.arrayContaining([ITEM, SELLER, 'tiki:item:777']));
    expect(
      (await api.post(`/v1/review/appeals/${randomUUID()}`, { state: 'accepted' })).status,
    ).toBe(404);
    expect(
      (await api.post(`/v1/review/appeals/${appeal.body.id}`, { state: 'accepted' })).status,
    ).toBe(200);
    expect(
      (await api.post(`/v1/review/appeals/${appeal.body.id}`, { state: 'rejected' })).status,
    ).toBe(409);
    // The page's inspector view gives each appeal with its state and statement.
    const lookup = await api.get(`/v1/lookup?keys=${ITEM}`);
    expect(InspectorLookupSchema.safeParse(lookup.body).error).toBeUndefined();
    expect(lookup.body.entries[0].appeals).toEqual([
      expect.objectContaining({
        id: appeal.body.id,
        state: 'accepted',
        statement: 'Chúng tôi là nhà phân phối chính thức, có giấy tờ kèm theo.',
      }),
    ]);
    // What goes to a page's content script never holds the seller's contact.
    expect(JSON.stringify(lookup.body)).not.toContain('shop@example.vn');

    const published = await client(registry, admin).post('/v1/review/publish', {});
    expect(published.status).toBe(200);
    const manifest = await client(registry).get('/v1/feed/manifest.json');
    expect(manifest.body.sequence).toBe(published.body.sequence);
    const snapshot = await fetch(`${registry.url}/v1/feed/${manifest.body.snapshot.url}`);
    const { gunzipSync } = await import('node:zlib');
    const lines = gunzipSync(Buffer.from(await snapshot.arrayBuffer()))
      .toString('utf8')
      .trim()
      .split('\n');
    const record = lines.map((line) => JSON.parse(line)).find((entry) => entry.key === ITEM);
    expect(record).toMatchObject({ status: 'confirmed', appeal: 'pending' });
    expect((await client(registry).get('/health')).body).toEqual({
      ok: true,
      database: 'up',
      feedSequence: published.body.sequence,
    });
  });
});
