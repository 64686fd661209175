/**
 * No orphan files: an image exists only for a row that committed, and a publish killed with SIGKILL
 * leaves the feed served whole (the previous one or the new one), on both databases.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { migrate, openDatabase } from '../../server/db/dialect';
import { FeedManifestSchema } from '../../utils/feed-format/manifest';
import { verifyWithAny } from '../../utils/feed-format/signature';
import { record } from '../helpers/records';
import {
  BACKENDS,
  client,
  freshPostgres,
  type RegistryProcess,
  startRegistry,
} from '../helpers/registry';
import { report } from '../helpers/reports';
import { publicKey } from '../helpers/test-keys';

const png = (fill: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, fill, fill]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

async function lastSequence(url: string): Promise<number> {
  const answer = await fetch(`${url}/v1/feed/manifest.json`);
  return FeedManifestSchema.parse(await answer.json()).sequence;
}

/** A database holding `count` imported records, ready for a registry to open. */
async function databaseWithRecords(
  backend: 'sqlite' | 'postgres',
  file: string,
  count: number,
): Promise<string> {
  const url = backend === 'postgres' ? await freshPostgres() : file;
  const open = openDatabase(url);
  try {
    await migrate(open);
    const rows = Array.from({ length: count }, (_, n) => {
      const value = record(`tiki:item:${700_000 + n}`, { caseId: `LEFT-${n}` });
      return {
        key: value.key,
        record: JSON.stringify(value),
        source: 'import' as const,
        updated_at: '2026-12-01T00:00:00.000Z',
      };
    });
    await open.db.transaction().execute(async (trx) => {
      for (let at = 0; at < rows.length; at += 500) {
        await trx
          .insertInto('records')
          .values(rows.slice(at, at + 500))
          .execute();
      }
    });
  } finally {
    await open.db.destroy();
  }
  return url;
}

describe.each(BACKENDS)('no orphan files (%s)', (backend) => {
  let registry: RegistryProcess | undefined;
  afterEach(async () => {
    await registry?.cleanup();
    registry = undefined;
  });

  it('keeps the image of a screenshot that was stored, and nothing of one refused with 409', async () => {
    registry = await startRegistry(backend, { IMPORT_SHIPPED_SOURCES: '0' });
    const sent = report();
    expect((await client(registry).post('/v1/reports', sent)).status).toBe(201);
    const put = (bytes: Uint8Array<ArrayBuffer>) =>
      fetch(`${registry?.url}/v1/reports/${sent.id}/evidence`, { method: 'PUT', body: bytes });
    expect((await put(png(1))).status).toBe(201);
    expect((await put(png(1))).status).toBe(200);
    expect((await put(png(2))).status).toBe(409);
    const inspector = registry.token('Thanh tra', 'inspector');
    const read = (bytes: Uint8Array) =>
      fetch(`${registry?.url}/v1/review/evidence/${sha256(bytes)}`, {
        headers: { Authorization: `Bearer ${inspector}` },
      });
    expect((await read(png(1))).status).toBe(200);
    expect((await read(png(2))).status).toBe(404);
    if (backend === 'sqlite') {
      expect(filesUnder(path.join(registry.dir, 'evidence'))).toEqual([sha256(png(1))]);
    } else {
      const open = openDatabase(registry.databaseUrl);
      try {
        const rows = await open.db.selectFrom('evidence_blobs').select('sha256').execute();
        expect(rows.map((row) => row.sha256)).toEqual([sha256(png(1))]);
      } finally {
        await open.db.destroy();
      }
    }
  });

  it('serves the previous feed or the new one whole after a publish killed with SIGKILL', {
    timeout: 180_000,
  }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-left-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const databaseUrl = await databaseWithRecords(
      backend,
      path.join(dir, 'registry.sqlite'),
      30_000,
    );
    registry = await startRegistry(backend, { IMPORT_SHIPPED_SOURCES: '0' }, databaseUrl);
    const admin = registry.token('Quản trị', 'admin');
    const api = client(registry, admin);
    expect((await api.post('/v1/review/publish', {})).status).toBe(200);

    const outcomes: number[] = [];
    let interrupted = 0;
    for (const delay of [150, 400, 800]) {
      const before = await lastSequence(registry.url);
      const publishing = api.post('/v1/review/publish', {}).catch(() => null);
      await sleep(delay);
      await registry.kill();
      await publishing;
      await registry.start();
      const manifestAnswer = await fetch(`${registry.url}/v1/feed/manifest.json`);
      expect(manifestAnswer.status).toBe(200);
      const manifestBytes = new Uint8Array(await manifestAnswer.arrayBuffer());
      const signature = await (await fetch(`${registry.url}/v1/feed/manifest.json.sig`)).text();
      expect(await verifyWithAny(manifestBytes, signature, [publicKey])).toBeTruthy();
      const manifest = FeedManifestSchema.parse(
        JSON.parse(new TextDecoder().decode(manifestBytes)),
      );
      const snapshot = new Uint8Array(
        await (await fetch(`${registry.url}/v1/feed/${manifest.snapshot.url}`)).arrayBuffer(),
      );
      expect(sha256(snapshot)).toBe(manifest.snapshot.sha256);
      outcomes.push(manifest.sequence);
      if (manifest.sequence === before) interrupted++;
      else expect(manifest.sequence).toBe(before + 1);
      if (backend === 'sqlite') {
        // The start's sweep removed whatever the killed write left half done.
        await sleep(300);
        expect(
          filesUnder(path.join(registry.dir, 'feed')).filter((name) => name.includes('.tmp-')),
        ).toEqual([]);
      }
    }
    // At least one kill landed before the publish committed (30,000 records take over a second).
    expect(interrupted).toBeGreaterThan(0);
    // After all that, publishing goes on from the newest sequence.
    const after = await api.post('/v1/review/publish', {});
    expect(after.status).toBe(200);
    expect(after.body.sequence).toBeGreaterThan(Math.max(...outcomes));
  });
});
