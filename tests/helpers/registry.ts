/**
 * A real registry process for the server suites: `server/main.ts` started with tsx on 127.0.0.1 and
 * a free port, on a fresh SQLite file in a temporary directory or a fresh database of the
 * PostgreSQL cluster named by DATABASE_URL_PG (or on a database given, for instances that share
 * one). Stopped with SIGTERM (or killed, for the chaos test).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase } from '../../scripts/with-postgres.mjs';
import { REPO_ROOT } from './fixtures';

export const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
/** tsx's loader by its full address, so a registry started in another directory still finds it. */
export const TSX_LOADER = import.meta.resolve('tsx');

/** The arguments that run one of the registry's TypeScript entries as a single Node process. */
export const registryArgs = (entry: string) => [
  '--import',
  TSX_LOADER,
  path.join(REPO_ROOT, entry),
];
export const TEST_PUBLISHER_KEY = path.join(REPO_ROOT, 'tests/keys/test-publisher.private.key');

export type Backend = 'sqlite' | 'postgres';

/** The databases the suites run against: SQLite always, PostgreSQL when a cluster is given. */
export const BACKENDS: Backend[] = process.env.DATABASE_URL_PG
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/** A fresh, empty PostgreSQL database on the test cluster. */
export function freshPostgres(): Promise<string> {
  const admin = process.env.DATABASE_URL_PG;
  if (!admin) throw new Error('DATABASE_URL_PG is not set');
  return createDatabase(admin, 'registry');
}

export interface RegistryProcess {
  url: string;
  dir: string;
  env: Record<string, string>;
  backend: Backend;
  databaseUrl: string;
  logs: string[];
  /** Starts (again) on the same data; resolves once it listens. */
  start(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<void>;
  /** Runs one of the registry's command-line tools on the same configuration. */
  cli(script: string, args?: string[]): { status: number | null; stdout: string; stderr: string };
  token(name: string, role: 'inspector' | 'admin', days?: number): string;
  cleanup(): Promise<void>;
}

export async function startRegistry(
  backend: Backend,
  extraEnv: Record<string, string> = {},
  /** Another instance's database (a SQLite file or a PostgreSQL URL) instead of a fresh one. */
  sharedDatabase?: string,
): Promise<RegistryProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-registry-'));
  const databaseUrl =
    sharedDatabase ??
    (backend === 'postgres' ? await freshPostgres() : path.join(dir, 'registry.sqlite'));
  let port = 0;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PUBLISHER_KEY: TEST_PUBLISHER_KEY,
    LOG_LEVEL: 'info',
    ...extraEnv,
  };
  let child: ChildProcess | null = null;
  const logs: string[] = [];

  const registry: RegistryProcess = {
    url: '',
    dir,
    env,
    backend,
    databaseUrl,
    logs,
    start: () =>
      new Promise((resolve, reject) => {
        // One process (node with tsx's loader), so a SIGKILL reaches the server itself.
        const started = spawn(process.execPath, registryArgs('server/main.ts'), {
          cwd: REPO_ROOT,
          env: { ...env, PORT: String(port) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child = started;
        let buffered = '';
        const timer = setTimeout(
          () => reject(new Error(`registry did not start:\n${logs.join('\n')}`)),
          30_000,
        );
        started.stdout?.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) {
            logs.push(line);
            if (line.includes('"registry listening"')) {
              port = JSON.parse(line).port;
              registry.url = `http://127.0.0.1:${port}`;
              clearTimeout(timer);
              resolve();
            }
          }
        });
        started.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
        started.on('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`registry exited with ${code}:\n${logs.join('\n')}`));
        });
      }),
    stop: () =>
      new Promise((resolve) => {
        const running = child;
        if (!running || running.exitCode !== null) return resolve(running?.exitCode ?? null);
        // 'close' comes after the last of its output has been read, unlike 'exit'.
        running.once('close', (code) => resolve(code));
        running.kill('SIGTERM');
      }),
    kill: () =>
      new Promise((resolve) => {
        const running = child;
        if (!running || running.exitCode !== null || running.signalCode) return resolve();
        running.once('exit', () => resolve());
        running.kill('SIGKILL');
      }),
    cli(script, args = []) {
      const result = spawnSync(TSX, [`server/cli/${script}.ts`, ...args], {
        cwd: REPO_ROOT,
        env,
        encoding: 'utf8',
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    token(name, role, days = 30) {
      const result = registry.cli('token', [
        '--name',
        name,
        '--role',
        role,
        '--days',
        String(days),
      ]);
      if (result.status !== 0) throw new Error(result.stderr);
      return result.stdout.trim().split('\n').at(-1) ?? '';
    },
    async cleanup() {
      await registry.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await registry.start();
  return registry;
}

/** JSON requests against a running registry. */
export function client(registry: Pick<RegistryProcess, 'url'>, token?: string) {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...extra,
  });
  const call = async (
    method: string,
    route: string,
    body?: unknown,
    extra?: Record<string, string>,
  ) => {
    const response = await fetch(`${registry.url}${route}`, {
      method,
      headers: headers(
        body === undefined ? extra : { 'Content-Type': 'application/json', ...extra },
      ),
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
    return { status: response.status, headers: response.headers, body: json as any };
  };
  return {
    get: (route: string, extra?: Record<string, string>) => call('GET', route, undefined, extra),
    post: (route: string, body: unknown, extra?: Record<string, string>) =>
      call('POST', route, body, extra),
    put: (route: string, body: unknown, extra?: Record<string, string>) =>
      call('PUT', route, body, extra),
  };
}

/**
 * Asks /health until it answers `status`, for at most `ms` (health probes the database at most
 * once a second and answers from that probe in between); its last answer.
 */
export async function healthUntil(
  registry: Pick<RegistryProcess, 'url'>,
  status: number,
  ms = 5000,
) {
  const api = client(registry as RegistryProcess);
  const deadline = Date.now() + ms;
  let answer = await api.get('/health');
  while (answer.status !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    answer = await api.get('/health');
  }
  return answer;
}
