/**
 * The registry's files are its own: after a real run (first start, a report with a screenshot, a
 * publish, a backup) the data directory is 0700 and every file in it 0600; a database an older
 * start left readable by others is tightened; and a backup with no database to copy refuses
 * instead of making an empty one.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { client, registryArgs, startRegistry } from '../helpers/registry';
import { report, screenshot } from '../helpers/reports';

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8).padStart(4, '0');

/** Every directory and file under `root` with its mode, relative names. */
function modes(root: string): Record<string, string> {
  const found: Record<string, string> = { '.': modeOf(root) };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      found[path.relative(root, full)] = modeOf(full);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(root);
  return found;
}

describe('file modes', () => {
  const made: string[] = [];
  const base = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-modes-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the data directory 0700 and every file in it 0600', async () => {
    const dataDir = path.join(base(), 'data');
    // Everything in DATA_DIR: the database, a generated key pair, evidence, the feed.
    const registry = await startRegistry('sqlite', {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PUBLISHER_KEY: '',
    });
    try {
      const sent = report();
      expect((await client(registry).post('/v1/reports', sent)).status).toBe(201);
      const png = screenshot(1000);
      const uploaded = await fetch(`${registry.url}/v1/reports/${sent.id}/evidence`, {
        method: 'PUT',
        body: png,
      });
      expect(uploaded.status).toBe(201);
      expect(registry.cli('publish').status).toBe(0);
      const backup = path.join(dataDir, 'backup.sqlite');
      expect(registry.cli('backup', [backup]).status).toBe(0);

      const found = modes(dataDir);
      for (const name of [
        'registry.sqlite',
        'registry.sqlite-wal',
        'registry.sqlite-shm',
        'publisher.private.key',
        'feed/manifest.json',
        'backup.sqlite',
      ]) {
        expect(found[name], name).toBe('0600');
      }
      const evidence = Object.keys(found).filter((name) =>
        /^evidence\/..\/[0-9a-f]{64}$/.test(name),
      );
      expect(evidence).toHaveLength(1);
      for (const [name, mode] of Object.entries(found)) {
        const directory = statSync(path.join(dataDir, name)).isDirectory();
        expect(mode, name).toBe(directory ? '0700' : '0600');
      }
    } finally {
      await registry.cleanup();
    }
  });

  it('tightens a database an older start left readable by others, and warns about an open DATA_DIR', async () => {
    const dataDir = path.join(base(), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const file = path.join(dataDir, 'registry.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.close();
    chmodSync(file, 0o644);
    const registry = await startRegistry('sqlite', { DATA_DIR: dataDir, DATABASE_URL: file });
    try {
      expect(modeOf(file)).toBe('0600');
      expect(modeOf(`${file}-wal`)).toBe('0600');
      expect(registry.logs.join('\n')).toContain('DATA_DIR is open to other users');
      // The directory is the operator's to change: it may be shared on purpose.
      expect(modeOf(dataDir)).toBe('0755');
    } finally {
      await registry.cleanup();
    }
  });

  it('refuses a backup when there is no database to copy, and makes none', () => {
    const cwd = base();
    const result = spawnSync(
      process.execPath,
      [...registryArgs('server/cli/backup.ts'), path.join(cwd, 'copy.sqlite')],
      { cwd, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `server:backup: there is no database at ${path.join(cwd, 'data/registry.sqlite')} (set DATA_DIR or DATABASE_URL)`,
    ]);
    expect(existsSync(path.join(cwd, 'data'))).toBe(false);
    expect(existsSync(path.join(cwd, 'copy.sqlite'))).toBe(false);
  });
});
