/**
 * A seller's appeal against the real registry process: what the form promises, the confirmation
 * naming the address to check, and `GET /v1/appeals/<id>` following the appeal from received to
 * accepted (the record then published as contested), rejected or resolved.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../utils/protocol/registry/report';
import { AppealStatusSchema } from '../../utils/protocol/registry/review';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';

const ITEM = 'shopee:item:424242.1';

describe.each(BACKENDS)('appeals (%s)', (backend) => {
  let registry: RegistryProcess;
  let inspector: string;

  beforeAll(async () => {
    registry = await startRegistry(backend, { RATE_LIMIT_PER_MINUTE: '1000' });
    inspector = registry.token('Thanh tra viên A', 'inspector');
  });

  afterAll(async () => {
    await registry?.cleanup();
  });

  const appeal = (key = ITEM) =>
    client(registry).post('/v1/appeals', {
      key,
      statement: 'Chúng tôi là nhà phân phối chính thức, có hoá đơn nhập hàng.',
    });

  it('the form says what happens and when: nothing changes before an inspector takes it up', async () => {
    const form = await fetch(`${registry.url}/appeal?key=${encodeURIComponent(ITEM)}`);
    const text = await form.text();
    // The old promise (contested as soon as it is sent) is gone.
    expect(text).not.toContain('trong thời gian đó, cảnh báo sẽ ghi rõ');
    expect(text).toContain(
      'Trước khi thanh tra viên nhận xem xét lại, cảnh báo không thay đổi gì.',
    );
    expect(text).toContain('Chỉ khi thanh tra viên đã nhận xem xét lại');
    expect(text).toContain('«Đang khiếu nại»');
    expect(text).toContain('khoảng 6 giờ một lần');
  });

  it('answers a program with the appeal and the address it is looked up at', async () => {
    const sent = await appeal();
    expect(sent.status).toBe(201);
    const body = AppealStatusSchema.parse(sent.body);
    expect(body).toMatchObject({ key: ITEM, state: 'received' });
    expect(body.statusUrl).toBe(`${registry.url}/v1/appeals/${body.id}`);
    const looked = await client(registry).get(`/v1/appeals/${body.id}`);
    expect(looked.status).toBe(200);
    expect(AppealStatusSchema.parse(looked.body)).toEqual(body);
  });

  it('the form confirmation names the exact address to check, and a browser gets a page there', async () => {
    const response = await fetch(`${registry.url}/v1/appeals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key: ITEM, statement: 'Hàng chính hãng, có giấy tờ.' }),
    });
    expect(response.status).toBe(201);
    const page = await response.text();
    const address = page.match(/data-testid="appeal-status-url">([^<]+)</)?.[1];
    expect(address).toMatch(
      new RegExp(`^${registry.url}/v1/appeals/[0-9a-f-]{36}$`.replaceAll('.', '\\.')),
    );
    const id = address?.split('/').pop() ?? '';
    expect(page).toContain(id);

    const json = await client(registry).get(`/v1/appeals/${id}`);
    expect(json.body.state).toBe('received');
    const html = await fetch(address ?? '', { headers: { Accept: 'text/html,*/*;q=0.8' } });
    expect(html.headers.get('Content-Type')).toMatch(/^text\/html/);
    const view = await html.text();
    expect(view).toContain('data-state="received"');
    expect(view).toContain('Cảnh báo chưa thay đổi gì.');
  });

  it('follows the appeal: accepted for review, then resolved by a new decision', async () => {
    const { body } = await appeal();
    const api = client(registry, inspector);
    expect((await api.post(`/v1/review/appeals/${body.id}`, { state: 'accepted' })).status).toBe(
      200,
    );
    const accepted = await client(registry).get(`/v1/appeals/${body.id}`);
    expect(accepted.body.state).toBe('accepted');
    const page = await client(registry).get(`/v1/appeals/${body.id}`, { Accept: 'text/html' });
    expect(page.body).toContain('«Đang khiếu nại»');

    const decided = await api.post('/v1/review/decisions', {
      key: ITEM,
      status: 'suspected',
      reasons: ['counterfeit'],
      authority: 'Thanh tra Soi Hàng',
      summary: { vi: 'Đang xác minh lại.', en: 'Being checked again.' },
    });
    expect(decided.status).toBe(201);
    expect((await client(registry).get(`/v1/appeals/${body.id}`)).body.state).toBe('resolved');
  });

  it('says when an inspector turned it down', async () => {
    const { body } = await appeal('lazada:seller:77');
    const api = client(registry, inspector);
    expect((await api.post(`/v1/review/appeals/${body.id}`, { state: 'rejected' })).status).toBe(
      200,
    );
    expect((await client(registry).get(`/v1/appeals/${body.id}`)).body.state).toBe('rejected');
  });

  it('answers an unknown or malformed id 404 with the error shape', async () => {
    for (const id of [randomUUID(), 'not-an-id']) {
      const missing = await client(registry).get(`/v1/appeals/${id}`);
      expect(missing.status).toBe(404);
      expect(ApiErrorSchema.parse(missing.body).error.code).toBe('unknown_appeal');
    }
    const html = await client(registry).get(`/v1/appeals/${randomUUID()}`, {
      Accept: 'text/html',
    });
    expect(html.status).toBe(404);
    expect(html.body.error.code).toBe('unknown_appeal');
  });
});
