/**
 * A running registry as an operator keeps it: the SQLite log checkpointed off the request thread,
 * an online backup, imports refused whole, reports that never publish themselves, a feed whose
 * signature stays right for a client that fetched the manifest just before a publish, and a
 * graceful SIGTERM.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureFileFor, verifyWithAny } from '../../utils/feed-format/signature';
import { REPO_ROOT } from '../helpers/fixtures';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report, screenshot } from '../helpers/reports';

const TEST_PUBLIC_KEY = readFileSync(
  path.join(REPO_ROOT, 'tests/keys/test-publisher.public.key'),
  'utf8',
).trim();

describe('a running registry', () => {
  let registry: RegistryProcess;
  beforeAll(async () => {
    // Counts records exactly: nothing but what the tests import (no shipped sources).
    registry = await startRegistry('sqlite', {
      RATE_LIMIT_PER_MINUTE: '1000',
      IMPORT_SHIPPED_SOURCES: '0',
    });
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
    // The two imported records only. The 405 reports above came under 405 made-up install ids from
    // one address, that is from one network: they wait in the review queue and publish nothing
    // (COMMUNITY_THRESHOLD is off by default), whatever their install ids claim.
    expect(manifest.snapshot.count).toBe(2);
    const queue = await client(registry, registry.token('Thanh tra viên', 'inspector')).get(
      '/v1/review/queue?sort=reports',
    );
    expect(
      queue.body.items.find((item: { key: string }) => item.key === 'shopee:item:1001.2002'),
    ).toMatchObject({ reports: 405, installs: 405, networks: 1 });
    const snapshot = await fetch(`${registry.url}/v1/feed/${manifest.snapshot.url}`);
    const records = gunzipSync(Buffer.from(await snapshot.arrayBuffer()))
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records.find((record) => record.key === 'shopee:item:1001.2002')).toBeUndefined();
    expect(records.find((record) => record.key === 'shopee:seller:1001')).toBeUndefined();
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
    expect((await fetch(`${registry.url}/v1/feed/..%2Fregistry.sqlite`)).status).toBe(404);
  });

  it('finishes a request in flight when told to stop, then exits cleanly', async () => {
    const sent = report();
    expect((await client(registry).post('/v1/reports', sent)).status).toBe(201);
    const png = screenshot(200_000);
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
