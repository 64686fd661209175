/**
 * Two registry instances on one PostgreSQL behind Debian's HAProxy, run with the configuration we
 * ship (ops/haproxy.cfg): rate limits, evidence, publishing and the feed hold across instances, and
 * reports survive an instance killed with SIGKILL and PostgreSQL restarted, each stored exactly
 * once. The cluster has its own throwaway PostgreSQL, so restarting it disturbs no other suite.
 * Needs HAProxy and PostgreSQL's binaries (.ci/run installs both); without them it is skipped with
 * the reason in its name.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../scripts/with-postgres.mjs';
import { FeedManifestSchema } from '../../utils/feed-format/manifest';
import type { Report } from '../../utils/protocol/registry/report';
import { type Balancer, HAPROXY, startBalancer } from '../helpers/haproxy';
import { record } from '../helpers/records';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7, 7, 7]);
const HAS_POSTGRES = await import('node:fs').then(({ existsSync }) =>
  existsSync('/usr/lib/postgresql'),
);

/** POSTs a report until it has a receipt: what the extension's outbox does. */
async function deliver(url: string, sent: Report, deadline: number): Promise<number> {
  let attempts = 0;
  for (;;) {
    attempts++;
    if (Date.now() > deadline) throw new Error(`report ${sent.id} undelivered by the deadline`);
    try {
      const response = await fetch(`${url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(sent),
        signal: AbortSignal.timeout(5000),
      });
      await response.arrayBuffer();
      if (response.status === 200 || response.status === 201) return attempts;
      // 5xx while an instance or the database is down: the outbox retries; anything else is a bug.
      if (response.status < 500) throw new Error(`refused with ${response.status}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('refused')) throw error;
    }
    await sleep(100);
  }
}

/** Sends the reports with `parallel` senders; `during` runs once `trigger` of them are delivered. */
async function burst(
  url: string,
  reports: readonly Report[],
  trigger: number,
  during: () => Promise<void>,
  parallel = 16,
): Promise<{ retried: number }> {
  const deadline = Date.now() + 120_000;
  let next = 0;
  let delivered = 0;
  let retried = 0;
  const senders = Array.from({ length: parallel }, async () => {
    for (;;) {
      const sent = reports[next++];
      if (!sent) return;
      const attempts = await deliver(url, sent, deadline);
      if (attempts > 1) retried++;
      delivered++;
    }
  });
  const sending = Promise.all(senders);
  // A sender's failure ends the burst at once instead of leaving the trigger waiting.
  await Promise.race([
    sending,
    (async () => {
      while (delivered < trigger) await sleep(5);
    })(),
  ]);
  await during();
  await sending;
  return { retried };
}

async function sqlOn<Row extends object>(databaseUrl: string, text: string): Promise<Row[]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query<Row>(text)).rows;
  } finally {
    await db.end();
  }
}

const storedIds = async (databaseUrl: string) =>
  (await sqlOn<{ id: string }>(databaseUrl, 'select id from reports')).map((row) => row.id);

const tikiReports = (count: number, from: number) =>
  Array.from({ length: count }, (_, i) =>
    report(
      {},
      { itemKey: `tiki:item:${from + i}`, sellerKey: `tiki:seller:${i % 7}`, platform: 'tiki' },
    ),
  );

const skipReason = !HAPROXY
  ? ' (skipped: HAProxy is not installed)'
  : !HAS_POSTGRES
    ? ' (skipped: PostgreSQL is not installed)'
    : '';

describe.runIf(!skipReason)(`two instances on one PostgreSQL behind HAProxy${skipReason}`, () => {
  let cluster: ThrowawayPostgres;
  let databaseUrl: string;
  let a: RegistryProcess;
  let b: RegistryProcess;
  let balancer: Balancer;
  const records = mkdtempSync(path.join(tmpdir(), 'soi-hang-cluster-'));

  const restartBoth = async (env: Record<string, string>) => {
    for (const instance of [a, b]) {
      await instance.stop();
      Object.assign(instance.env, env);
      await instance.start();
    }
  };

  beforeAll(async () => {
    const started = await startThrowawayPostgres();
    if (!started) throw new Error('PostgreSQL could not be started');
    cluster = started;
    databaseUrl = await createDatabase(cluster.url, 'cluster');
    const env = {
      RATE_LIMIT_PER_MINUTE: '1000000',
      TRUSTED_PROXIES: '127.0.0.1',
      IMPORT_SHIPPED_SOURCES: '0',
    };
    a = await startRegistry('postgres', env, databaseUrl);
    b = await startRegistry('postgres', env, databaseUrl);
    balancer = await startBalancer(a.url, b.url);
    const file = path.join(records, 'records.ndjson');
    writeFileSync(
      file,
      Array.from({ length: 40 }, (_, i) => JSON.stringify(record(`tiki:item:${900_000 + i}`))).join(
        '\n',
      ),
    );
    const imported = a.cli('import', [file]);
    if (imported.status !== 0) throw new Error(imported.stderr);
  }, 120_000);

  afterAll(async () => {
    await balancer?.stop();
    await a?.cleanup();
    await b?.cleanup();
    cluster?.stop();
    rmSync(records, { recursive: true, force: true });
  });

  it('serves through one instance the evidence sent through the other', async () => {
    const sent = report();
    expect((await client(a).post('/v1/reports', sent)).status).toBe(201);
    const put = await fetch(`${a.url}/v1/reports/${sent.id}/evidence`, {
      method: 'PUT',
      headers: { 'Content-Type': 'image/png' },
      body: PNG,
    });
    expect(put.status).toBe(201);
    const { sha256 } = (await put.json()) as { sha256: string };
    const inspector = a.token('Thanh tra cụm', 'inspector');
    for (const via of [b.url, balancer.url, balancer.url]) {
      const read = await fetch(`${via}/v1/review/evidence/${sha256}`, {
        headers: { Authorization: `Bearer ${inspector}` },
      });
      expect(read.status).toBe(200);
      expect(new Uint8Array(await read.arrayBuffer())).toEqual(PNG);
    }
  });

  it('gives 20 publishes fired at both instances 20 distinct sequences, and no syncing client sees a rollback', async () => {
    const admin = a.token('Quản trị cụm', 'admin');
    const publish = (instance: RegistryProcess) =>
      client(instance, admin).post('/v1/review/publish', {});
    let polling = true;
    const seenByClient: number[][] = [[], [], []];
    const pollers = seenByClient.map(async (seen) => {
      while (polling) {
        const answer = await fetch(`${balancer.url}/v1/feed/manifest.json`).catch(() => null);
        if (answer?.ok) {
          const manifest = FeedManifestSchema.parse(await answer.json());
          seen.push(manifest.sequence);
          // Every file the manifest names is there, on whichever instance answers.
          const snapshot = await fetch(`${balancer.url}/v1/feed/${manifest.snapshot.url}`);
          expect(snapshot.status).toBe(200);
          await snapshot.arrayBuffer();
        }
        await sleep(20);
      }
    });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => publish(i % 2 ? a : b)));
    polling = false;
    await Promise.all(pollers);
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const sequences = answers.map((answer) => answer.body.sequence as number);
    expect(new Set(sequences).size).toBe(20);
    expect([...sequences].sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => Math.min(...sequences) + i),
    );
    for (const seen of seenByClient) {
      expect(seen.length).toBeGreaterThan(0);
      for (let i = 1; i < seen.length; i++)
        expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] ?? 0);
    }
    // Both instances serve the newest manifest, byte for byte.
    const [fromA, fromB] = await Promise.all(
      [a, b].map((instance) =>
        fetch(`${instance.url}/v1/feed/manifest.json`).then((answer) => answer.text()),
      ),
    );
    expect(fromA).toBe(fromB);
    expect(JSON.parse(fromA ?? '{}').sequence).toBe(Math.max(...sequences));
  });

  it('stores every report of a 1,000-report burst exactly once when one instance is killed with SIGKILL', async () => {
    const before = new Set(await storedIds(databaseUrl));
    const sent = tikiReports(1000, 1);
    const { retried } = await burst(balancer.url, sent, 300, async () => {
      await a.kill();
    });
    const ids = (await storedIds(databaseUrl)).filter((id) => !before.has(id));
    expect(ids).toHaveLength(1000);
    expect(new Set(ids)).toEqual(new Set(sent.map((one) => one.id)));
    expect(retried).toBeGreaterThanOrEqual(0);
    await a.start();
  }, 150_000);

  it('stores every report exactly once when PostgreSQL restarts during a burst', async () => {
    const before = new Set(await storedIds(databaseUrl));
    const sent = tikiReports(400, 5000);
    let whileDown: { status: number; retryAfter: string | null } | null = null;
    const { retried } = await burst(balancer.url, sent, 100, async () => {
      cluster.stopServer();
      // Straight to an instance: the registry's condition, answered 503 with when to come back.
      const answer = await fetch(`${a.url}/v1/reports`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(report()),
      });
      whileDown = { status: answer.status, retryAfter: answer.headers.get('Retry-After') };
      await sleep(1500);
      cluster.startServer();
    }).catch((error: unknown) => {
      throw new Error(
        `${String(error)}\nA:\n${a.logs.slice(-15).join('\n')}\nB:\n${b.logs.slice(-15).join('\n')}`,
      );
    });
    const ids = (await storedIds(databaseUrl)).filter((id) => !before.has(id));
    expect(ids).toHaveLength(400);
    expect(new Set(ids)).toEqual(new Set(sent.map((one) => one.id)));
    expect(retried).toBeGreaterThan(0);
    expect(whileDown).toEqual({ status: 503, retryAfter: '10' });
    // Both instances are back: each answers its health check.
    for (const instance of [a, b]) {
      const health = await fetch(`${instance.url}/health`).catch(() => null);
      expect(health?.status, instance.logs.slice(-30).join('\n')).toBe(200);
    }
  }, 150_000);

  it('runs the scheduled publish on exactly one instance, and on the other once that one dies', {
    timeout: 60_000,
  }, async () => {
    await restartBoth({ PUBLISH_EVERY: '1s' });
    const published = (instance: RegistryProcess) =>
      instance.logs.filter((line) => line.includes('"scheduled publish"'));
    const waitFor = async (check: () => boolean, what: string) => {
      const deadline = Date.now() + 20_000;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(100);
      }
    };
    await waitFor(() => published(a).length + published(b).length >= 3, 'three publishes');
    const [holder, other] = published(a).length > 0 ? [a, b] : [b, a];
    expect(published(holder).length).toBeGreaterThanOrEqual(3);
    expect(published(other)).toEqual([]);
    await holder.kill();
    // The dead holder's lease lasts three intervals; then the other takes it over.
    await waitFor(() => published(other).length >= 2, 'the other instance to publish');
    const sequences = [...published(holder), ...published(other)].map(
      (line) => JSON.parse(line).sequence as number,
    );
    expect(new Set(sequences).size).toBe(sequences.length);
    await holder.start();
    await restartBoth({ PUBLISH_EVERY: '' });
  });

  it('holds one rate limit across the instances, through the balancer and straight to each', async () => {
    await restartBoth({ RATE_LIMIT_PER_MINUTE: '10' });
    // The bursts above counted this minute's hits for 127.0.0.1 under a higher limit.
    await sqlOn(databaseUrl, 'delete from rate_counts');
    // A fixed minute by the database's clock: start early in one, so all 16 fall in it.
    const second = new Date().getUTCSeconds();
    if (second > 45) await sleep((61 - second) * 1000);
    const install = randomUUID();
    const through = await Promise.all(
      Array.from({ length: 8 }, () => report({ clientId: install })).map((sent) =>
        client(balancer).post('/v1/reports', sent),
      ),
    );
    const straight = [];
    for (let i = 0; i < 8; i++) {
      straight.push(await client(i % 2 ? a : b).post('/v1/reports', report({ clientId: install })));
    }
    const statuses = [...through, ...straight].map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
  });
});
