#!/usr/bin/env node
// `npm test`: every suite, end-to-end included. Makes sure Chromium is there, builds the Chrome
// and Firefox packages the end-to-end tests load or read (the release builds, and the e2e build
// that also trusts the test feed key in tests/keys), runs vitest (extra arguments are passed on),
// and ends with one line of totals: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { countResults, totalsLine } from './test-results.mjs';

const RESULTS = 'test-results/vitest.json';

function run(command, args) {
  return spawnSync(command, args, { stdio: 'inherit', shell: false }).status ?? 1;
}

ensureChromium();
const builds = [
  ['wxt', 'build'],
  ['wxt', 'build', '-b', 'firefox'],
  ['wxt', 'build', '--mode', 'e2e'],
];
if (builds.some((args) => run('npx', args) !== 0)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('test-results', { recursive: true });
rmSync(RESULTS, { force: true });
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${RESULTS}`,
  ...process.argv.slice(2),
]);

const counts = countResults(RESULTS);
if (status !== 0 && counts.failed === 0) counts.failed = 1;
console.log(totalsLine(counts));
process.exit(status);
