/**
 * Report intake against the real registry process: idempotent receipts, conflicts, refusals of
 * every malformed kind with the database checked after each, evidence and status.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from '../../server/db/dialect';
import { ApiErrorSchema, ReportReceiptSchema } from '../../utils/protocol/registry/report';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

describe.each(BACKENDS)('report intake (%s)', (backend) => {
  let registry: RegistryProcess;
  let api: ReturnType<typeof client>;
  let store: OpenDatabase;

  const count = async (table: 'reports' | 'report_keys' | 'evidence') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    registry = await startRegistry(backend, { RATE_LIMIT_PER_MINUTE: '1000' });
    api = client(registry);
    store = openDatabase(registry.databaseUrl);
  });
  afterAll(async () => {
    await store?.db.destroy();
    await registry?.cleanup();
  });

  it('answers a new report with 201 and a receipt, a repeat with 200 and the same receipt', async () => {
    const before = await count('reports');
    const sent = report();
    const first = await api.post('/v1/reports', sent);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: sent.id, receivedAt: expect.any(String) });
    expect(ReportReceiptSchema.safeParse(first.body).error).toBeUndefined();
    // The same report with its fields in another order is the same report.
    const { version, ...rest } = sent;
    const reordered = { version, ...rest };
    const again = await api.post('/v1/reports', reordered);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await count('reports')).toBe(before + 1);
    // The review tables count it within a second (the case projection runs in the background).
    const keysOf = async () =>
      (
        await store.db
          .selectFrom('report_keys')
          .select('key')
          .where('report_id', '=', sent.id)
          .execute()
      )
        .map((row) => row.key)
        .sort();
    const deadline = Date.now() + 5000;
    while ((await keysOf()).length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await keysOf()).toEqual(['shopee:item:1001.2002', 'shopee:seller:1001']);
  });

  it('stores a report sent several times at once exactly once (the copies share one commit)', async () => {
    const before = await count('reports');
    const sent = report();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api.post('/v1/reports', sent)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    const other = report();
    const clash = await Promise.all([
      api.post('/v1/reports', other),
      api.post('/v1/reports', { ...other, clientId: randomUUID(), note: 'một nội dung khác' }),
    ]);
    expect(clash.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(await count('reports')).toBe(before + 2);
  });

  it('refuses the same id with another body from another install (409) and keeps the first', async () => {
    const sent = report();
    expect((await api.post('/v1/reports', sent)).status).toBe(201);
    const changed = await api.post('/v1/reports', {
      ...sent,
      clientId: randomUUID(),
      note: 'khác',
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('id_conflict');
    const row = await store.db
      .selectFrom('reports')
      .select('body')
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.body).note).toBe(sent.note);
  });

  it('takes an amendment of the same listing from the same install as an update of one report', async () => {
    const before = await count('reports');
    const sent = report();
    const first = await api.post('/v1/reports', sent);
    expect(first.status).toBe(201);
    const amended = {
      ...sent,
      reasons: ['counterfeit', 'unsafe'],
      note: 'Thêm: tem chống giả bị bóc.',
    };
    const answer = await api.post('/v1/reports', amended);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ...first.body, updated: true });
    expect(ReportReceiptSchema.safeParse(answer.body).success).toBe(true);
    // Sent again as it now is: a plain repeat.
    expect((await api.post('/v1/reports', amended)).status).toBe(200);
    expect(await count('reports')).toBe(before + 1);
    const row = await store.db
      .selectFrom('reports')
      .select(['body', 'reasons'])
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.body).note).toBe(amended.note);
    expect(JSON.parse(row.reasons)).toEqual(['counterfeit', 'unsafe']);
    // Another listing under the same id is not an amendment.
    const moved = await api.post('/v1/reports', {
      ...amended,
      listing: {
        ...amended.listing,
        itemKey: 'shopee:item:1001.9999',
        url: 'https://shopee.vn/sua-bot-colos-i.1001.9999',
      },
    });
    expect(moved.status).toBe(409);
  });

  const refusals: Array<[string, () => { body: string; type?: string }, number, string]> = [
    ['malformed JSON', () => ({ body: '{"id": ' }), 400, 'invalid_json'],
    [
      'a body that is not JSON at all',
      () => ({ body: 'id=1', type: 'text/plain' }),
      415,
      'unsupported_media_type',
    ],
    [
      'an unknown field',
      () => ({ body: JSON.stringify({ ...report(), admin: true }) }),
      400,
      'invalid_body',
    ],
    [
      'an unknown field in the listing',
      () => ({
        body: JSON.stringify({ ...report(), listing: { ...report().listing, cookie: 'x' } }),
      }),
      400,
      'invalid_body',
    ],
    [
      'a wrong type',
      () => ({ body: JSON.stringify({ ...report(), reasons: 'counterfeit' }) }),
      400,
      'invalid_body',
    ],
    [
      'a reason outside the list',
      () => ({ body: JSON.stringify(report({ reasons: ['ugly' as never] })) }),
      400,
      'invalid_body',
    ],
    [
      'a reason given twice',
      () => ({ body: JSON.stringify(report({ reasons: ['counterfeit', 'counterfeit'] })) }),
      400,
      'invalid_body',
    ],
    [
      'no reason',
      () => ({ body: JSON.stringify(report({ reasons: [] as never })) }),
      400,
      'invalid_body',
    ],
    [
      'an id that is not a UUID v4',
      () => ({ body: JSON.stringify(report({ id: 'report-1' })) }),
      400,
      'invalid_body',
    ],
    [
      'a key that is not canonical',
      () => ({ body: JSON.stringify(report({}, { itemKey: "shopee:item:1' OR 1=1" })) }),
      400,
      'invalid_body',
    ],
    [
      'a note over 2,000 characters',
      () => ({ body: JSON.stringify(report({ note: 'x'.repeat(2001) })) }),
      400,
      'invalid_body',
    ],
    [
      'a 100 KB string',
      () => ({ body: JSON.stringify(report({ note: 'x'.repeat(100_000) })) }),
      413,
      'body_too_large',
    ],
    [
      'a URL that is not http(s)',
      () => ({ body: JSON.stringify(report({}, { url: 'javascript:alert(1)' })) }),
      400,
      'invalid_body',
    ],
  ];

  for (const [what, make, status, code] of refusals) {
    it(`refuses ${what} with ${status} ${code} and stores nothing`, async () => {
      const before = await count('reports');
      const { body, type } = make();
      const response = await fetch(`${registry.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': type ?? 'application/json' },
        body,
      });
      expect(response.status).toBe(status);
      const answer = await response.json();
      expect(answer).toEqual({ error: { code, message: expect.any(String) } });
      expect(ApiErrorSchema.safeParse(answer).error).toBeUndefined();
      expect(await count('reports')).toBe(before);
    });
  }

  it('stores SQL metacharacters and HTML as plain text and returns them unchanged', async () => {
    const title = `Robert'); DROP TABLE reports;-- <script>alert("x")</script> & "quotes"`;
    const note = `'; DELETE FROM cases; -- <img src=x onerror=alert(1)>`;
    const sent = report({ note, contact: `<b>zalo</b> 0912'345` }, { title });
    expect((await api.post('/v1/reports', sent)).status).toBe(201);
    const row = await store.db
      .selectFrom('reports')
      .select('body')
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.body)).toMatchObject({ note, listing: { title } });
    expect(await count('reports')).toBeGreaterThan(0);
  });

  it('takes one screenshot per report, checked by its bytes, and says what became of the report', async () => {
    const sent = report();
    expect((await api.post('/v1/reports', sent)).status).toBe(201);
    const put = (bytes: Uint8Array<ArrayBuffer>, id = sent.id) =>
      fetch(`${registry.url}/v1/reports/${id}/evidence`, { method: 'PUT', body: bytes });
    const fake = await put(new TextEncoder().encode('<svg onload=alert(1)>'));
    expect(fake.status).toBe(415);
    expect((await fake.json()).error.code).toBe('unsupported_image');
    const first = await put(PNG);
    expect(first.status).toBe(201);
    const stored = await first.json();
    expect(stored).toMatchObject({ mediaType: 'image/png', bytes: PNG.byteLength });
    expect((await put(PNG)).status).toBe(200);
    const other = await put(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]));
    expect(other.status).toBe(409);
    expect((await put(PNG, randomUUID())).status).toBe(404);
    const huge = new Uint8Array(2 * 1024 * 1024 + 1);
    huge.set(PNG);
    expect((await put(huge)).status).toBe(413);
    expect(await count('evidence')).toBeGreaterThanOrEqual(1);

    const status = await api.get(`/v1/reports/${sent.id}/status`);
    expect(status.status).toBe(200);
    expect(status.body).toEqual({ id: sent.id, state: 'received', receivedAt: expect.any(String) });
    expect((await api.get(`/v1/reports/${randomUUID()}/status`)).status).toBe(404);
    expect((await api.get('/v1/reports/not-a-uuid/status')).body.error.code).toBe('unknown_report');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await api.get('/v1/nothing');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});
