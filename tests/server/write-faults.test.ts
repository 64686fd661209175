/**
 * A write that fails half way (a full disk, injected here by failing `FileHandle.writeFile` after
 * part of the bytes reached the file) leaves no file behind: no staged evidence, no temporary feed
 * file, and the feed served before stays whole.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const faults = vi.hoisted(() => ({ failWritesOf: null as RegExp | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (file, flags, mode) => {
    const handle = await real.open(file, flags, mode);
    if (!faults.failWritesOf?.test(String(file))) return handle;
    // Half the bytes reach the disk, then the disk is full.
    handle.writeFile = async (data) => {
      const bytes = data as Uint8Array;
      await handle.write(bytes.subarray(0, bytes.byteLength >> 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
      });
    };
    return handle;
  };
  return { ...real, default: { ...real, open }, open };
});

const { EvidenceFiles } = await import('../../server/store/evidence/evidence-files');
const { publishFeed } = await import('../../server/publish/feed-writer');
const { record } = await import('../helpers/records');
const { privateKey } = await import('../helpers/test-keys');

const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();

describe('a write that fails half way', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-fault-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    faults.failWritesOf = null;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('stages no evidence and leaves no temporary file', async () => {
    const dir = fresh();
    const store = new EvidenceFiles(dir);
    faults.failWritesOf = /\.tmp-/;
    await expect(store.stage(new Uint8Array(4096).fill(7))).rejects.toThrow(/ENOSPC/);
    expect(filesUnder(dir)).toEqual([]);
  });

  it('removes a staged image that was not committed, and keeps one that was', async () => {
    const dir = fresh();
    const store = new EvidenceFiles(dir);
    const refused = await store.stage(new Uint8Array([1, 2, 3]));
    await refused.discard();
    expect(filesUnder(dir)).toEqual([]);
    const kept = await store.stage(new Uint8Array([4, 5, 6]));
    await kept.commit();
    await kept.discard();
    expect(filesUnder(dir)).toEqual([kept.sha256]);
  });

  it('sweeps what a crash left: a staged image whose row committed is kept, the rest removed', async () => {
    const dir = fresh();
    const store = new EvidenceFiles(dir);
    // A row committed but the process died before the rename; another upload died before its row.
    const committed = await store.stage(new Uint8Array([9, 9, 9]));
    const abandoned = await store.stage(new Uint8Array([8, 8, 8]));
    // An image whose row was later deleted.
    const unreferenced = await store.stage(new Uint8Array([7, 7, 7]));
    await unreferenced.commit();
    const referenced = new Set([committed.sha256]);
    expect(await store.sweep(async (sha256) => referenced.has(sha256), 0)).toBe(2);
    expect(filesUnder(dir)).toEqual([committed.sha256]);
    expect(await store.read(committed.sha256)).toEqual(Buffer.from([9, 9, 9]));
    expect(await store.read(abandoned.sha256)).toBeNull();
    // Younger leftovers may belong to an upload under way: left alone.
    const underWay = await store.stage(new Uint8Array([6, 6, 6]));
    expect(await store.sweep(async () => false)).toBe(0);
    await underWay.discard();
  });

  it('keeps the feed served before whole when the next manifest cannot be written', async () => {
    const dir = fresh();
    const options = { dir, privateKey, publisher: 'Test' };
    await publishFeed({ ...options, records: [record('tiki:item:1')] });
    const before = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    const signatureBefore = readFileSync(path.join(dir, 'manifest.json.sig'), 'utf8');
    const beforeFiles = filesUnder(dir);
    faults.failWritesOf = /manifest\.json\.tmp-/;
    await expect(
      publishFeed({ ...options, records: [record('tiki:item:1'), record('tiki:item:2')] }),
    ).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toBe(before);
    expect(readFileSync(path.join(dir, 'manifest.json.sig'), 'utf8')).toBe(signatureBefore);
    const after = filesUnder(dir);
    expect(after.filter((name) => name.includes('.tmp-'))).toEqual([]);
    // The new sequence's data files are there but no manifest names them; the next publish
    // (or the start's sweep) replaces them.
    const added = after.filter((name) => !beforeFiles.includes(name));
    expect(added).toHaveLength(3);
    expect(added).toEqual(
      expect.arrayContaining([
        'delta-1-2.ndjson.gz',
        'snapshot-2.ndjson.gz',
        expect.stringMatching(/^manifest\.[0-9a-f]{64}\.sig$/),
      ]),
    );
  });
});
