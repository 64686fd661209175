/**
 * Starting and watching the registry: bad configuration refused with exit code 2, no configuration
 * at all runs under ./data/, a database that cannot be opened (a path under a file, a read-only
 * filesystem) refused the same way, scheduled publishing, and health while PostgreSQL goes away
 * and back.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixtures';
import {
  client,
  healthUntil,
  registryArgs,
  startRegistry,
  TEST_PUBLISHER_KEY,
} from '../helpers/registry';
import { canMountTmpfs, mountTmpfs, unmount } from '../helpers/tmpfs';

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
          {
            DATABASE_URL: 'postgres://nobody@127.0.0.1:1/registry',
            PUBLISHER_KEY: TEST_PUBLISHER_KEY,
          },
          /database at postgres:\/\/127\.0\.0\.1:1\/registry is unreachable/,
        ],
        [
          { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/registry' },
          /PUBLISHER_KEY is required with PostgreSQL/,
        ],
        [
          { DATABASE_URL: 'mysql://127.0.0.1/registry' },
          /DATABASE_URL must be a file path or postgres/,
        ],
        [{ PORT: 'eighty' }, /PORT must be a whole number/],
        [{ PUBLISH_EVERY: 'often' }, /PUBLISH_EVERY must look like 15m or 2h/],
        [
          { SHUTDOWN_GRACE_MS: 'soon' },
          /SHUTDOWN_GRACE_MS must be a whole number from 0 to 600000/,
        ],
        [{ TRUSTED_PROXIES: '10.0.0.0/33' }, /TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not/],
        [{ TRUST_PROXY: '0' }, /TRUST_PROXY is no longer read.*TRUSTED_PROXIES/],
        [
          { DATABASE_URL: path.join(dir, 'a-file', 'registry.sqlite') },
          /cannot open the database at .*a-file\/registry\.sqlite: (ENOTDIR|EEXIST)/,
        ],
      ];
      writeFileSync(path.join(dir, 'a-file'), '');
      for (const [env, message] of cases) {
        const result = runServer({ DATA_DIR: dir, PORT: '0', ...env });
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
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
      const down = await healthUntil(registry, 503);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        ok: false,
        database: 'down',
        reason: 'database_unavailable',
        feedSequence: null,
      });
      await admin.query(`ALTER DATABASE ${name}_away RENAME TO ${name}`);
      expect((await healthUntil(registry, 200)).status).toBe(200);
    } finally {
      await admin.end();
      await registry.cleanup();
    }
  });
});

describe.runIf(canMountTmpfs)('a database on a read-only filesystem', () => {
  it('is one line on stderr and exit code 2', async () => {
    const mount = mountTmpfs(8);
    try {
      const env = { DATA_DIR: mount, PUBLISHER_KEY: TEST_PUBLISHER_KEY, PORT: '0' };
      const first = spawn(process.execPath, registryArgs('server/main.ts'), {
        env: { PATH: process.env.PATH ?? '', ...env, IMPORT_SHIPPED_SOURCES: '0' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) =>
        first.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('"registry listening"')) resolve();
        }),
      );
      const exited = new Promise((resolve) => first.once('exit', resolve));
      first.kill('SIGTERM');
      await exited;
      // The filesystem turns read-only, as one does after I/O errors.
      expect(spawnSync('mount', ['-o', 'remount,ro', mount]).status).toBe(0);
      const result = runServer(env);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^registry: cannot open the database at .*registry\.sqlite: EROFS/),
      ]);
    } finally {
      unmount(mount);
    }
  });
});
