/**
 * Storage faults on one machine, against the real process: another process holding SQLite's write
 * lock (503 database_busy with Retry-After, in about two seconds and with the event loop free,
 * where a report once waited 5 s for a 500 and health 4.5 s for "up"), and health's write probe
 * meeting a lock on PostgreSQL too.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, healthUntil, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a SQLite database another process holds locked', () => {
  let registry: RegistryProcess;
  beforeAll(async () => {
    registry = await startRegistry('sqlite', { IMPORT_SHIPPED_SOURCES: '0' });
  });
  afterAll(() => registry?.cleanup());

  it('answers reports 503 database_busy with Retry-After, health says so, and other requests are not held up', async () => {
    const api = client(registry);
    expect((await api.post('/v1/reports', report())).status).toBe(201);
    const holder = new Database(path.join(registry.dir, 'registry.sqlite'));
    holder.pragma('busy_timeout = 5000');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      let reportAnswered = false;
      const refused = api.post('/v1/reports', report()).finally(() => {
        reportAnswered = true;
      });
      await sleep(100);
      // A route that needs no database answers while the report waits for the lock: the event
      // loop is free (SQLite's own busy timeout used to hold it for 5 s).
      expect((await api.get('/v1/feed/manifest.json')).status).toBe(404);
      expect(reportAnswered).toBe(false);
      const health = await api.get('/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({
        ok: false,
        database: 'down',
        reason: 'database_busy',
        feedSequence: null,
      });
      expect(health.body.message).toContain('write');
      expect(reportAnswered).toBe(false);
      const answer = await refused;
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('2');
      expect(answer.body.error.code).toBe('database_busy');
      expect(answer.body.error.message).toContain('try again');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // The lock gone, the same kind of report is stored and health is up again.
    expect((await api.post('/v1/reports', report())).status).toBe(201);
    expect((await healthUntil(registry, 200)).body).toEqual({
      ok: true,
      database: 'up',
      feedSequence: null,
    });
    const logs = registry.logs.join('\n');
    expect(logs).toContain('"reason":"database_busy"');
    expect(logs).toContain('database writes succeed again');
    expect(logs).not.toContain('"request failed"');
  });
});

describe.runIf(process.env.DATABASE_URL_PG)('health on PostgreSQL', () => {
  it('says database_busy while its probe cannot write, and up once it can', async () => {
    const registry = await startRegistry('postgres', { IMPORT_SHIPPED_SOURCES: '0' });
    const holder = new pg.Client({ connectionString: registry.databaseUrl });
    await holder.connect();
    try {
      expect((await client(registry).get('/health')).status).toBe(200);
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE health_probe IN ACCESS EXCLUSIVE MODE');
      await sleep(1100);
      const busy = await client(registry).get('/health');
      expect(busy.status).toBe(503);
      expect(busy.body).toMatchObject({ ok: false, reason: 'database_busy' });
      await holder.query('COMMIT');
      expect((await healthUntil(registry, 200)).status).toBe(200);
    } finally {
      await holder.end();
      await registry.cleanup();
    }
  });
});
