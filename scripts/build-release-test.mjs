#!/usr/bin/env node
// The release build as a deployer makes it, pinned to the test publisher's key (tests/keys, public
// on purpose) through the same setting a deployer uses (SOI_HANG_FEED_KEYS), into
// .output/chrome-mv3-release-test (with `-b firefox`: .output/firefox-mv2-release-test). Nothing
// else differs from `npm run build`: the end-to-end tests of what a person does run on it, in
// Chromium and in Firefox, closed shadow roots and all.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const testKey = readFileSync('tests/keys/test-publisher.public.key', 'utf8').trim();
const keys = [process.env.SOI_HANG_FEED_KEYS, testKey].filter(Boolean).join(',');
const result = spawnSync('npx', ['wxt', 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, SOI_HANG_FEED_KEYS: keys, SOI_HANG_BUILD_SUFFIX: '-release-test' },
});
process.exit(result.status ?? 1);
