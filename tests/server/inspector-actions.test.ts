/**
 * What the extension's inspector mode asks of the registry beyond the review basics: actions sent
 * with their own id are recorded once, evidence attached to a key (snapshot, then screenshot), the
 * queue searched and sorted, and the dashboard's figures per day and platform.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CaseStorySchema,
  InspectorLookupSchema,
  StatsSchema,
} from '../../utils/protocol/registry/review';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

const ITEM = 'shopee:item:88.123456';
const SELLER = 'shopee:seller:88';
const OTHER = 'shopee:item:88.999';
/** The smallest PNG: a signature and nothing a browser needs beyond it for the magic-byte check. */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe.each(BACKENDS)('inspector actions (%s)', (backend) => {
  let registry: RegistryProcess;
  let inspector: string;

  beforeAll(async () => {
    registry = await startRegistry(backend, { RATE_LIMIT_PER_MINUTE: '1000' });
    inspector = registry.token('Thanh tra viên B', 'inspector');
    const api = client(registry);
    for (const itemKey of [ITEM, ITEM, OTHER]) {
      const sent = report(
        { reasons: ['counterfeit'] },
        { platform: 'shopee', itemKey, sellerKey: SELLER },
      );
      expect((await api.post('/v1/reports', sent)).status).toBe(201);
    }
  });
  afterAll(async () => {
    await registry?.cleanup();
  });

  it('records a decision and a note sent twice with one id once, and refuses another body', async () => {
    const api = client(registry, inspector);
    const id = randomUUID();
    const decision = {
      id,
      key: OTHER,
      status: 'suspected',
      reasons: ['counterfeit'],
      summary: { vi: 'Nghi vấn hàng giả.', en: 'Suspected counterfeit.' },
    };
    const first = await api.post('/v1/review/decisions', decision);
    expect(first.status).toBe(201);
    const again = await api.post('/v1/review/decisions', decision);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const changed = await api.post('/v1/review/decisions', { ...decision, status: 'cleared' });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('id_conflict');

    const noteId = randomUUID();
    const note = { id: noteId, key: OTHER, text: 'Đã gọi cho người bán.' };
    expect((await api.post('/v1/review/notes', note)).status).toBe(201);
    expect((await api.post('/v1/review/notes', note)).status).toBe(200);
    // An id already used by a decision cannot name a note.
    expect((await api.post('/v1/review/notes', { ...note, id })).status).toBe(409);

    const story = await api.get(`/v1/review/keys/${OTHER}`);
    expect(story.body.decisions).toHaveLength(1);
    expect(story.body.notes).toHaveLength(1);
    expect(story.body.audit.map((row: { action: string }) => row.action)).toEqual([
      'decide:suspected',
      'note',
    ]);
  });

  it('attaches evidence: the snapshot checked by its hash, then its screenshot, each once', async () => {
    const api = client(registry, inspector);
    const snapshot = JSON.stringify({ title: 'Sữa bột giả', itemKey: ITEM, price: 120000 });
    const evidence = {
      id: randomUUID(),
      key: ITEM,
      capturedAt: '2026-12-03T08:00:00.000Z',
      snapshot,
      snapshotSha256: sha256(snapshot),
    };
    const wrong = await api.post('/v1/review/evidence', {
      ...evidence,
      snapshotSha256: sha256('x'),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('hash_mismatch');
    expect((await api.post('/v1/review/evidence', evidence)).status).toBe(201);
    expect((await api.post('/v1/review/evidence', evidence)).status).toBe(200);
    const other = await api.post('/v1/review/evidence', { ...evidence, key: OTHER });
    expect(other.status).toBe(409);

    const put = (bytes: Uint8Array, id = evidence.id) =>
      fetch(`${registry.url}/v1/review/evidence/${id}/screenshot`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${inspector}`, 'Content-Type': 'image/png' },
        body: bytes as BodyInit,
      });
    expect((await put(Uint8Array.from([1, 2, 3]))).status).toBe(415);
    expect((await put(PNG, randomUUID())).status).toBe(404);
    expect((await put(PNG)).status).toBe(201);
    expect((await put(PNG)).status).toBe(200);
    const otherPng = Uint8Array.from([...PNG, 9]);
    expect((await put(otherPng)).status).toBe(409);
    const unsigned = await fetch(`${registry.url}/v1/review/evidence/${evidence.id}/screenshot`, {
      method: 'PUT',
      body: PNG as BodyInit,
    });
    expect(unsigned.status).toBe(401);

    const story = await api.get(`/v1/review/keys/${ITEM}`);
    expect(CaseStorySchema.safeParse(story.body).error).toBeUndefined();
    expect(story.body.evidence).toEqual([
      expect.objectContaining({
        id: evidence.id,
        snapshotSha256: evidence.snapshotSha256,
        capturedAt: evidence.capturedAt,
        by: 'Thanh tra viên B',
        screenshot: {
          url: `/v1/review/evidence/${sha256(PNG)}`,
          sha256: sha256(PNG),
          mediaType: 'image/png',
        },
      }),
    ]);
    expect(story.body.audit.map((row: { action: string }) => row.action)).toEqual([
      'evidence',
      'evidence:screenshot',
    ]);
    const image = await fetch(`${registry.url}/v1/review/evidence/${sha256(PNG)}`, {
      headers: { Authorization: `Bearer ${inspector}` },
    });
    expect(image.headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    const text = await api.get(`/v1/review/evidence/${evidence.id}/snapshot`);
    expect(text.status).toBe(200);
    expect(text.headers.get('X-Content-SHA256')).toBe(evidence.snapshotSha256);
    expect(JSON.stringify(text.body)).toBe(snapshot);

    const lookup = await api.get(`/v1/lookup?keys=${ITEM},${SELLER}`);
    expect(InspectorLookupSchema.safeParse(lookup.body).error).toBeUndefined();
    const entry = lookup.body.entries.find((row: { key: string }) => row.key === ITEM);
    expect(entry.attached).toHaveLength(1);
    expect(entry.case.reports).toBe(2);
  });

  it('tells the address a screenshot’s tab showed, from its snapshot; evidence sent before without one reads null', async () => {
    const api = client(registry, inspector);
    const pageUrl = 'https://shopee.vn/x-i.88.123?sp_atk=1';
    const send = async (fields: Record<string, unknown>) => {
      const snapshot = JSON.stringify({ listing: { itemKey: OTHER }, ...fields });
      const id = randomUUID();
      const body = { id, key: OTHER, capturedAt: '2026-12-03T08:00:00.000Z', snapshot };
      const answer = await api.post('/v1/review/evidence', {
        ...body,
        snapshotSha256: sha256(snapshot),
      });
      expect(answer.status).toBe(201);
      return id;
    };
    const seen = await send({ pageUrl });
    const older = await send({});
    const odd = await send({ pageUrl: 'javascript:alert(1)' });
    const story = await api.get(`/v1/review/keys/${OTHER}`);
    expect(CaseStorySchema.safeParse(story.body).error).toBeUndefined();
    const pages = Object.fromEntries(
      story.body.evidence.map((row: { id: string; pageUrl: unknown }) => [row.id, row.pageUrl]),
    );
    expect(pages).toEqual({ [seen]: pageUrl, [older]: null, [odd]: null });
  });

  it('searches the queue by a seller or item id and sorts it by report count, paging in that order', async () => {
    const api = client(registry, inspector);
    const found = await api.get('/v1/review/queue?q=88.123');
    expect(found.body.items.map((row: { key: string }) => row.key)).toEqual([ITEM]);
    // LIKE's wildcards in the search are plain characters.
    expect((await api.get('/v1/review/queue?q=%25')).body.items).toEqual([]);
    expect((await api.get('/v1/review/queue?q=SHOPEE:SELLER')).body.items).toHaveLength(1);

    const sorted = await api.get('/v1/review/queue?sort=reports');
    const counts = sorted.body.items.map((row: { reports: number }) => row.reports);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(sorted.body.items[0].key).toBe(SELLER);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ key: string }>; next: string | null } } = await api.get(
        `/v1/review/queue?sort=reports&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((row) => row.key));
      cursor = page.body.next;
    } while (cursor);
    expect(seen).toEqual(sorted.body.items.map((row: { key: string }) => row.key));
    // A cursor of one order is refused by the other.
    const recent = await api.get('/v1/review/queue?limit=1');
    expect(
      (await api.get(`/v1/review/queue?sort=reports&cursor=${recent.body.next}`)).body.error.code,
    ).toBe('invalid_cursor');
  });

  it('counts reports and decisions per day and platform for the dashboard', async () => {
    const api = client(registry, inspector);
    const stats = await api.get('/v1/review/stats?days=7');
    expect(StatsSchema.safeParse(stats.body).error).toBeUndefined();
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.body.to).toBe(today);
    expect(stats.body.rows).toContainEqual({
      day: today,
      platform: 'shopee',
      reports: 3,
      installs: 3,
      networks: 1,
      decisions: 1,
    });
    expect((await api.get('/v1/review/stats?days=0')).status).toBe(400);
    expect((await client(registry).get('/v1/review/stats')).status).toBe(401);
  });
});
