/**
 * The appeal routes' edges beyond the attacks suite: the daily limits as configured, as JSON and as
 * a page; form posts in multipart and from browsers that send no Origin; a control character in a
 * form post refused before the database on either one; the policy header on every answer; and the
 * scheme of the status address taken from our own proxies only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';

const post = (registry: RegistryProcess, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${registry.url}/v1/appeals`, { method: 'POST', headers, body });

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function expectPolicy(answer: Response) {
  const policy = answer.headers.get('Content-Security-Policy') ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("form-action 'self'");
  expect(answer.headers.get('X-Frame-Options')).toBe('DENY');
}

describe.each(BACKENDS)('the appeal routes (%s)', (backend) => {
  let registry: RegistryProcess;

  beforeAll(async () => {
    registry = await startRegistry(backend, {
      RATE_LIMIT_PER_MINUTE: '1000',
      IMPORT_SHIPPED_SOURCES: '0',
      APPEALS_PER_KEY_PER_DAY: '1',
      APPEALS_PER_NETWORK_PER_DAY: '4',
      TRUSTED_PROXIES: '127.0.0.1, ::1',
    });
  });
  afterAll(() => registry?.cleanup());

  it('refuses a control character in a form post with the form again, before the database', async () => {
    const fields = { key: 'shopee:item:9191.1', statement: 'Hàng thật\u0000' };
    const answer = await post(registry, new URLSearchParams(fields), FORM);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('Content-Type')).toMatch(/^text\/html/);
    expectPolicy(answer);
    expect(await answer.text()).toContain('Chưa gửi được');
  });

  it('counts the limits per key as configured, refusing programs in JSON and browsers with a page', async () => {
    const fields = { key: 'shopee:item:9191.2', statement: 'Hàng chính hãng.' };
    const first = await post(registry, new URLSearchParams(fields), FORM);
    expect(first.status).toBe(201);
    const page = await post(registry, new URLSearchParams(fields), FORM);
    expect(page.status).toBe(429);
    expectPolicy(page);
    expect(page.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(await page.text()).toContain('appeal_limit');
    const json = await client(registry).post('/v1/appeals', fields);
    expect(json.status).toBe(429);
    expect(json.body.error.code).toBe('appeal_limit');
  });

  it('takes a multipart form post from its own page and refuses one from another site', async () => {
    const form = () => {
      const data = new FormData();
      data.set('key', 'shopee:item:9191.3');
      data.set('statement', 'Có hoá đơn nhập hàng.');
      return data;
    };
    const elsewhere = await post(registry, form(), { Origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    expectPolicy(elsewhere);
    expect(await elsewhere.text()).toContain('cross_site');
    const sameSite = await post(registry, form(), { 'Sec-Fetch-Site': 'same-site' });
    expect(sameSite.status).toBe(403);
    // A browser that sends no Origin and says the post is its own page's.
    const own = await post(registry, form(), { 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(201);
  });

  it('counts the limit per network across keys, behind our own proxies', async () => {
    const from = (i: number) => ({ 'X-Forwarded-For': `198.51.100.${i}` });
    const statuses = [];
    for (let i = 1; i <= 5; i++) {
      const answer = await client(registry).post(
        '/v1/appeals',
        { key: `shopee:item:9292.${i}`, statement: 'Hàng thật.' },
        from(i),
      );
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
  });

  it('takes the scheme of the status address from our own proxies only', async () => {
    const appeal = { key: 'shopee:item:9393.1', statement: 'Hàng thật.' };
    const behind = await client(registry).post('/v1/appeals', appeal, {
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-For': '203.0.113.50',
    });
    expect(behind.status).toBe(201);
    expect(behind.body.statusUrl).toMatch(/^https:\/\//);
    expectPolicy(await fetch(`${registry.url}/appeal`));
  });
});

describe('a registry with no proxies in front', () => {
  let registry: RegistryProcess;
  beforeAll(async () => {
    registry = await startRegistry('sqlite', { IMPORT_SHIPPED_SOURCES: '0' });
  });
  afterAll(() => registry?.cleanup());

  it('reads no X-Forwarded-Proto: the status address keeps the scheme the request came with', async () => {
    const answer = await client(registry).post(
      '/v1/appeals',
      { key: 'shopee:item:9393.2', statement: 'Hàng thật.' },
      { 'X-Forwarded-Proto': 'https' },
    );
    expect(answer.status).toBe(201);
    expect(answer.body.statusUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
