/**
 * A registry never hands extensions a feed that wipes what they hold: on its first start with an
 * empty database it imports the sources the extension ships (logged; IMPORT_SHIPPED_SOURCES=0 turns
 * it off), it refuses to publish a feed with no records even when forced, and it refuses one that
 * drops more than PUBLISH_MAX_DROP percent of the last feed's records unless forced (`--force`, or
 * `{ "force": true }` on the publish route).
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/dialect';
import { mergeSources, readShippedSources } from '../../server/sources/shipped';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';

async function shippedSourceKeys(): Promise<string[]> {
  const { chongLuaDao, official } = await readShippedSources();
  return mergeSources([...chongLuaDao, ...official]).map((record) => record.key);
}

/** The feed the registry serves now: its manifest and its snapshot's keys. */
async function served(registry: RegistryProcess) {
  const manifest = (await client(registry).get('/v1/feed/manifest.json')).body;
  const snapshot = await fetch(`${registry.url}/v1/feed/${manifest.snapshot.url}`);
  const keys = gunzipSync(Buffer.from(await snapshot.arrayBuffer()))
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).key as string);
  return { manifest, keys };
}

/** Deletes stored records straight in the database, as a wrong restore or a bad script would. */
async function keepOnly(registry: RegistryProcess, keep: number): Promise<void> {
  const store = openDatabase(registry.databaseUrl);
  try {
    const kept = await store.db
      .selectFrom('records')
      .select('key')
      .orderBy('key')
      .limit(keep)
      .execute();
    const keys = kept.map((row) => row.key);
    // `not in ()` is no SQL: keeping nothing deletes every row.
    await (keys.length > 0
      ? store.db.deleteFrom('records').where('key', 'not in', keys)
      : store.db.deleteFrom('records')
    ).execute();
  } finally {
    await store.db.destroy();
  }
}

const imports = (registry: RegistryProcess) =>
  registry.logs.filter((line) => line.includes('imported the sources the extension ships'));

describe.each(BACKENDS)('a new registry and a shrinking feed (%s)', (backend) => {
  let registry: RegistryProcess;
  let admin: string;
  let expected: string[];

  beforeAll(async () => {
    expected = await shippedSourceKeys();
    registry = await startRegistry(backend);
    admin = registry.token('Quản trị viên', 'admin');
  });
  afterAll(() => registry?.cleanup());

  it('imports the shipped sources on its first start, logged, and publishes them', async () => {
    const logged = imports(registry).map((line) => JSON.parse(line));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ records: expected.length, chongLuaDao: 16842 });
    const published = registry.cli('publish');
    expect(published.status, published.stderr).toBe(0);
    const { manifest, keys } = await served(registry);
    expect(manifest.snapshot.count).toBe(expected.length);
    expect(keys).toEqual(expect.arrayContaining(expected));
    expect(keys).toContain('domain:0000a.net');
    // The registry's own feed does not claim to stand in for the shipped data: it holds it.
    expect(manifest.replacesShipped).toBeUndefined();
    // A second start finds records: nothing is imported again.
    await registry.stop();
    await registry.start();
    expect(imports(registry)).toHaveLength(1);
  });

  it('refuses a feed that drops more than PUBLISH_MAX_DROP of the last one, naming the counts, unless forced', async () => {
    await keepOnly(registry, 100);
    const dropped = expected.length - 100;
    const refused = registry.cli('publish');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      `refusing to publish 100 records: the last feed (sequence 1) held ${expected.length}, ` +
        `and dropping ${dropped} (99%) is more than PUBLISH_MAX_DROP=20% allows`,
    );
    expect(refused.stderr).toContain('--force');
    const api = client(registry, admin);
    const answer = await api.post('/v1/review/publish', {});
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'feed_shrinks' });
    expect(answer.body.error.message).toContain(`held ${expected.length}`);
    expect((await api.post('/v1/review/publish', { force: 'yes' })).status).toBe(400);
    // Nothing was written: clients still see sequence 1 with every record.
    expect((await served(registry)).manifest).toMatchObject({
      sequence: 1,
      snapshot: { count: expected.length },
    });

    const forced = await api.post('/v1/review/publish', { force: true });
    expect(forced.status, JSON.stringify(forced.body)).toBe(200);
    expect(forced.body).toMatchObject({ sequence: 2, records: 100 });
    expect((await served(registry)).manifest.snapshot.count).toBe(100);

    // Within the allowed share (10 of 100) a publish goes through without force.
    await keepOnly(registry, 90);
    const within = registry.cli('publish');
    expect(within.status, within.stderr).toBe(0);
    expect(within.stdout).toContain('sequence 3: 90 records');
    // Past it again, --force on the command line.
    await keepOnly(registry, 50);
    expect(registry.cli('publish').stderr).toContain(
      'refusing to publish 50 records: the last feed (sequence 3) held 90',
    );
    const cliForced = registry.cli('publish', ['--force']);
    expect(cliForced.status, cliForced.stderr).toBe(0);
    expect(cliForced.stdout).toContain('sequence 4: 50 records');
  });

  it('refuses an empty feed even when forced', async () => {
    await keepOnly(registry, 0);
    for (const args of [[], ['--force']]) {
      const refused = registry.cli('publish', args);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('refusing to publish a feed with 0 records');
    }
    const answer = await client(registry, admin).post('/v1/review/publish', { force: true });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('empty_feed');
    expect((await served(registry)).manifest.sequence).toBe(4);
  });
});

describe.each(BACKENDS)('a new registry told not to import (%s)', (backend) => {
  let registry: RegistryProcess;
  beforeAll(async () => {
    registry = await startRegistry(backend, {
      IMPORT_SHIPPED_SOURCES: '0',
      FEED_REPLACES_SHIPPED: '1',
    });
  });
  afterAll(() => registry?.cleanup());

  it('imports nothing, says so, publishes nothing until it holds records, then signs replacesShipped', async () => {
    expect(imports(registry)).toHaveLength(0);
    expect(registry.logs.join('\n')).toContain('IMPORT_SHIPPED_SOURCES=0: no feed is published');
    const refused = registry.cli('publish');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('refusing to publish a feed with 0 records');
    expect((await client(registry).get('/v1/feed/manifest.json')).status).toBe(404);

    const admin = registry.token('Quản trị viên', 'admin');
    const decided = await client(registry, admin).post('/v1/review/decisions', {
      key: 'tiki:seller:4242',
      status: 'confirmed',
      reasons: ['counterfeit'],
      authority: 'Cục QLTT',
      caseId: 'QĐ 12/QĐ-XPHC',
      summary: { vi: 'Bán hàng giả.', en: 'Sells counterfeits.' },
    });
    expect(decided.status).toBe(201);
    const published = await client(registry, admin).post('/v1/review/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const { manifest, keys } = await served(registry);
    expect(keys).toEqual(['tiki:seller:4242']);
    expect(manifest.replacesShipped).toBe(true);

    // The operator imports the shipped sources by hand.
    const expected = await shippedSourceKeys();
    const imported = registry.cli('import', ['--shipped']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`imported ${expected.length} records`);
    expect(registry.cli('publish').status).toBe(0);
    expect((await served(registry)).manifest.snapshot.count).toBe(expected.length + 1);
  });
});
