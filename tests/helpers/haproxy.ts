/**
 * Debian's HAProxy in front of registry instances, run with the configuration we ship
 * (ops/haproxy.cfg), on 127.0.0.1 and a free port, health checks every 300 ms.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './fixtures';

export const HAPROXY =
  ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].find((file) =>
    existsSync(file),
  ) ?? null;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Balancer {
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

const hostOf = (url: string) => new URL(url).host;

/** HAProxy balancing between two registry URLs (give the same one twice for a single instance). */
export async function startBalancer(a: string, b: string): Promise<Balancer> {
  if (!HAPROXY) throw new Error('HAProxy is not installed (apt-get install haproxy)');
  const port = await freePort();
  const logs: string[] = [];
  const child: ChildProcess = spawn(
    HAPROXY,
    ['-db', '-f', path.join(REPO_ROOT, 'ops/haproxy.cfg')],
    {
      env: {
        PATH: process.env.PATH ?? '',
        REGISTRY_LISTEN: `127.0.0.1:${port}`,
        REGISTRY_A: hostOf(a),
        REGISTRY_B: hostOf(b),
        CHECK_INTER: '300ms',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited:\n${logs.join('')}`);
    const up = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`haproxy did not answer:\n${logs.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    logs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
