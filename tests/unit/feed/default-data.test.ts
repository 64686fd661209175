import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../utils/db/database';
import { loadData } from '../../../utils/db/flag-store';
import { RecordReader } from '../../../utils/db/record-reader';
import { ensureDefaultData, type PackageReader } from '../../../utils/feed/default-data';
import { dataInfo, record } from '../../helpers/records';
import { readShipped, shippedFeed } from '../../helpers/shipped-data';
import { toStoredLines, writeSnapshot } from '../../helpers/stored';

const now = () => new Date('2026-11-28T12:00:00Z');

describe('default data shipped in public/feed', () => {
  it('holds the real sources and demo records only on reserved ids', async () => {
    const { records } = await shippedFeed();
    const kinds = new Map<string, number>();
    for (const { key } of records) {
      const kind = key.split(':')[0] as string;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect(kinds.get('domain')).toBeGreaterThan(16_800); // ChongLuaDao + authorities' sites
    expect(kinds.get('product')).toBeGreaterThan(50); // authorities' product decisions
    for (const { key, summary } of records) {
      if (key.startsWith('domain:') || key.startsWith('product:')) continue;
      // Marketplace records are demo data: reserved ids start with zeros, which real ids never do.
      const id = key.split(':').slice(2).join(':');
      for (const part of id.split('.')) expect(part, key).toMatch(/^0{4,}\d+$/);
      expect(summary.vi).toContain('[Dữ liệu mẫu]');
    }
  });

  it("maps the authorities' statuses as their README defines them", async () => {
    const byKey = new Map((await shippedFeed()).records.map((r) => [r.key, r]));
    expect(byKey.get('product:colos iq for mum')).toMatchObject({
      status: 'confirmed',
      reasons: ['counterfeit'],
    });
    expect(byKey.get('product:aclasta')).toMatchObject({
      status: 'suspected',
      scope: { batches: ['KHBY7'] },
    });
    expect(byKey.get('product:best slim collagen')).toMatchObject({
      status: 'confirmed',
      reasons: ['recall'],
    });
    // The four domains from a cut-off sentence are only suspected; an authority outranks the list.
    expect(byKey.get('domain:vluky.com')?.status).toBe('suspected');
    expect(byKey.get('domain:temu.com')).toMatchObject({
      status: 'confirmed',
      reasons: ['violating_site'],
    });
    expect(byKey.get('domain:0000a.net')).toMatchObject({
      status: 'reported',
      authority: 'ChongLuaDao.vn',
    });
  });

  it('is loaded on first use and not again for the same snapshot', async () => {
    const db = await openDatabase();
    const first = await ensureDefaultData(db, readShipped, now);
    expect(first.info).toMatchObject({ source: 'default' });
    const again = await ensureDefaultData(db, readShipped, now);
    expect(again.info?.importedAt).toBe(first.info?.importedAt);
    const found = await new RecordReader(db, again.index).get(['product:colos iq for mum']);
    expect(found.size).toBe(1);
    db.close();
  });

  it('never replaces data that came from the feed', async () => {
    const db = await openDatabase();
    const { recordCount: _r, counts: _c, ...info } = dataInfo({ source: 'feed', sequence: 9 });
    await writeSnapshot(db, toStoredLines([record('shopee:item:1.2')]), info);
    const held = await ensureDefaultData(db, readShipped, now);
    expect(held.info).toMatchObject({ source: 'feed', sequence: 9 });
    db.close();
  });

  it('refuses a damaged package file and keeps the old data', async () => {
    const db = await openDatabase();
    const { recordCount: _r, counts: _c, ...info } = dataInfo({ sequence: 1 });
    await writeSnapshot(db, toStoredLines([record('shopee:item:1.2')]), info);
    const damaged: PackageReader = async (file) => {
      const bytes = new Uint8Array(await readShipped(file));
      if (file.endsWith('.gz')) bytes[100] = (bytes[100] as number) ^ 0xff;
      return bytes.buffer;
    };
    await expect(ensureDefaultData(db, damaged, now)).rejects.toThrow(/sha256/);
    expect((await loadData(db)).info).toMatchObject({
      source: 'default',
      sequence: 1,
      recordCount: 1,
    });
    db.close();
  });
});
