#!/usr/bin/env node
// Totals of vitest JSON reports. As a command: `node scripts/test-results.mjs <report.json>…` prints
// one line, `N passed, N failed[, N skipped]`, summed over the reports (a missing report counts as
// one failure), and exits 1 when any test failed.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Passed, failed and skipped tests of one report; a test file that fails to load counts as one. */
export function countResults(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const brokenFiles = report.testResults.filter(
    (result) => result.status === 'failed' && result.assertionResults.length === 0,
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

export function totalsLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of process.argv.slice(2)) {
    const counts = countResults(file);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  console.log(totalsLine(total));
  process.exit(total.failed > 0 ? 1 : 0);
}
