/**
 * The secret that keys a network's hash: made once and kept in the database, so registry instances
 * on one database (and one instance across restarts) count a client under the same network, and
 * two instances making it at once agree on one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../server/db/dialect';
import { networkKey } from '../../server/http/network-key';
import { networkSecret } from '../../server/store/secrets/network-secret';
import { BACKENDS, client, freshPostgres, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

describe.each(BACKENDS)('the network secret (%s)', (backend) => {
  it('is made once and kept: two openers racing on a new database get one secret, and so does a later one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-secret-'));
    const url = backend === 'postgres' ? await freshPostgres() : path.join(dir, 'registry.sqlite');
    const one = openDatabase(url);
    const two = openDatabase(url);
    try {
      await migrate(one);
      await migrate(two);
      const [first, second] = await Promise.all([networkSecret(one.db), networkSecret(two.db)]);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(second).toBe(first);
      await one.db.destroy();
      const later = openDatabase(url);
      expect(await networkSecret(later.db)).toBe(first);
      await later.db.destroy();
    } finally {
      await two.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two registry processes on one database hash the same client to the same network', async () => {
    const env = { IMPORT_SHIPPED_SOURCES: '0', RATE_LIMIT_PER_MINUTE: '1000' };
    const first = await startRegistry(backend, env);
    const second = await startRegistry(backend, env, first.databaseUrl);
    const store = openDatabase(first.databaseUrl);
    try {
      const sent = [report(), report()];
      expect((await client(first).post('/v1/reports', sent[0])).status).toBe(201);
      expect((await client(second).post('/v1/reports', sent[1])).status).toBe(201);
      const rows = await store.db
        .selectFrom('reports')
        .select(['id', 'network'])
        .where(
          'id',
          'in',
          sent.map((one) => one.id),
        )
        .execute();
      const secret = await networkSecret(store.db);
      expect(rows.map((row) => row.network)).toEqual([
        networkKey('127.0.0.1', secret),
        networkKey('127.0.0.1', secret),
      ]);
      // One instance left: its queue counts both reports, two installs, one network.
      await second.cleanup();
      const inspector = first.token('Thanh tra viên', 'inspector');
      const queue = await client(first, inspector).get('/v1/review/queue');
      expect(
        queue.body.items.find((item: { key: string }) => item.key === sent[0]?.listing.itemKey),
      ).toMatchObject({ reports: 2, installs: 2, networks: 1 });
    } finally {
      await store.db.destroy();
      await second.cleanup();
      await first.cleanup();
    }
  });
});
