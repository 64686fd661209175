#!/usr/bin/env node
// `npm test`: every suite, end-to-end included. Makes sure Chromium and Firefox ESR are there,
// builds the Chrome and Firefox packages the end-to-end tests load or read (the release builds; the
// release builds pinned to the test feed key in tests/keys, which every test of a user action runs
// in each browser; and the e2e build, whose roots are open), starts a throwaway PostgreSQL cluster when
// its binaries are installed and DATABASE_URL_PG is not set (the registry's suites then run on
// SQLite and PostgreSQL; on SQLite alone otherwise; with HAProxy installed too, the cluster suite
// runs two instances behind it), runs vitest (extra arguments are passed on),
// and ends with one line of totals: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { ensureChromium, ensureFirefox } from './ensure-browsers.mjs';
import { countResults, totalsLine } from './test-results.mjs';
import { startThrowawayPostgres } from './with-postgres.mjs';

const RESULTS = 'test-results/vitest.json';

function run(command, args, env = process.env) {
  return spawnSync(command, args, { stdio: 'inherit', shell: false, env }).status ?? 1;
}

ensureChromium();
ensureFirefox();
const builds = [
  ['npx', ['wxt', 'build']],
  ['npx', ['wxt', 'build', '-b', 'firefox']],
  ['node', ['scripts/build-release-test.mjs']],
  ['node', ['scripts/build-release-test.mjs', '-b', 'firefox']],
  ['npx', ['wxt', 'build', '--mode', 'e2e']],
];
if (builds.some(([command, args]) => run(command, args) !== 0)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('test-results', { recursive: true });
rmSync(RESULTS, { force: true });
const cluster = process.env.DATABASE_URL_PG ? null : await startThrowawayPostgres();
console.log(
  process.env.DATABASE_URL_PG || cluster
    ? 'registry suites: SQLite and PostgreSQL'
    : 'registry suites: SQLite only (install postgresql to run them on PostgreSQL too)',
);
const haproxy = ['/usr/sbin/haproxy', '/usr/bin/haproxy'].some((file) => existsSync(file));
console.log(
  haproxy && (process.env.DATABASE_URL_PG || cluster)
    ? 'cluster suite: two instances on PostgreSQL behind HAProxy'
    : 'cluster suite: skipped (install haproxy and postgresql to run it)',
);
let status;
try {
  status = run(
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${RESULTS}`,
      ...process.argv.slice(2),
    ],
    cluster ? { ...process.env, DATABASE_URL_PG: cluster.url } : process.env,
  );
} finally {
  cluster?.stop();
}

const counts = countResults(RESULTS);
if (status !== 0 && counts.failed === 0) counts.failed = 1;
console.log(totalsLine(counts));
process.exit(status);
