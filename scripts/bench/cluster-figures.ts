/**
 * The registry past one machine, for `npm run bench:server` (BENCH_ONLY=cluster): report intake on
 * PostgreSQL straight to one instance (the floor the balancer is measured against), then through
 * HAProxy (ops/haproxy.cfg) to one instance and to two; and publishing 1,000,000 records on
 * PostgreSQL with the feed stored in it. On two cores two instances do not double: the figures show
 * what the balancer costs and what a second process adds on the same cores.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { migrate, openDatabase } from '../../server/db/dialect';
import { publishRegistry } from '../../server/publish/publish-from-database';
import { loadPublisherKey } from '../../server/publish/publisher-key';
import { DatabaseFeed } from '../../server/publish/stores/database-feed';
import { createDatabase } from '../with-postgres.mjs';
import { type Figure, round } from './results';

export interface IntakeLoad {
  perSecond: number;
  p99: number;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const TEST_KEY = path.join(ROOT, 'tests/keys/test-publisher.private.key');
const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy'];

interface Helpers {
  startRegistry(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }>;
  stop(child: ChildProcess): Promise<void>;
  load(url: string): Promise<IntakeLoad>;
  show(name: string, run: IntakeLoad): void;
  freePort(): Promise<number>;
}

async function startHaproxy(port: number, a: number, b: number): Promise<ChildProcess> {
  const { existsSync } = await import('node:fs');
  const binary = HAPROXY.find((file) => existsSync(file));
  if (!binary) throw new Error('HAProxy is not installed');
  const child = spawn(binary, ['-db', '-f', path.join(ROOT, 'ops/haproxy.cfg')], {
    env: {
      PATH: process.env.PATH ?? '',
      REGISTRY_LISTEN: `127.0.0.1:${port}`,
      REGISTRY_A: `127.0.0.1:${a}`,
      REGISTRY_B: `127.0.0.1:${b}`,
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('HAProxy did not answer');
}

export async function clusterFigures(
  admin: string,
  dir: string,
  figures: Record<string, Figure>,
  helpers: Helpers,
): Promise<void> {
  const databaseUrl = await createDatabase(admin, 'bench_cluster');
  const env = (name: string) => ({
    PORT: '0',
    DATA_DIR: path.join(dir, name),
    DATABASE_URL: databaseUrl,
    PUBLISHER_KEY: TEST_KEY,
    RATE_LIMIT_PER_MINUTE: '100000000',
    IMPORT_SHIPPED_SOURCES: '0',
    TRUSTED_PROXIES: '127.0.0.1',
    LOG_LEVEL: 'info',
  });
  const a = await helpers.startRegistry(env('a'));
  const b = await helpers.startRegistry(env('b'));
  try {
    const direct = await helpers.load(`http://127.0.0.1:${a.port}`);
    helpers.show('PostgreSQL, one instance, no balancer', direct);
    const results: Record<string, IntakeLoad> = { direct };
    for (const [name, second] of [
      ['one', a.port],
      ['two', b.port],
    ] as const) {
      const port = await helpers.freePort();
      const balancer = await startHaproxy(port, a.port, second);
      try {
        const run = await helpers.load(`http://127.0.0.1:${port}`);
        helpers.show(`PostgreSQL through HAProxy, ${name} instance(s)`, run);
        results[name] = run;
      } finally {
        await helpers.stop(balancer);
      }
    }
    for (const [name, run] of Object.entries(results)) {
      figures[`server_reports_per_s_pg_${name === 'direct' ? 'direct' : `haproxy_${name}`}`] = {
        value: round(run.perSecond, 0),
        unit: 'reports/s',
        baseline: round(direct.perSecond, 0),
        ratio: round(run.perSecond / direct.perSecond),
      };
      figures[`server_p99_ms_pg_${name === 'direct' ? 'direct' : `haproxy_${name}`}`] = {
        value: run.p99,
        unit: 'ms',
        baseline: direct.p99,
      };
    }
  } finally {
    await helpers.stop(a.child);
    await helpers.stop(b.child);
  }
}

/** Publishes `count` records twice (a snapshot, then snapshot + delta) with the feed in PostgreSQL. */
export async function publishMillionOnPostgres(admin: string, count: number): Promise<number> {
  const open = openDatabase(await createDatabase(admin, 'bench_publish'));
  try {
    await migrate(open);
    const started = performance.now();
    await sql`insert into records (key, record, source, updated_at)
      select 'tiki:item:' || (100000000 + n),
        json_build_object(
          'key', 'tiki:item:' || (100000000 + n),
          'status', case when n % 10 = 0 then 'confirmed' else 'suspected' end,
          'reasons', json_build_array('counterfeit'),
          'authority', 'Cục Quản lý thị trường',
          'caseId', 'QĐ ' || n || '/2026',
          'summary', json_build_object('vi', 'Bán hàng giả nhãn hiệu.',
            'en', 'Sells goods under a counterfeit brand.'),
          'firstSeen', '2026-06-01',
          'updated', '2026-11-20')::text,
        'import', '2026-12-01T00:00:00.000Z'
      from generate_series(0, ${count - 1}) as n`.execute(open.db);
    console.log(
      `PostgreSQL: ${count} records inserted in ${round(performance.now() - started, 0)} ms`,
    );
    const key = await loadPublisherKey(TEST_KEY, ROOT);
    const config = {
      publisherName: 'Bench registry',
      feedName: 'soi-hang',
      communityThreshold: 0,
      communityWindowDays: 30,
      publishMaxDropPercent: 20,
      replacesShipped: false,
    };
    const feed = new DatabaseFeed(open.db);
    const first = await publishRegistry(open.db, 'postgres', feed, config, key);
    console.log(
      `publish of ${count} records on PostgreSQL, feed in the database (first): ${round(first.ms, 0)} ms`,
    );
    const second = await publishRegistry(open.db, 'postgres', feed, config, key);
    console.log(
      `publish of ${count} records on PostgreSQL, feed in the database (next, snapshot + delta): ${round(second.ms, 0)} ms`,
    );
    return second.ms;
  } finally {
    await open.db.destroy();
  }
}
