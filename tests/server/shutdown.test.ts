/**
 * Stopping with a deadline, against the real process (`node --import tsx server/main.ts`): once
 * SIGTERM arrives every answer carries `Connection: close` and idle connections close at once, so
 * a keep-alive client cannot keep the process serving; a stalled upload holds it no longer than
 * SHUTDOWN_GRACE_MS (plus a second at most); a publish under way is waited for and the feed on disk
 * is whole. And the stop's sequence itself, in this process: a publish under way is awaited up to
 * the grace and left behind after it.
 */
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, type ClientRequest, createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ClosingConnections } from '../../server/http/closing-connections';
import { shutDown } from '../../server/shutdown';
import { verifyWithAny } from '../../utils/feed-format/signature';
import { REPO_ROOT } from '../helpers/fixtures';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report, screenshot } from '../helpers/reports';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const TEST_PUBLIC_KEY = readFileSync(
  path.join(REPO_ROOT, 'tests/keys/test-publisher.public.key'),
  'utf8',
).trim();

interface Answer {
  status: number;
  connection: string | undefined;
  socket: Socket;
}

/** Starts a request whose body is sent in part (half unless told); `finish()` sends the rest. */
function partialRequest(
  registry: RegistryProcess,
  options: {
    method: string;
    path: string;
    body: Buffer;
    agent?: Agent;
    sent?: number;
    headers?: Record<string, string>;
  },
): { answer: Promise<Answer>; finish: () => void } {
  const url = new URL(registry.url);
  const sent = options.sent ?? Math.floor(options.body.byteLength / 2);
  let outgoing: ClientRequest | undefined;
  const answer = new Promise<Answer>((resolve, reject) => {
    outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: options.path,
        method: options.method,
        agent: options.agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': options.body.byteLength,
          ...options.headers,
        },
      },
      (response) => {
        // Taken now: a keep-alive agent detaches the socket once the answer has been read.
        const socket = response.socket;
        response.resume();
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            socket,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.write(options.body.subarray(0, sent));
  });
  const started = outgoing as unknown as ClientRequest;
  return { answer, finish: () => started.end(options.body.subarray(sent)) };
}

/** Resolves once the registry has logged that it is stopping. */
async function stopping(registry: RegistryProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!registry.logs.some((line) => line.includes('"stopping: finishing requests in flight"'))) {
    if (Date.now() > deadline) throw new Error('the registry never said it was stopping');
    await sleep(10);
  }
}

describe('stopping the registry process', () => {
  it('answers with Connection: close once told to stop, closes idle connections at once, and exits without waiting for the grace', async () => {
    const registry = await startRegistry('sqlite', {
      IMPORT_SHIPPED_SOURCES: '0',
      SHUTDOWN_GRACE_MS: '5000',
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // A keep-alive client between two reports: its connection is idle, and open.
      const first = partialRequest(registry, {
        method: 'POST',
        path: '/v1/reports',
        body: Buffer.from(JSON.stringify(report())),
        agent,
      });
      first.finish();
      const idle = await first.answer;
      expect(idle.status).toBe(201);
      expect(idle.connection).toBe('keep-alive');
      const idleClosed = once(idle.socket, 'close');

      // Another client's report is on its way (half its body sent) when SIGTERM arrives.
      const inFlight = partialRequest(registry, {
        method: 'POST',
        path: '/v1/reports',
        body: Buffer.from(JSON.stringify(report())),
      });
      await sleep(200);
      const signalled = performance.now();
      const exited = registry.stop();
      await stopping(registry);
      // The idle connection is closed at once, before the report in flight is even finished.
      await idleClosed;
      inFlight.finish();
      const last = await inFlight.answer;
      expect(last.status).toBe(201);
      expect(last.connection).toBe('close');
      expect(await exited).toBe(0);
      expect(performance.now() - signalled).toBeLessThan(5000);
      expect(registry.logs.join('\n')).not.toContain('still open at the grace');
    } finally {
      agent.destroy();
      await registry.cleanup();
    }
  });

  it('closes a stalled upload when the grace has passed, and exits within the grace plus a second', async () => {
    const grace = 1500;
    const registry = await startRegistry('sqlite', {
      IMPORT_SHIPPED_SOURCES: '0',
      SHUTDOWN_GRACE_MS: String(grace),
    });
    try {
      const sent = report();
      expect((await client(registry).post('/v1/reports', sent)).status).toBe(201);
      const png = screenshot(200_000);
      // 1,000 bytes of 200,008, and then nothing more: the upload stalls.
      const stalled = partialRequest(registry, {
        method: 'PUT',
        path: `/v1/reports/${sent.id}/evidence`,
        body: png,
        sent: 1000,
      });
      const cut = stalled.answer.then(
        () => 'answered',
        () => 'cut',
      );
      await sleep(200);
      const signalled = performance.now();
      const code = await registry.stop();
      const took = performance.now() - signalled;
      expect(code).toBe(0);
      expect(took).toBeGreaterThanOrEqual(grace - 50);
      expect(took).toBeLessThan(grace + 1000);
      expect(await cut).toBe('cut');
      expect(registry.logs.join('\n')).toContain('"closed connections still open at the grace"');
    } finally {
      await registry.cleanup();
    }
  });

  it('lets a publish under way finish, so the feed on disk is the new one and whole', async () => {
    const registry = await startRegistry('sqlite', {});
    try {
      expect(registry.cli('publish').status).toBe(0);
      const admin = registry.token('Quản trị', 'admin');
      const publish = partialRequest(registry, {
        method: 'POST',
        path: '/v1/review/publish',
        body: Buffer.alloc(0),
        headers: { Authorization: `Bearer ${admin}` },
      });
      publish.finish();
      await sleep(100);
      const exited = registry.stop();
      const answer = await publish.answer;
      expect(answer.status).toBe(200);
      expect(answer.connection).toBe('close');
      expect(await exited).toBe(0);

      const feed = path.join(registry.dir, 'feed');
      const manifestBytes = readFileSync(path.join(feed, 'manifest.json'));
      const manifest = JSON.parse(manifestBytes.toString('utf8'));
      expect(manifest.sequence).toBe(2);
      const signature = readFileSync(path.join(feed, 'manifest.json.sig'), 'utf8');
      expect(await verifyWithAny(new Uint8Array(manifestBytes), signature, [TEST_PUBLIC_KEY])).toBe(
        true,
      );
      expect(existsSync(path.join(feed, manifest.snapshot.url))).toBe(true);
    } finally {
      await registry.cleanup();
    }
  });
});

describe('the stop sequence', () => {
  const silent = pino({ level: 'silent' });
  const listening = async (): Promise<Server> => {
    const server = createServer((_request, response) => response.end('ok'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return server;
  };

  it('waits for a publish under way before closing the registry', async () => {
    const events: string[] = [];
    let finishPublish = () => {};
    const publishing = new Promise<void>((resolve) => {
      finishPublish = () => {
        events.push('published');
        resolve();
      };
    });
    setTimeout(() => finishPublish(), 300);
    const code = await shutDown({
      server: await listening(),
      connections: new ClosingConnections(),
      registry: {
        publishesDone: () => publishing,
        close: async () => {
          events.push('closed');
        },
      },
      graceMs: 5000,
      log: silent,
    });
    expect(code).toBe(0);
    expect(events).toEqual(['published', 'closed']);
  });

  it('leaves a publish that outlasts the grace behind, and still closes and exits', async () => {
    const events: string[] = [];
    const started = performance.now();
    const code = await shutDown({
      server: await listening(),
      connections: new ClosingConnections(),
      registry: {
        publishesDone: () => new Promise<void>(() => {}),
        close: async () => {
          events.push('closed');
        },
      },
      graceMs: 300,
      log: silent,
    });
    expect(code).toBe(0);
    expect(events).toEqual(['closed']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('exits with code 1 when the registry does not close within its allowance', async () => {
    const code = await shutDown({
      server: await listening(),
      connections: new ClosingConnections(),
      registry: {
        publishesDone: async () => {},
        close: () => new Promise<void>(() => {}),
      },
      graceMs: 100,
      log: silent,
    });
    expect(code).toBe(1);
  });
});
