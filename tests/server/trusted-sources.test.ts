/**
 * What may reach the feed and what may block: `blocking` exactly on the shipped curated list, the
 * authorities' confirmed records of sites and inspectors' confirmed decisions about a domain; a
 * `reported` record only by an inspector's audited decision, or (when the operator turns it on)
 * from enough distinct networks, in words that never speak of shoppers.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRecords } from '../../scripts/default-feed';
import { readShippedSources } from '../../server/sources/shipped';
import type { FlagRecord } from '../../utils/protocol/records';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';

describe('blocking in the shipped sources', () => {
  it('is on every ChongLuaDao record and on the authorities’ confirmed site records, nowhere else', async () => {
    const { chongLuaDao, official } = await readShippedSources();
    expect(chongLuaDao.length).toBeGreaterThan(16_000);
    expect(chongLuaDao.every((record) => record.blocking === true)).toBe(true);
    for (const record of official) {
      const trusted = record.key.startsWith('domain:') && record.status === 'confirmed';
      expect(record.blocking, record.key).toBe(trusted ? true : undefined);
    }
    expect(official.some((record) => record.blocking)).toBe(true);
    expect(official.some((record) => record.key.startsWith('domain:') && !record.blocking)).toBe(
      true,
    );
  });

  it('reaches the extension’s shipped feed on domains from those sources only', async () => {
    const records = await defaultRecords();
    const blocking = records.filter((record) => record.blocking);
    expect(blocking.length).toBeGreaterThan(16_000);
    for (const record of blocking) {
      expect(record.key.startsWith('domain:'), record.key).toBe(true);
      expect(record.authority === 'ChongLuaDao.vn' || record.status === 'confirmed').toBe(true);
    }
    // The demo records (reserved test ids) never block.
    expect(records.filter((record) => record.authority.includes('dữ liệu minh hoạ'))).not.toEqual(
      [],
    );
    expect(records.some((r) => r.authority.includes('dữ liệu minh hoạ') && r.blocking)).toBe(false);
  });
});

async function feed(registry: RegistryProcess): Promise<Map<string, FlagRecord>> {
  const published = registry.cli('publish');
  expect(published.status, published.stderr).toBe(0);
  const manifest = (await client(registry).get('/v1/feed/manifest.json')).body;
  const snapshot = await fetch(`${registry.url}/v1/feed/${manifest.snapshot.url}`);
  const lines = gunzipSync(Buffer.from(await snapshot.arrayBuffer()))
    .toString('utf8')
    .trim()
    .split('\n');
  return new Map(
    lines.map((line) => JSON.parse(line) as FlagRecord).map((record) => [record.key, record]),
  );
}

const TWO_NETWORKS = 'shopee:item:2020.1';
const ONE_NETWORK = 'shopee:item:3030.1';

describe.each(BACKENDS)('what reaches the feed (%s)', (backend) => {
  let registry: RegistryProcess;
  let inspector: string;

  beforeAll(async () => {
    registry = await startRegistry(backend, {
      IMPORT_SHIPPED_SOURCES: '0',
      RATE_LIMIT_PER_MINUTE: '1000',
      TRUSTED_PROXIES: '127.0.0.1, ::1',
      COMMUNITY_THRESHOLD: '2',
    });
    inspector = registry.token('Thanh tra viên C', 'inspector');
    const send = async (itemKey: string, from: string) => {
      const sent = report({}, { itemKey, sellerKey: undefined });
      const answer = await client(registry).post('/v1/reports', sent, { 'X-Forwarded-For': from });
      expect(answer.status).toBe(201);
    };
    await send(TWO_NETWORKS, '203.0.113.5');
    await send(TWO_NETWORKS, '198.51.100.5');
    for (let i = 1; i <= 10; i++) await send(ONE_NETWORK, `192.0.2.${i}`);
  });
  afterAll(() => registry?.cleanup());

  const decide = (key: string, status: string, extra: Record<string, unknown> = {}) =>
    client(registry, inspector).post('/v1/review/decisions', {
      key,
      status,
      reasons: ['scam_site'],
      summary: { vi: 'Tóm tắt của thanh tra viên.', en: 'The inspector’s summary.' },
      ...extra,
    });

  it('publishes community reports past COMMUNITY_THRESHOLD by networks, never by installs, and never as blocking', async () => {
    const records = await feed(registry);
    expect(records.has(ONE_NETWORK)).toBe(false);
    const reported = records.get(TWO_NETWORKS);
    expect(reported).toMatchObject({ status: 'reported', reportCount: 2 });
    expect(reported?.blocking).toBeUndefined();
    expect(reported?.summary.vi).not.toMatch(/người mua/i);
    expect(reported?.summary.en).not.toMatch(/shopper/i);
    expect(reported?.summary.vi).toContain('2 mạng');
  });

  it('publishes a case as reported by an inspector’s audited decision, with the case’s report count', async () => {
    const summary = {
      vi: 'Có 10 phản ánh chưa xác minh về tin đăng này; chưa có cơ quan nào kết luận.',
      en: '10 unverified reports about this listing; no authority has decided.',
    };
    const decided = await decide(ONE_NETWORK, 'reported', {
      reasons: ['community_reports'],
      summary,
    });
    expect(decided.status).toBe(201);
    const record = (await feed(registry)).get(ONE_NETWORK);
    expect(record).toMatchObject({
      status: 'reported',
      reportCount: 10,
      summary,
      authority: 'Thanh tra viên C',
    });
    expect(record?.blocking).toBeUndefined();
    const story = await client(registry, inspector).get(`/v1/review/keys/${ONE_NETWORK}`);
    expect(story.body.case.status).toBe('reported');
    expect(story.body.audit.at(-1)).toMatchObject({
      action: 'decide:reported',
      by: 'Thanh tra viên C',
      after: { status: 'reported', reportCount: 10 },
    });
  });

  it('marks blocking only a confirmed decision about a domain, which names its authority and case', async () => {
    const named = { authority: 'Cục Thương mại điện tử', caseId: 'CV 12/TMĐT' };
    expect((await decide('domain:gia-mao.example', 'confirmed', named)).status).toBe(201);
    expect((await decide('domain:nghi-van.example', 'suspected')).status).toBe(201);
    expect((await decide('domain:phan-anh.example', 'reported')).status).toBe(201);
    expect((await decide('shopee:item:4040.1', 'confirmed', named)).status).toBe(201);
    const records = await feed(registry);
    expect(records.get('domain:gia-mao.example')).toMatchObject({ blocking: true, ...named });
    for (const key of [
      'domain:nghi-van.example',
      'domain:phan-anh.example',
      'shopee:item:4040.1',
    ]) {
      expect(records.get(key)?.blocking, key).toBeUndefined();
    }
    // A later decision that is not a confirmation takes the block away.
    expect((await decide('domain:gia-mao.example', 'suspected')).status).toBe(201);
    expect((await feed(registry)).get('domain:gia-mao.example')?.blocking).toBeUndefined();
  });
});
