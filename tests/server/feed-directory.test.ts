/**
 * The feed directory (SQLite's feed store): old files are pruned, a damaged manifest makes the
 * sweep remove nothing, and a file gone between its stat and its read is no file, never an empty
 * answer cached for a year.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rateAddress } from '../../server/http/network-key';
import { publishFeed } from '../../server/publish/feed-writer';
import { DirectoryFeed } from '../../server/publish/stores/directory-feed';
import { record } from '../helpers/records';
import { privateKey } from '../helpers/test-keys';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'soi-hang-feed-dir-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function publishTimes(dir: string, times: number) {
  for (let n = 1; n <= times; n++) {
    await publishFeed({
      dir,
      privateKey,
      publisher: 'Test',
      records: Array.from({ length: n }, (_, i) => record(`tiki:item:${i + 1}`)),
    });
  }
}

describe('the feed directory', () => {
  it('keeps the current snapshot and the two before it, and the deltas its manifest lists', async () => {
    const dir = fresh();
    await publishTimes(dir, 6);
    const names = readdirSync(dir);
    expect(names.filter((name) => name.startsWith('snapshot-')).sort()).toEqual([
      'snapshot-4.ndjson.gz',
      'snapshot-5.ndjson.gz',
      'snapshot-6.ndjson.gz',
    ]);
    expect(names.filter((name) => name.startsWith('delta-')).length).toBe(5);
  });

  it('removes nothing when the manifest is there but cannot be read', async () => {
    const dir = fresh();
    await publishTimes(dir, 3);
    const before = readdirSync(dir).sort();
    writeFileSync(path.join(dir, 'manifest.json'), '{"truncated');
    expect(await new DirectoryFeed(dir).sweep(0)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('answers no file, not an empty one, for a file gone since its stat', async () => {
    const dir = fresh();
    await publishTimes(dir, 1);
    const store = new DirectoryFeed(dir);
    // The first serve hashed it; the second finds its ETag cached and reads the bytes only later.
    await store.serve('snapshot-1.ndjson.gz');
    const served = await store.serve('snapshot-1.ndjson.gz');
    rmSync(path.join(dir, 'snapshot-1.ndjson.gz'));
    expect(await served?.bytes()).toBeNull();
  });
});

describe('what a rate limit counts an address under', () => {
  it('an IPv4 address itself, an IPv6 address by its /64', () => {
    expect(rateAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(rateAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    const a = rateAddress('2001:db8:1:2:aaaa::1');
    expect(a).toBe('2001:0db8:0001:0002::/64');
    expect(rateAddress('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(a);
    expect(rateAddress('2001:db8:1:3::1')).not.toBe(a);
  });
});
