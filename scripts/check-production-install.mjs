#!/usr/bin/env node
// node scripts/check-production-install.mjs — the registry as an operator installs it: the
// tracked files copied to a temporary directory (no node_modules), `npm ci --omit=dev`, the
// `server` script on 127.0.0.1 and a free port with its data in that directory, `GET /health`
// answering 200, and SIGTERM ending it with code 0. Everything is deleted afterwards. Prints the
// time each part took; exits 1 (naming the part) when one fails. Run by .ci/run: a devDependency
// the server needs at run time fails here, as it would on a server.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-production-'));
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

function fail(message) {
  console.error(`production install: ${message}`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

/**
 * Starts the `server` script's command as npm would (node_modules/.bin on PATH) but by `exec`, so
 * the SIGTERM reaches node itself as a process manager's would: npm, killed, does not wait for its
 * child to stop. Resolves with the child and its port once it listens.
 */
function startServer(app) {
  const { scripts } = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8'));
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `exec ${scripts.server}`], {
      cwd: app,
      env: {
        PATH: `${path.join(app, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
        HOME: process.env.HOME ?? dir,
        PORT: '0',
        DATA_DIR: path.join(dir, 'data'),
        IMPORT_SHIPPED_SOURCES: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(
      () => reject(new Error('the server did not start within 60 s')),
      60_000,
    );
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n')) {
        if (!line.includes('"registry listening"')) continue;
        clearTimeout(timer);
        resolve({ child, port: JSON.parse(line).port });
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

const started = performance.now();
const app = path.join(dir, 'app');
// The tracked files as they are in the working tree.
const files = spawnSync('git', ['ls-files', '-z'], { cwd: root });
if (files.status !== 0) fail('git ls-files failed');
run('mkdir', ['-p', app]);
const pack = spawnSync('tar', ['--null', '-T', '-', '-c', '-f', '-'], {
  cwd: root,
  input: files.stdout,
  maxBuffer: 1 << 30,
});
if (pack.status !== 0) fail('tar failed');
const unpack = spawnSync('tar', ['-x', '-f', '-'], { cwd: app, input: pack.stdout });
if (unpack.status !== 0) fail('tar -x failed');

const installing = performance.now();
run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: app });
console.log(`production install: npm ci --omit=dev took ${seconds(installing)} s`);

const starting = performance.now();
let server;
try {
  server = await startServer(app);
} catch (error) {
  fail(error.message);
}
const health = await fetch(`http://127.0.0.1:${server.port}/health`).catch((error) => error);
const body = health instanceof Response ? await health.json() : null;
const exited = new Promise((resolve) => server.child.once('exit', (code) => resolve(code)));
server.child.kill('SIGTERM');
const code = await exited;
if (!(health instanceof Response) || health.status !== 200 || body?.database !== 'up') {
  const status = health instanceof Response ? health.status : health;
  fail(`GET /health answered ${status}: ${JSON.stringify(body)}`);
}
if (code !== 0) fail(`the server exited with ${code} after SIGTERM`);
console.log(`production install: started, healthy and stopped in ${seconds(starting)} s`);
rmSync(dir, { recursive: true, force: true });
console.log(`production install: works (${seconds(started)} s in all)`);
