/**
 * The HTTP rules around report intake, against the real process: rate limits per install and per
 * address (429 with Retry-After), CORS for extension origins only, and an oversized upload refused
 * in a way its sender hears.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

describe('report rate limits', () => {
  let registry: RegistryProcess;
  beforeAll(async () => {
    registry = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => registry?.cleanup());

  it('refuses the sixth report a minute from one install with 429 and Retry-After', async () => {
    const api = client(registry);
    const clientId = randomUUID();
    for (let i = 0; i < 5; i++)
      expect((await api.post('/v1/reports', report({ clientId }))).status).toBe(201);
    const limited = await api.post('/v1/reports', report({ clientId }));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses the sixth report a minute from one address, whatever install ids it claims', async () => {
    const other = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const api = client(other);
      for (let i = 0; i < 5; i++)
        expect((await api.post('/v1/reports', report())).status).toBe(201);
      const limited = await api.post('/v1/reports', report());
      expect(limited.status).toBe(429);
      expect(limited.body.error.message).toContain('address');
    } finally {
      await other.cleanup();
    }
  });
});

describe('report intake CORS', () => {
  let registry: RegistryProcess;
  beforeAll(async () => {
    registry = await startRegistry('sqlite');
  });
  afterAll(() => registry?.cleanup());

  it('answers extension origins with CORS and never marketplace pages', async () => {
    const preflight = (origin: string) =>
      fetch(`${registry.url}/v1/reports`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
    const extension = await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(extension.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    const firefox = await preflight('moz-extension://0b1c2d3e-aaaa-bbbb-cccc-1234567890ab');
    expect(firefox.headers.get('access-control-allow-origin')).toBe(
      'moz-extension://0b1c2d3e-aaaa-bbbb-cccc-1234567890ab',
    );
    const page = await preflight('https://shopee.vn');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('an oversized upload', () => {
  let registry: RegistryProcess;
  beforeAll(async () => {
    registry = await startRegistry('sqlite');
  });
  afterAll(() => registry?.cleanup());

  it('is answered 413 while it is still being sent, and the connection stays usable', async () => {
    const sent = report();
    expect((await client(registry).post('/v1/reports', sent)).status).toBe(201);
    const { hostname, port } = new URL(registry.url);
    const socket = connect(Number(port), hostname);
    await once(socket, 'connect');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      received += text;
    });
    const until = async (seen: (text: string) => boolean) => {
      while (!seen(received)) await once(socket, 'data');
    };
    // The headers of a 2 MB + 1 byte screenshot, and no body yet: the refusal comes first.
    const length = 2 * 1024 * 1024 + 1;
    socket.write(
      `PUT /v1/reports/${sent.id}/evidence HTTP/1.1\r\nHost: ${hostname}\r\nContent-Length: ${length}\r\n\r\n`,
    );
    await until((text) => text.includes('body_too_large'));
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.toLowerCase()).not.toContain('connection: close');
    // The client finishes sending (the server reads and drops it), then asks again on the same
    // connection and is answered: nothing was cut off under it.
    received = '';
    socket.write(Buffer.alloc(length));
    socket.write(
      `GET /v1/reports/${sent.id}/status HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`,
    );
    await until((text) => text.includes('"state"'));
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    socket.destroy();
  });
});
