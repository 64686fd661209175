#!/usr/bin/env node
// npm's postinstall: `wxt prepare` (the extension's generated types and .wxt/tsconfig.json) when
// wxt is installed. A production install of the registry (`npm ci --omit=dev`) has no wxt and
// needs none of it, so there the step is skipped with one line instead of failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const wxt = path.join(root, 'node_modules/wxt');
if (!existsSync(path.join(wxt, 'package.json'))) {
  console.log('postinstall: wxt is not installed (a production install): wxt prepare skipped');
  process.exit(0);
}
const { bin } = JSON.parse(readFileSync(path.join(wxt, 'package.json'), 'utf8'));
const cli = path.join(wxt, typeof bin === 'string' ? bin : bin.wxt);
const result = spawnSync(process.execPath, [cli, 'prepare'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
