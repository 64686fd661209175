/**
 * A full disk on one machine: reports answered 503 disk_full with Retry-After (the extension's
 * outbox tries again later), health 503 with the reason, and both recovering once there is room.
 * Everywhere through SQLite's own page limit (the registry in this process, so the test can set
 * it on the registry's connection); and, where this machine lets the test mount a small tmpfs
 * (as root), for real, with the registry's data directory on it.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openRegistry, type Registry, registryLogger } from '../../server/registry';
import {
  client,
  healthUntil,
  type RegistryProcess,
  startRegistry,
  TEST_PUBLISHER_KEY,
} from '../helpers/registry';
import { report, screenshot } from '../helpers/reports';
import { canMountTmpfs, mountTmpfs, unmount } from '../helpers/tmpfs';

/** Sends reports one by one until one is refused (at most `most`); that answer. */
async function firstRefusal(api: ReturnType<typeof client>, most: number) {
  for (let i = 0; i < most; i++) {
    const answer = await api.post('/v1/reports', report({}, { itemKey: `shopee:item:1001.${i}` }));
    if (answer.status !== 201) return answer;
  }
  throw new Error(`${most} reports were all stored`);
}

describe("a full database (SQLite's page limit)", () => {
  let dir: string;
  let registry: Registry;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-full-'));
    const config = loadConfig({
      DATA_DIR: dir,
      PUBLISHER_KEY: TEST_PUBLISHER_KEY,
      IMPORT_SHIPPED_SOURCES: '0',
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'silent',
    });
    registry = await openRegistry(config, registryLogger(config));
    await new Promise<void>((resolve) => {
      server = serve(
        { fetch: createApp(registry).fetch, port: 0, hostname: '127.0.0.1' },
        (info: AddressInfo) => {
          url = `http://127.0.0.1:${info.port}`;
          resolve();
        },
      ) as Server;
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await registry?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 disk_full with Retry-After, and health says disk_full until a write succeeds again', async () => {
    const api = client({ url } as RegistryProcess);
    expect((await api.post('/v1/reports', report())).status).toBe(201);
    const sqlite = registry.database.sqlite;
    if (!sqlite) throw new Error('expected SQLite');
    // No page beyond those the database has: the next report that needs one finds it "full".
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`);
    const refused = await firstRefusal(api, 2000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(refused.body.error).toMatchObject({ code: 'disk_full' });
    // Health's own probe rewrites one row, which still fits: the failed write is what it reports.
    const health = await api.get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ ok: false, database: 'down', reason: 'disk_full' });

    sqlite.pragma('max_page_count = 1073741823');
    expect((await api.post('/v1/reports', report())).status).toBe(201);
    expect((await healthUntil({ url }, 200)).body).toMatchObject({ ok: true, database: 'up' });
  });
});

/** Writes zeros into `file` until the filesystem has no room left. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  // What is left is smaller than a block: take it too, in ever smaller pieces.
  for (let size = 32 * 1024; size >= 512; size /= 2) {
    try {
      for (;;) writeSync(fd, block.subarray(0, size));
    } catch {}
  }
  // Closed, so that deleting the file gives its room back (and the mount can be undone).
  closeSync(fd);
}

describe.runIf(canMountTmpfs)('a full disk for real (the data directory on a small tmpfs)', () => {
  let mount: string;
  let registry: RegistryProcess;
  beforeAll(async () => {
    mount = mountTmpfs(40);
    registry = await startRegistry('sqlite', {
      DATA_DIR: mount,
      DATABASE_URL: path.join(mount, 'registry.sqlite'),
      IMPORT_SHIPPED_SOURCES: '0',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
  });
  afterAll(async () => {
    await registry?.cleanup();
    if (mount) unmount(mount);
  });

  it('answers reports and screenshots 503 disk_full, health says so, and all recover when room is made', async () => {
    const api = client(registry);
    const stored = report();
    expect((await api.post('/v1/reports', stored)).status).toBe(201);
    expect((await api.get('/health')).status).toBe(200);
    const filler = path.join(mount, 'filler');
    fillDisk(filler);

    const refused = await firstRefusal(api, 5000);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(['disk_full', 'storage_error']).toContain(refused.body.error.code);
    const png = screenshot(100_000);
    const upload = await fetch(`${registry.url}/v1/reports/${stored.id}/evidence`, {
      method: 'PUT',
      body: png,
    });
    expect(upload.status).toBe(503);
    expect(upload.headers.get('retry-after')).toBe('60');
    expect(((await upload.json()) as { error: { code: string } }).error.code).toBe('disk_full');
    const health = await healthUntil(registry, 503);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ ok: false, reason: 'disk_full' });

    // Room again: the next report is stored, and with it health is up (a failed write is its
    // answer until one succeeds).
    rmSync(filler);
    expect((await api.post('/v1/reports', report())).status).toBe(201);
    expect((await healthUntil(registry, 200)).status).toBe(200);
    expect(
      (
        await fetch(`${registry.url}/v1/reports/${stored.id}/evidence`, {
          method: 'PUT',
          body: png,
        })
      ).status,
    ).toBe(201);
  });
});
