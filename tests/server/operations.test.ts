/**
 * Running the registry as an operator would: no configuration at all, bad configuration, a
 * graceful SIGTERM, an online backup, imports refused whole, and a feed whose signature stays right
 * for a client that fetched the manifest just before a publish.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../utils/feed-format/hash';
import { signatureFileFor, verifyWithAny } from '../../utils/feed-format/signature';
import { REPO_ROOT } from '../helpers/fixtures';
import {
  client,
  type RegistryProcess,
  registryArgs,
  startRegistry,
  TEST_PUBLISHER_KEY,
} from '../helpers/registry';
import { report } from '../helpers/reports';

const TEST_PUBLIC_KEY = readFileSync(
  path.join(REPO_ROOT, 'tests/keys/test-publisher.public.key'),
  'utf8',
).trim();

function runServer(env: Record<string, string>, cwd = REPO_ROOT) {
  return spawnSync(process.execPath, registryArgs('server/main.ts'), {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('registry operations', () => {
  it('refuses a bad configuration with a clear message and exit code 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-config-'));
    try {
      const cases: Array<[Record<string, string>, RegExp]> = [
        [
          { PUBLISHER_KEY: path.join(dir, 'missing.key') },
          /PUBLISHER_KEY .*missing\.key does not exist/,
        ],
        [
          { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/registry' },
          /database at postgres:\/\/127\.0\.0\.1:1\/registry is unreachable/,
        ],
        [
          { DATABASE_URL: 'mysql://127.0.0.1/registry' },
          /DATABASE_URL must be a file path or postgres/,
        ],
        [{ PORT: 'eighty' }, /PORT must be a whole number/],
        [{ PUBLISH_EVERY: 'often' }, /PUBLISH_EVERY must look like 15m or 2h/],
      ];
      for (const [env, message] of cases) {
        const result = runServer({ DATA_DIR: dir, PORT: '0', ...env });
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts and works with no configuration at all: SQLite, a key pair and the feed under ./data/', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'soi-hang-bare-'));
    const child = spawn(process.execPath, registryArgs('server/main.ts'), {
      cwd,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines: string[] = [];
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(lines.join('\n'))), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          lines.push(...chunk.toString().trim().split('\n'));
          if (lines.some((line) => line.includes('"registry listening"'))) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${lines.join('\n')}`)));
      });
      const generated = lines.map((line) => JSON.parse(line)).find((line) => line.publicKey);
      expect(generated.msg).toContain('SOI_HANG_FEED_KEYS');
      const listening = lines
        .map((line) => JSON.parse(line))
        .find((line) => line.msg === 'registry listening');
      expect(listening).toMatchObject({ address: '127.0.0.1', port: 8787 });
      const health = await fetch('http://127.0.0.1:8787/health');
      expect(await health.json()).toEqual({ ok: true, database: 'up', feedSequence: null });
      expect(existsSync(path.join(cwd, 'data/registry.sqlite'))).toBe(true);
      expect(existsSync(path.join(cwd, 'data/publisher.private.key'))).toBe(true);
      expect(readFileSync(path.join(cwd, 'data/publisher.public.key'), 'utf8').trim()).toBe(
        generated.publicKey,
      );
      const published = spawnSync(process.execPath, registryArgs('server/cli/publish.ts'), {
        cwd,
        env: { PATH: process.env.PATH ?? '' },
        encoding: 'utf8',
      });
      expect(published.status, published.stderr).toBe(0);
      expect(existsSync(path.join(cwd, 'data/feed/manifest.json'))).toBe(true);
      expect((await (await fetch('http://127.0.0.1:8787/health')).json()).feedSequence).toBe(1);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('a running registry', () => {
  let registry: RegistryProcess;
  beforeAll(async () => {
    registry = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(() => registry?.cleanup());

  it('copies the write-ahead log back into the database from its checkpoint thread', async () => {
    const file = path.join(registry.dir, 'registry.sqlite');
    const before = statSync(file).size;
    const api = client(registry);
    for (let i = 0; i < 40; i++) {
      await Promise.all(Array.from({ length: 10 }, () => api.post('/v1/reports', report())));
    }
    // The server's own connection never checkpoints; only the worker thread can grow the file.
    const deadline = Date.now() + 10_000;
    while (statSync(file).size <= before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(statSync(file).size).toBeGreaterThan(before);
  });

  it('backs up the live SQLite database with the online backup API', async () => {
    const api = client(registry);
    for (let i = 0; i < 5; i++) expect((await api.post('/v1/reports', report())).status).toBe(201);
    const file = path.join(registry.dir, 'backup.sqlite');
    const backup = registry.cli('backup', [file]);
    expect(backup.status, backup.stderr).toBe(0);
    const copy = new Database(file, { readonly: true });
    expect((copy.prepare('select count(*) as n from reports').get() as { n: number }).n).toBe(405);
    copy.close();
    expect(registry.cli('backup', [file]).stderr).toContain('refusing to overwrite');
  });

  it('imports official records, refusing a file with one bad row whole and naming its line', async () => {
    const good = path.join(registry.dir, 'records.ndjson');
    const record = (key: string) => ({
      key,
      status: 'confirmed',
      reasons: ['counterfeit'],
      authority: 'Cục QLTT',
      summary: { vi: 'Hàng giả', en: 'Counterfeit' },
      firstSeen: '2026-11-01',
      updated: '2026-11-02',
    });
    writeFileSync(
      good,
      `${JSON.stringify(record('domain:hang-gia.example'))}\n${JSON.stringify(record('tiki:seller:42'))}\n`,
    );
    const bad = path.join(registry.dir, 'bad.ndjson');
    writeFileSync(
      bad,
      `${JSON.stringify(record('tiki:seller:43'))}\n${JSON.stringify({ ...record('tiki:seller:44'), status: 'fake' })}\n`,
    );
    const refused = registry.cli('import', [bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/line 2/);
    expect(refused.stderr).toContain('nothing imported');
    const imported = registry.cli('import', [good]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('imported 2 records');
    const published = registry.cli('publish');
    expect(published.status, published.stderr).toBe(0);
    const manifest = (await client(registry).get('/v1/feed/manifest.json')).body;
    // The two imported records, and the item and seller that 405 installs reported above.
    expect(manifest.snapshot.count).toBe(4);
    const snapshot = await fetch(`${registry.url}/v1/feed/${manifest.snapshot.url}`);
    const records = gunzipSync(Buffer.from(await snapshot.arrayBuffer()))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.find((record) => record.key === 'shopee:item:1001.2002')).toMatchObject({
      status: 'reported',
      reasons: ['community_reports'],
      reportCount: 405,
      summary: { vi: expect.stringContaining('405 phản ánh chưa xác minh') },
    });
    expect(records.find((record) => record.key === 'tiki:seller:42')).toMatchObject({
      status: 'confirmed',
    });
  });

  it('keeps the signature of a manifest a client already holds right across a publish', async () => {
    const first = await fetch(`${registry.url}/v1/feed/manifest.json`);
    const etag = first.headers.get('etag');
    const held = new Uint8Array(await first.arrayBuffer());
    expect(
      (
        await fetch(`${registry.url}/v1/feed/manifest.json`, {
          headers: { 'If-None-Match': etag ?? '' },
        })
      ).status,
    ).toBe(304);
    expect(registry.cli('publish').status).toBe(0);
    const signature = await fetch(`${registry.url}/v1/feed/${await signatureFileFor(held)}`);
    expect(signature.status).toBe(200);
    expect(await verifyWithAny(held, await signature.text(), [TEST_PUBLIC_KEY])).toBe(true);
    // The old name now signs the new manifest: a client that asked for it would be refused.
    const latest = await (await fetch(`${registry.url}/v1/feed/manifest.json.sig`)).text();
    expect(await verifyWithAny(held, latest, [TEST_PUBLIC_KEY])).toBe(false);
    expect(await sha256Hex(held)).toMatch(/^[0-9a-f]{64}$/);
    expect((await fetch(`${registry.url}/v1/feed/..%2Fregistry.sqlite`)).status).toBe(404);
    expect(TEST_PUBLISHER_KEY).toContain('tests/keys');
  });

  it('finishes a request in flight when told to stop, then exits cleanly', async () => {
    const sent = report();
    expect((await client(registry).post('/v1/reports', sent)).status).toBe(201);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(200_000, 7),
    ]);
    const url = new URL(`${registry.url}/v1/reports/${sent.id}/evidence`);
    const answer = new Promise<number>((resolve, reject) => {
      const upload = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'PUT',
          headers: { 'Content-Length': png.byteLength },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      upload.on('error', reject);
      upload.write(png.subarray(0, 1000));
      // The upload is under way when SIGTERM arrives; the rest of it follows.
      setTimeout(() => {
        stopping = registry.stop();
        setTimeout(() => upload.end(png.subarray(1000)), 300);
      }, 300);
    });
    let stopping: Promise<number | null> = Promise.resolve(null);
    expect(await answer).toBe(201);
    expect(await stopping).toBe(0);
    expect(registry.logs.join('\n'), registry.logs.slice(-6).join('\n')).toContain('"stopped"');
    await registry.start();
    expect((await client(registry).get('/health')).status).toBe(200);
  });
});

describe('scheduled publishing', () => {
  it('publishes on its own every PUBLISH_EVERY', async () => {
    const registry = await startRegistry('sqlite', { PUBLISH_EVERY: '1s' });
    try {
      const deadline = Date.now() + 15_000;
      let sequence = 0;
      while (sequence < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        sequence = (await client(registry).get('/health')).body.feedSequence ?? 0;
      }
      expect(sequence).toBeGreaterThanOrEqual(2);
      expect(registry.logs.join('\n')).toContain('"scheduled publish"');
    } finally {
      await registry.cleanup();
    }
  });
});

describe.runIf(process.env.DATABASE_URL_PG)('health on PostgreSQL', () => {
  it('answers 503 when the database goes away, and 200 again when it is back', async () => {
    const registry = await startRegistry('postgres');
    const name = new URL(registry.databaseUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL_PG });
    await admin.connect();
    try {
      expect((await client(registry).get('/health')).status).toBe(200);
      // The registry's sessions are ended and its database renamed: it can no longer connect.
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [name],
      );
      await admin.query(`ALTER DATABASE ${name} RENAME TO ${name}_away`);
      const down = await client(registry).get('/health');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ ok: false, database: 'down', feedSequence: null });
      await admin.query(`ALTER DATABASE ${name}_away RENAME TO ${name}`);
      expect((await client(registry).get('/health')).status).toBe(200);
    } finally {
      await admin.end();
      await registry.cleanup();
    }
  });
});
