import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/utils/db/database';
import { readAllFlags, readDataInfo, replaceAllFlags } from '@/utils/db/flags';
import { ensureDefaultData, type PackageReader, readDefaultData } from '@/utils/feed/default-data';
import { dataInfo, record } from '../../helpers/records';
import { readShipped } from '../../helpers/shipped-data';

const shipped = readShipped;

function withSnapshot(text: string, manifestPatch: Record<string, unknown> = {}): PackageReader {
  return async (file) => {
    if (file.endsWith('default-manifest.json')) {
      const manifest = JSON.parse(new TextDecoder().decode(await shipped(file)));
      const bytes = Buffer.from(text);
      manifest.snapshot = {
        ...manifest.snapshot,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        count: text.split('\n').filter(Boolean).length,
      };
      Object.assign(manifest, manifestPatch);
      return new TextEncoder().encode(JSON.stringify(manifest)).buffer as ArrayBuffer;
    }
    return new TextEncoder().encode(text).buffer as ArrayBuffer;
  };
}

describe('default data shipped in public/feed', () => {
  it('matches its manifest and holds only reserved demo ids', async () => {
    const { manifest, records } = await readDefaultData(shipped);
    expect(records).toHaveLength(manifest.snapshot.count);
    for (const { key } of records) {
      // Reserved demo ids start with zeros, which real marketplace ids never do.
      const id = key.split(':').slice(2).join(':');
      for (const part of id.split('.')) expect(part, key).toMatch(/^0{4,}\d+$/);
    }
    for (const { summary } of records) {
      expect(summary.vi).toContain('[Dữ liệu mẫu]');
      expect(summary.en).toContain('[Demo data]');
    }
  });

  it('is loaded into an empty database, and only once', async () => {
    const db = await openDatabase();
    expect(await ensureDefaultData(db, shipped)).toBe(true);
    const info = await readDataInfo(db);
    expect(info).toMatchObject({ source: 'default', publisher: 'Soi Hàng (demo data)' });
    expect((await readAllFlags(db)).records).toHaveLength(info?.recordCount ?? -1);
    expect(await ensureDefaultData(db, shipped)).toBe(false);
    db.close();
  });

  it('never replaces data that came from the feed', async () => {
    const db = await openDatabase();
    await replaceAllFlags(
      db,
      [record('shopee:item:1.2')],
      dataInfo({ source: 'feed', sequence: 0 }),
    );
    expect(await ensureDefaultData(db, shipped)).toBe(false);
    expect((await readAllFlags(db)).records.map((r) => r.key)).toEqual(['shopee:item:1.2']);
    db.close();
  });

  it.each([
    [
      'a snapshot that does not match its hash',
      async (file: string) => {
        const bytes = new Uint8Array(await shipped(file));
        if (file.endsWith('.ndjson')) bytes[10] = 0x21;
        return bytes.buffer as ArrayBuffer;
      },
    ],
    [
      'a record that fails its schema',
      withSnapshot(`${JSON.stringify(record('shopee:item:1.2'))}\n{"key":"shopee:item:1"}\n`),
    ],
    [
      'a line that is not JSON',
      withSnapshot(`${JSON.stringify(record('shopee:item:1.2'))}\n{oops\n`),
    ],
    [
      'a manifest of an unknown format',
      withSnapshot(`${JSON.stringify(record('shopee:item:1.2'))}\n`, { format: 2 }),
    ],
  ] as Array<[string, PackageReader]>)(
    'refuses %s and keeps the old data',
    async (_name, reader) => {
      const db = await openDatabase();
      await replaceAllFlags(db, [record('shopee:item:7.7')], dataInfo({ sequence: 0 }));
      await expect(ensureDefaultData(db, reader)).rejects.toThrow();
      expect((await readAllFlags(db)).records.map((r) => r.key)).toEqual(['shopee:item:7.7']);
      expect(await readDataInfo(db)).toMatchObject({ sequence: 0 });
      db.close();
    },
  );
});
