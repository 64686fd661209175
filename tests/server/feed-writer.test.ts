import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffLines, keyOfLine } from '../../server/publish/feed-builder';
import { publishFeed } from '../../server/publish/feed-writer';
import { parseCsv, recordsFromCsv } from '../../server/sources/csv';
import { decompress } from '../../utils/feed-format/gzip';
import {
  FeedFileSchema,
  FeedManifestSchema,
  RECORDS_PER_PART,
} from '../../utils/feed-format/manifest';
import { keyIdOf, publicKeyOf, verifyWithAny } from '../../utils/feed-format/signature';
import { REPO_ROOT } from '../helpers/fixtures';
import { record } from '../helpers/records';
import { privateKey, publicKey } from '../helpers/test-keys';

async function lines(file: string): Promise<unknown[]> {
  const bytes = new Uint8Array(readFileSync(file));
  return new TextDecoder()
    .decode(await decompress(bytes, 1e8))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('feed publisher', () => {
  it('publishes signed, sorted snapshots and a delta from the previous one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-publish-'));
    const now = new Date('2026-11-28T00:00:00Z');
    const first = await publishFeed({
      dir,
      records: [record('tiki:item:3'), record('tiki:item:1')],
      privateKey,
      publisher: 'Test',
      now,
    });
    expect(first).toMatchObject({ sequence: 1, delta: null });
    const second = await publishFeed({
      dir,
      records: [record('tiki:item:1', { status: 'suspected' }), record('tiki:item:2')],
      privateKey,
      publisher: 'Test',
      now,
      minSyncMinutes: 720,
    });
    expect(second).toMatchObject({ sequence: 2, delta: 'delta-1-2.ndjson.gz', changes: 3 });

    const raw = readFileSync(path.join(dir, 'manifest.json'));
    const manifest = FeedManifestSchema.parse(JSON.parse(raw.toString('utf8')));
    expect(manifest).toMatchObject({
      sequence: 2,
      minSyncMinutes: 720,
      deltas: [{ from: 1, to: 2 }],
    });
    expect(manifest.expiresAt).toBe('2026-12-05T00:00:00.000Z');
    expect(manifest.snapshot).toMatchObject({ blocks: [0], partRecords: RECORDS_PER_PART });
    const { partRecords: _, ...unblocked } = { ...manifest.snapshot, blocks: undefined };
    expect(FeedFileSchema.safeParse(unblocked).success).toBe(true);
    expect(FeedFileSchema.safeParse({ ...unblocked, partRecords: 64 }).error?.message).toMatch(
      /partRecords needs blocks/,
    );
    const signature = readFileSync(path.join(dir, 'manifest.json.sig'), 'utf8');
    expect(await verifyWithAny(new Uint8Array(raw), signature, [publicKey])).toBe(true);
    // Its identity: the signing key's id and the feed's name.
    expect(manifest.feed).toEqual({ keyId: await keyIdOf(publicKey), name: 'soi-hang' });
    expect(await publicKeyOf(privateKey)).toBe(publicKey);

    const snapshot = (await lines(path.join(dir, manifest.snapshot.url))) as Array<{ key: string }>;
    expect(snapshot.map((r) => r.key)).toEqual(['tiki:item:1', 'tiki:item:2']);
    const delta = await lines(path.join(dir, 'delta-1-2.ndjson.gz'));
    expect(delta).toEqual([
      {
        op: 'upsert',
        record: expect.objectContaining({ key: 'tiki:item:1', status: 'suspected' }),
      },
      { op: 'upsert', record: expect.objectContaining({ key: 'tiki:item:2' }) },
      { op: 'delete', key: 'tiki:item:3' },
    ]);
    expect(readdirSync(dir).some((f) => f.includes('.tmp-'))).toBe(false);
  });

  it('refuses invalid records and a key given twice, publishing nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-publish-'));
    await expect(
      publishFeed({
        dir,
        records: [record('tiki:item:1'), record('tiki:item:1')],
        privateKey,
        publisher: 'T',
      }),
    ).rejects.toThrow(/twice/);
    await expect(
      publishFeed({ dir, records: [record('not a key')], privateKey, publisher: 'T' }),
    ).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads source records from CSV, quotes and line breaks included', () => {
    expect(parseCsv('a,"b, ""c""\nd",e\r\n\r\n1,2,3')).toEqual([
      ['a', 'b, "c"\nd', 'e'],
      ['1', '2', '3'],
    ]);
    const csv = [
      'key,status,reasons,authority,caseId,summary_vi,summary_en,reportCount,firstSeen,updated',
      'lazada:seller:77,reported,community_reports;price,Cộng đồng,,"Có 5 phản ánh, chưa xác minh",5 unverified reports,5,2026-11-01,2026-11-20',
    ].join('\n');
    expect(recordsFromCsv(csv)).toEqual([
      {
        key: 'lazada:seller:77',
        status: 'reported',
        reasons: ['community_reports', 'price'],
        authority: 'Cộng đồng',
        summary: { vi: 'Có 5 phản ánh, chưa xác minh', en: '5 unverified reports' },
        reportCount: 5,
        firstSeen: '2026-11-01',
        updated: '2026-11-20',
      },
    ]);
    expect(() => recordsFromCsv(`${csv.split('\n')[0]}\nlazada:seller:77,bogus`)).toThrow(/row 2/);
  });

  it('feed:keygen and feed:build work from the command line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-cli-'));
    const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
    const keygen = spawnSync(tsx, ['server/cli/feed-keygen.ts', '--out', path.join(dir, 'keys')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(keygen.status, keygen.stderr).toBe(0);
    const again = spawnSync(tsx, ['server/cli/feed-keygen.ts', '--out', path.join(dir, 'keys')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('refusing to overwrite');
    const source = path.join(dir, 'records.ndjson');
    writeFileSync(source, `${JSON.stringify(record('sendo:item:9'))}\n`);
    const build = spawnSync(
      tsx,
      [
        'server/cli/feed-build.ts',
        '--records',
        source,
        '--out',
        path.join(dir, 'feed'),
        '--key',
        path.join(dir, 'keys/publisher.private.key'),
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toContain('sequence 1: 1 records');
    const bad = spawnSync(tsx, ['server/cli/feed-build.ts', '--records', source], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage');
  }, 30_000);
});

describe('diffing snapshots by their lines', () => {
  const base = {
    status: 'confirmed' as const,
    reasons: ['counterfeit'],
    authority: 'Cục QLTT',
    summary: { vi: 'Hàng giả', en: 'Counterfeit' },
    firstSeen: '2026-01-01',
    updated: '2026-01-02',
  };
  const at = (key: string, extra: object = {}) => ({ key, ...base, ...extra });

  it('upserts new and changed records, deletes gone ones, and leaves equal lines alone', () => {
    const before = [at('tiki:item:1'), at('tiki:item:2'), at('tiki:item:3')].map((r) =>
      JSON.stringify(r),
    );
    const after = [at('tiki:item:1'), at('tiki:item:2', { status: 'cleared' }), at('tiki:item:4')];
    const ops = diffLines(
      before,
      after,
      after.map((r) => JSON.stringify(r)),
    );
    expect(ops).toEqual([
      { op: 'upsert', record: after[1] },
      { op: 'upsert', record: after[2] },
      { op: 'delete', key: 'tiki:item:3' },
    ]);
  });

  it('finds the key of a line written in another field order by parsing it', () => {
    expect(keyOfLine('{"key":"domain:a.vn","status":"confirmed"}')).toBe('domain:a.vn');
    expect(keyOfLine('{"status":"confirmed","key":"domain:b.vn"}')).toBe('domain:b.vn');
    expect(() => keyOfLine('{"status":"confirmed"}')).toThrow(/without a key/);
  });
});
