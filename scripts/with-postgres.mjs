#!/usr/bin/env node
// node scripts/with-postgres.mjs <command> [args…]
// Runs the command with DATABASE_URL_PG pointing at a throwaway PostgreSQL cluster: initdb in a
// temporary directory, listening on 127.0.0.1 only at a free port, stopped and deleted afterwards
// whatever the command's outcome. As root the cluster runs as the `postgres` user (PostgreSQL
// refuses root). Without PostgreSQL's binaries the command runs without DATABASE_URL_PG.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (existsSync(path.join(bin, 'initdb'))) return bin;
  }
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function postgresUid() {
  const result = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

export async function startThrowawayPostgres() {
  const bin = postgresBin();
  if (!bin) return null;
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot ? postgresUid() : null;
  if (asRoot && uid === null) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-pg-'));
  chmodSync(dir, 0o700);
  if (asRoot) chownSync(dir, uid, uid);
  const port = await freePort();
  const run = (command) => {
    const result = asRoot
      ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { encoding: 'utf8' })
      : spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command}\n${result.stdout}${result.stderr}`);
  };
  run(
    `${bin}/initdb -D ${dir}/data -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null`,
  );
  const start = () =>
    run(
      `${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w -o "-k ${dir} -c listen_addresses=127.0.0.1 -p ${port} -c fsync=off -c max_connections=200" start >/dev/null`,
    );
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /** Stops the server (its data kept), as an outage or a restart would; startServer() again. */
    stopServer() {
      run(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop >/dev/null`);
    },
    startServer: start,
    stop() {
      try {
        run(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop >/dev/null`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A fresh, empty database on the cluster `adminUrl` names; its URL. */
export async function createDatabase(adminUrl, prefix) {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
    process.exit(2);
  }
  const cluster = await startThrowawayPostgres();
  if (cluster) console.log(`PostgreSQL for this run: ${cluster.url}`);
  else console.log('PostgreSQL binaries not found: running without DATABASE_URL_PG');
  const stop = () => cluster?.stop();
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: cluster ? { ...process.env, DATABASE_URL_PG: cluster.url } : process.env,
  });
  stop();
  process.exit(result.status ?? 1);
}
