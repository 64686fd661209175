#!/usr/bin/env node
// `npm test`: every suite, end-to-end included. Makes sure Chromium is there, builds the Chrome
// packages the end-to-end tests load (the release build, and the e2e build that also trusts the
// test feed key in tests/keys), runs vitest (extra arguments are passed on), and ends with one
// line of totals: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const RESULTS = 'test-results/vitest.json';

function run(command, args) {
  return spawnSync(command, args, { stdio: 'inherit', shell: false }).status ?? 1;
}

ensureChromium();
if (run('npx', ['wxt', 'build']) !== 0 || run('npx', ['wxt', 'build', '--mode', 'e2e']) !== 0) {
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

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(RESULTS)) {
  const report = JSON.parse(readFileSync(RESULTS, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  // A test file that fails to load has no failed test of its own; count it as one.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  failed += brokenFiles;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status);
