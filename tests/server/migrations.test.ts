/**
 * A registry's database from before networks and `blocking` (migrated to 0002), brought up to date:
 * the cases already folded get their installs counted (and no networks, which those reports never
 * carried), reports not folded yet are counted by the projection as before, new reports add to both
 * counts, and stored records from trusted sources get `blocking`, on SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../server/db/dialect';
import { migrationsFor } from '../../server/db/migrations';
import { BACKENDS, client, freshPostgres, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

const ITEM = 'shopee:item:1001.2002';
const SELLER = 'shopee:seller:1001';
const AT = '2026-12-01T08:00:00.000Z';
const INSTALLS = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
];

/** Reports as the 0002 schema stored them: two installs folded (three reports), one not yet. */
async function oldReports(db: Kysely<unknown>, backend: string) {
  const clients = [INSTALLS[0], INSTALLS[0], INSTALLS[1], INSTALLS[2]];
  for (const [n, clientId] of clients.entries()) {
    const folded = n < 3;
    const id = `0000000${n}-0000-4000-8000-000000000000`;
    await sql`insert into reports (id, body_sha256, body, platform, item_key, seller_key, client_id,
      reasons, received_at, state, projected)
      values (${id}, ${`hash${n}`}, ${JSON.stringify(report({ id, clientId }))}, 'shopee', ${ITEM},
      ${SELLER}, ${clientId}, '["counterfeit"]', ${AT}, 'received',
      ${folded && backend === 'postgres' ? 1 : 0})`.execute(db);
    if (!folded) continue;
    for (const key of [ITEM, SELLER]) {
      await sql`insert into report_keys (report_id, key) values (${id}, ${key})`.execute(db);
    }
  }
  for (const key of [ITEM, SELLER]) {
    await sql`insert into cases (key, status, report_count, appeal_count, first_seen, last_seen,
      updated_at) values (${key}, 'open', 3, 0, ${AT}, ${AT}, ${AT})`.execute(db);
  }
  // SQLite's projection reads on from the last rowid it counted.
  if (backend === 'sqlite') {
    await sql`insert into projection (name, position) values ('cases', 3)`.execute(db);
  }
}

const record = (key: string, fields: Record<string, unknown>) => ({
  key,
  reasons: ['scam_site'],
  summary: { vi: 'x', en: 'x' },
  firstSeen: '2026-11-01',
  updated: '2026-11-01',
  ...fields,
});

/** Stored records: which of them the migration should mark as blocking. */
const RECORDS = [
  ['domain:lua-dao.example', 'import', { status: 'reported', authority: 'ChongLuaDao.vn' }, true],
  [
    'domain:vi-pham.example',
    'import',
    { status: 'confirmed', authority: 'Cục TMĐT', reasons: ['violating_site'] },
    true,
  ],
  [
    'domain:nghi-van.example',
    'import',
    { status: 'suspected', authority: 'Cục TMĐT', reasons: ['violating_site'] },
    false,
  ],
  ['domain:da-xu.example', 'decision', { status: 'confirmed', authority: 'QLTT' }, true],
  ['domain:dang-xem.example', 'decision', { status: 'suspected', authority: 'QLTT' }, false],
  ['domain:cong-dong.example', 'import', { status: 'reported', authority: 'Cộng đồng' }, false],
  ['product:sua gia', 'import', { status: 'confirmed', authority: 'Cục QLTT' }, false],
  [ITEM, 'decision', { status: 'confirmed', authority: 'QLTT' }, false],
] as const;

describe.each(BACKENDS)('migrating an existing database (%s)', (backend) => {
  it('counts what was folded, keeps counting what was not, and marks trusted records as blocking', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-migrate-'));
    const url = backend === 'postgres' ? await freshPostgres() : path.join(dir, 'registry.sqlite');
    const open = openDatabase(url);
    const old = open.db as unknown as Kysely<unknown>;
    try {
      const migrator = new Migrator({ db: open.db, provider: migrationsFor(open.dialect) });
      expect((await migrator.migrateTo('0002-inspector-actions')).error).toBeUndefined();
      await oldReports(old, backend);
      for (const [key, source, fields] of RECORDS) {
        await sql`insert into records (key, record, source, updated_at) values (${key},
          ${JSON.stringify(record(key, fields))}, ${source}, ${AT})`.execute(old);
      }

      await migrate(open);
      const cases = await open.db
        .selectFrom('cases')
        .select(['key', 'report_count', 'install_count', 'network_count'])
        .orderBy('key')
        .execute();
      expect(cases.map((row) => Object.values(row).map(String))).toEqual([
        [ITEM, '3', '2', '0'],
        [SELLER, '3', '2', '0'],
      ]);
      const stored = await open.db.selectFrom('records').select(['key', 'record']).execute();
      const blocking = new Map(stored.map((row) => [row.key, JSON.parse(row.record).blocking]));
      for (const [key, , fields, blocks] of RECORDS) {
        expect(blocking.get(key), key).toBe(blocks ? true : undefined);
        // Nothing else of the record changed.
        const { blocking: _mark, ...rest } = JSON.parse(
          stored.find((row) => row.key === key)?.record ?? '{}',
        );
        expect(rest).toEqual(record(key, fields));
      }
    } finally {
      await open.db.destroy();
    }

    const registry = await startRegistry(backend, { IMPORT_SHIPPED_SOURCES: '0' }, url);
    try {
      // A new report from an install already counted: one more report, one network, no new install.
      const sent = report({ clientId: INSTALLS[0] as string });
      expect((await client(registry).post('/v1/reports', sent)).status).toBe(201);
      const inspector = registry.token('Thanh tra viên', 'inspector');
      const queue = await client(registry, inspector).get('/v1/review/queue');
      const row = (key: string) =>
        queue.body.items.find((item: { key: string }) => item.key === key);
      // The report not folded before the migration (a third install) is counted too.
      expect(row(ITEM)).toMatchObject({ reports: 5, installs: 3, networks: 1 });
      expect(row(SELLER)).toMatchObject({ reports: 5, installs: 3, networks: 1 });
    } finally {
      await registry.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
