/**
 * Appeals and the registry's pages as an attacker uses them, on SQLite and PostgreSQL: one key
 * appealed without end, form posts from other sites, NUL in a statement, the pages framed; and an
 * inspector's sign-in over plain HTTP. Behind our own proxies, limits count the real client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

const KEY = 'shopee:item:424242.1';

const form = (registry: RegistryProcess, fields: Record<string, string>, headers = {}) =>
  fetch(`${registry.url}/v1/appeals`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });

describe.each(BACKENDS)('appeals as an attacker sends them (%s)', (backend) => {
  let registry: RegistryProcess;

  beforeAll(async () => {
    registry = await startRegistry(backend, {
      RATE_LIMIT_PER_MINUTE: '1000',
      TRUSTED_PROXIES: '127.0.0.1, ::1',
    });
  });
  afterAll(() => registry?.cleanup());

  const appeal = (key: string, from: string) =>
    client(registry).post(
      '/v1/appeals',
      { key, statement: 'Chúng tôi là nhà phân phối chính thức.' },
      { 'X-Forwarded-For': from },
    );

  it('takes at most three appeals a day of one key, from anywhere', async () => {
    const statuses = [];
    for (let i = 1; i <= 5; i++) statuses.push((await appeal(KEY, `203.0.113.${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const refused = await appeal(KEY, '203.0.113.99');
    expect(refused.body.error.code).toBe('appeal_limit');
  });

  it('takes at most ten appeals a day from one network, whatever the keys', async () => {
    const statuses = [];
    for (let i = 1; i <= 12; i++) {
      statuses.push((await appeal(`shopee:item:5151.${i}`, `198.51.100.${i}`)).status);
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('takes a form post only from the form’s own page', async () => {
    const fields = { key: 'shopee:item:6161.1', statement: 'Hàng chính hãng.' };
    const elsewhere = await form(registry, fields, { Origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.text()).toContain('cross_site');
    const crossSite = await form(registry, fields, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const own = await form(registry, fields, {
      Origin: registry.url,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(own.status).toBe(201);
    // The confirmation says how to follow the appeal: the address that answers its state.
    expect(await own.text()).toContain('/v1/appeals/');
  });

  it('refuses a NUL or another control character in a statement with a 400', async () => {
    for (const statement of ['Hàng thật\u0000', 'Hàng\u0008 thật']) {
      const answer = await client(registry).post('/v1/appeals', {
        key: 'shopee:item:7171.1',
        statement,
      });
      expect(answer.status).toBe(400);
    }
    const contact = await client(registry).post('/v1/appeals', {
      key: 'shopee:item:7171.1',
      statement: 'Hàng thật.',
      contact: 'a@b.vn\u0000',
    });
    expect(contact.status).toBe(400);
  });

  it('sends every HTML page with a policy that forbids framing it', async () => {
    const pages = [
      await fetch(`${registry.url}/appeal?key=${encodeURIComponent(KEY)}`),
      await form(registry, { key: 'shopee:item:8181.1', statement: 'Hàng thật.' }),
    ];
    const id = (
      await client(registry).post('/v1/appeals', {
        key: 'shopee:item:8181.2',
        statement: 'Hàng thật.',
      })
    ).body.id;
    pages.push(
      await fetch(`${registry.url}/v1/appeals/${id}`, { headers: { Accept: 'text/html' } }),
    );
    for (const page of pages) {
      expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
      const policy = page.headers.get('Content-Security-Policy') ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("default-src 'none'");
    }
  });
});

describe('a registry behind proxies counts the real client (sqlite)', () => {
  let behind: RegistryProcess;
  let direct: RegistryProcess;

  beforeAll(async () => {
    behind = await startRegistry('sqlite', {
      RATE_LIMIT_PER_MINUTE: '5',
      TRUSTED_PROXIES: '127.0.0.1, ::1',
    });
    direct = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await behind?.cleanup();
    await direct?.cleanup();
  });

  /** Twelve reports, each claiming another first hop before the same real client. */
  const spoofed = async (registry: RegistryProcess) => {
    const statuses = [];
    for (let i = 1; i <= 12; i++) {
      const answer = await client(registry).post('/v1/reports', report(), {
        'X-Forwarded-For': `198.51.100.${i}, 203.0.113.7`,
      });
      statuses.push(answer.status);
    }
    return statuses;
  };

  it('behind trusted proxies, the rightmost untrusted hop is the client: spoofed first hops change nothing', async () => {
    const statuses = await spoofed(behind);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    // Another client behind the same proxy still has its own allowance.
    const other = await client(behind).post('/v1/reports', report(), {
      'X-Forwarded-For': '203.0.113.8',
    });
    expect(other.status).toBe(201);
  });

  it('without trusted proxies, the header is not read at all', async () => {
    const statuses = await spoofed(direct);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
  });

  it('refuses to start on the old TRUST_PROXY switch, which trusted whatever the client wrote', async () => {
    await expect(startRegistry('sqlite', { TRUST_PROXY: '1' })).rejects.toThrow(/TRUSTED_PROXIES/);
  });
});
