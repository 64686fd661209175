/**
 * npm run bench:server — the registry's figures, merged into bench-results.json:
 *   server_reports_per_s_sqlite / _postgres, server_p99_ms_sqlite / _postgres: report intake on
 *     loopback (autocannon, unique ids, 50 connections, BENCH_SERVER_SECONDS seconds, default 20),
 *     SQLite against the floor measured in the same run (a minimal Hono app inserting the JSON into
 *     better-sqlite3: `baseline`, `ratio`);
 *   server_publish_1m_ms: publishing a feed of 1,000,000 records from the database (SQLite, feed
 *     in a directory); server_publish_1m_ms_postgres: the same on PostgreSQL, feed in the database;
 *   server_reports_per_s_pg_direct / _pg_haproxy_one / _pg_haproxy_two (and p99s): intake on
 *     PostgreSQL straight to one instance, then through HAProxy to one and to two instances
 *     (cluster-figures.ts).
 * PostgreSQL runs on DATABASE_URL_PG, or a throwaway cluster when its binaries are installed.
 * Benchmarks print figures; they do not pass or fail.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type Database from 'better-sqlite3';
import { migrate, openDatabase } from '../../server/db/dialect';
import { publishRegistry } from '../../server/publish/publish-from-database';
import { loadPublisherKey } from '../../server/publish/publisher-key';
import { DirectoryFeed } from '../../server/publish/stores/directory-feed';
import type { FlagRecord } from '../../utils/protocol/records';
import { createDatabase, startThrowawayPostgres } from '../with-postgres.mjs';
import { clusterFigures, publishMillionOnPostgres } from './cluster-figures';
import { type Figure, mergeResults, round } from './results';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 20);
const PUBLISH_RECORDS = Number(process.env.BENCH_PUBLISH_RECORDS ?? 1_000_000);
const TSX_LOADER = import.meta.resolve('tsx');
/** BENCH_ONLY=intake, publish or cluster runs one part. */
const wanted = (part: 'intake' | 'publish' | 'cluster') =>
  !process.env.BENCH_ONLY || process.env.BENCH_ONLY === part;

/** Starts a process and resolves with its port once it prints a line carrying one. */
function startProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n')) {
        try {
          const port = JSON.parse(line).port;
          if (typeof port === 'number') return resolve({ child, port });
        } catch {}
      }
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** A report as an extension sends one: its keys and address name the same listing. */
function reportBody(): string {
  const shop = 1000 + Math.floor(Math.random() * 5000);
  const item = Math.floor(Math.random() * 1e9);
  return JSON.stringify({
    id: randomUUID(),
    listing: {
      platform: 'shopee',
      itemKey: `shopee:item:${shop}.${item}`,
      sellerKey: `shopee:seller:${shop}`,
      title: 'Sữa bột Colos IQ for Mum 800g hàng chính hãng date mới',
      price: 185000,
      url: `https://shopee.vn/sua-bot-colos-i.${shop}.${item}`,
      seenAt: '2026-12-03T08:00:00.000Z',
    },
    reasons: ['counterfeit', 'unsafe'],
    note: 'Hộp in mờ, mã vạch không quét được, giá rẻ hơn đại lý một nửa.',
    clientId: randomUUID(),
    version: '0.1.0',
  });
}

interface Load {
  perSecond: number;
  p99: number;
  p50: number;
  errors: number;
  non2xx: number;
}

async function load(port: number | string): Promise<Load> {
  const result = await autocannon({
    url: `${typeof port === 'number' ? `http://127.0.0.1:${port}` : port}/v1/reports`,
    connections: 50,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: reportBody() }),
      },
    ],
  });
  return {
    perSecond: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

const show = (name: string, run: Load) =>
  console.log(
    `${name}: ${round(run.perSecond, 0)} reports/s, p50 ${run.p50} ms, p99 ${run.p99} ms` +
      (run.errors || run.non2xx ? ` (${run.errors} errors, ${run.non2xx} non-2xx)` : ''),
  );

const TEST_KEY = path.join(ROOT, 'tests/keys/test-publisher.private.key');

async function registryLoad(databaseUrl: string, dir: string): Promise<Load> {
  const { child, port } = await startProcess(['server/main.ts'], {
    PORT: '0',
    DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'info',
    // PostgreSQL needs a key every instance shares; SQLite would generate one.
    ...(databaseUrl.startsWith('postgres') ? { PUBLISHER_KEY: TEST_KEY } : {}),
  });
  try {
    return await load(port);
  } finally {
    await stop(child);
  }
}

function record(n: number): FlagRecord {
  return {
    key: `tiki:item:${100_000_000 + n}`,
    status: n % 10 === 0 ? 'confirmed' : 'suspected',
    reasons: ['counterfeit'],
    authority: 'Cục Quản lý thị trường',
    caseId: `QĐ ${n}/2026`,
    summary: { vi: 'Bán hàng giả nhãn hiệu.', en: 'Sells goods under a counterfeit brand.' },
    firstSeen: '2026-06-01',
    updated: '2026-11-20',
  };
}

let snapshotBytes = 0;

async function publishMillion(dir: string): Promise<number> {
  const file = path.join(dir, 'publish.sqlite');
  const open = openDatabase(file);
  await migrate(open);
  const sqlite = open.sqlite as Database.Database;
  const insert = sqlite.prepare(
    "insert into records (key, record, source, updated_at) values (?, ?, 'import', '2026-12-01T00:00:00.000Z')",
  );
  sqlite.transaction(() => {
    for (let n = 0; n < PUBLISH_RECORDS; n++) {
      const value = record(n);
      insert.run(value.key, JSON.stringify(value));
    }
  })();
  const key = await loadPublisherKey(null, dir);
  const config = {
    feedDir: path.join(dir, 'feed'),
    publisherName: 'Bench registry',
    feedName: 'soi-hang',
    communityThreshold: 5,
    communityWindowDays: 30,
    publishMaxDropPercent: 20,
    replacesShipped: false,
  };
  const feed = new DirectoryFeed(config.feedDir);
  const first = await publishRegistry(open.db, 'sqlite', feed, config, key);
  console.log(
    `publish of ${PUBLISH_RECORDS} records (first, a snapshot): ${round(first.ms, 0)} ms`,
  );
  // A second publish also reads the previous snapshot back and writes the delta: the usual case.
  const second = await publishRegistry(open.db, 'sqlite', feed, config, key);
  console.log(
    `publish of ${PUBLISH_RECORDS} records (next, snapshot + delta): ${round(second.ms, 0)} ms`,
  );
  await open.db.destroy();
  const manifest = JSON.parse(readFileSync(path.join(config.feedDir, 'manifest.json'), 'utf8'));
  console.log(
    `feed of ${PUBLISH_RECORDS} records: snapshot ${manifest.snapshot.bytes} bytes, manifest ` +
      `${statSync(path.join(config.feedDir, 'manifest.json')).size} bytes`,
  );
  snapshotBytes = manifest.snapshot.bytes;
  return second.ms;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-bench-server-'));
  const figures: Record<string, Figure> = {};
  const postgres: { cluster: Awaited<ReturnType<typeof startThrowawayPostgres>> } = {
    cluster: null,
  };
  try {
    if (wanted('intake')) await intake(dir, figures);
    if (wanted('publish')) {
      figures.server_publish_1m_ms = {
        value: round(await publishMillion(dir), 0),
        unit: `ms for ${PUBLISH_RECORDS} records`,
      };
      figures.server_feed_snapshot_bytes = {
        value: snapshotBytes,
        unit: `bytes for ${PUBLISH_RECORDS} records`,
      };
    }
    if (wanted('publish') || wanted('cluster')) {
      const admin = await postgresAdmin();
      if (admin && wanted('publish')) {
        figures.server_publish_1m_ms_postgres = {
          value: round(await publishMillionOnPostgres(admin, PUBLISH_RECORDS), 0),
          unit: `ms for ${PUBLISH_RECORDS} records, feed in the database`,
        };
      }
      if (admin && wanted('cluster')) {
        await clusterFigures(admin, dir, figures, {
          startRegistry: (env) => startProcess(['server/main.ts'], env),
          stop,
          load: (url) => load(url),
          show,
          freePort,
        });
      }
      if (!admin) console.log('PostgreSQL: no cluster; the PostgreSQL figures are skipped');
    }
  } finally {
    postgres.cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  mergeResults(figures);
  console.log('written to bench-results.json');

  /** DATABASE_URL_PG, or a throwaway cluster started once for the run. */
  async function postgresAdmin(): Promise<string | null> {
    if (process.env.DATABASE_URL_PG) return process.env.DATABASE_URL_PG;
    postgres.cluster ??= await startThrowawayPostgres();
    return postgres.cluster?.url ?? null;
  }

  async function intake(dir: string, figures: Record<string, Figure>) {
    const floorProcess = await startProcess(
      ['scripts/bench/floor-server.ts', path.join(dir, 'floor.sqlite')],
      {},
    );
    const floor = await load(floorProcess.port).finally(() => stop(floorProcess.child));
    show('floor (minimal Hono + better-sqlite3 insert)', floor);
    const pipelineProcess = await startProcess(['scripts/bench/pipeline-floor.ts', dir], {});
    const pipeline = await load(pipelineProcess.port).finally(() => stop(pipelineProcess.child));
    show('our HTTP app with storage that costs nothing', pipeline);
    const sqlite = await registryLoad(path.join(dir, 'registry.sqlite'), dir);
    show('registry on SQLite', sqlite);
    figures.server_reports_per_s_sqlite = {
      value: round(sqlite.perSecond, 0),
      unit: 'reports/s',
      baseline: round(floor.perSecond, 0),
      ratio: round(sqlite.perSecond / floor.perSecond),
    };
    figures.server_p99_ms_sqlite = { value: sqlite.p99, unit: 'ms', baseline: floor.p99 };
    figures.server_reports_per_s_no_storage = {
      value: round(pipeline.perSecond, 0),
      unit: 'reports/s (our app, storage stubbed)',
      baseline: round(floor.perSecond, 0),
      ratio: round(pipeline.perSecond / floor.perSecond),
    };

    const admin = await postgresAdmin();
    if (admin) {
      const onPostgres = await registryLoad(await createDatabase(admin, 'bench'), dir);
      show('registry on PostgreSQL', onPostgres);
      figures.server_reports_per_s_postgres = {
        value: round(onPostgres.perSecond, 0),
        unit: 'reports/s',
      };
      figures.server_p99_ms_postgres = { value: onPostgres.p99, unit: 'ms' };
    } else {
      console.log('PostgreSQL: no cluster (set DATABASE_URL_PG or install postgresql); skipped');
    }
  }
}

await main();
