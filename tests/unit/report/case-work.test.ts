/**
 * The dashboard's case work: the queue as CSV (quoted, formula cells defused), where a case's
 * listing opens, and the evidence package read back (every file's hash in its manifest).
 */
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CaseStory } from '../../../utils/protocol/registry/review';
import {
  casesCsv,
  listingUrlOf,
  packageName,
  storyBytes,
  zipPackage,
} from '../../../utils/report/case-work';

const summary = {
  key: 'shopee:item:88.123',
  status: 'confirmed' as const,
  reports: 3,
  installs: 3,
  networks: 1,
  reasons: { counterfeit: 2, unsafe: 1 },
  appeals: 0,
  firstSeen: '2026-12-01T00:00:00.000Z',
  lastSeen: '2026-12-02T00:00:00.000Z',
};
const story: CaseStory = {
  case: summary,
  record: null,
  reports: [
    {
      id: '3b2c1a7e-1f1e-4b7a-9c1d-2a3b4c5d6e7f',
      receivedAt: '2026-12-02T00:00:00.000Z',
      reasons: ['counterfeit'],
      title: 'Sữa',
      price: null,
      url: 'https://shopee.vn/Sua-i.88.123',
      note: null,
      contact: null,
      evidence: [],
    },
  ],
  decisions: [],
  notes: [],
  appeals: [],
  evidence: [],
  audit: [],
};
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('case work', () => {
  it('writes the cases as CSV a spreadsheet reads safely', () => {
    const csv = casesCsv([
      { ...summary, title: 'Sữa bột, "chính hãng"' },
      { ...summary, key: 'shopee:seller:=HYPERLINK(1)', title: '=HYPERLINK(2)' },
    ]);
    const [header, first, second] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'key,platform,title,status,reports,installs,networks,reasons,appeals,first_seen,last_seen',
    );
    expect(first).toBe(
      '"shopee:item:88.123","shopee","Sữa bột, ""chính hãng""","confirmed","3","3","1","counterfeit:2 unsafe:1","0","2026-12-01T00:00:00.000Z","2026-12-02T00:00:00.000Z"',
    );
    expect(second?.startsWith('"shopee:seller:=HYPERLINK(1)"')).toBe(true);
    expect(second).not.toContain(',"=HYPERLINK(2)"');
  });

  it("opens a case at its latest report's address, else at one built from the key", () => {
    expect(listingUrlOf(summary.key, story)).toBe('https://shopee.vn/Sua-i.88.123');
    expect(listingUrlOf('shopee:item:88.123', null)).toBe('https://shopee.vn/product/88/123');
    expect(listingUrlOf('lazada:item:555', null)).toBe('https://www.lazada.vn/products/i555.html');
    expect(listingUrlOf('tiki:item:77', null)).toBe('https://tiki.vn/p77.html');
    expect(listingUrlOf('facebook:seller:abc', null)).toBeNull();
  });

  it('never opens an address a reporter chose that is not the key’s listing: it builds one instead', () => {
    const at = (url: string) =>
      ({ ...story, reports: [{ ...story.reports[0], url }] }) as typeof story;
    for (const url of [
      'https://evil.example/phish?login=registry',
      'https://shopee.vn.evil.example/Sua-i.88.123',
      'https://shopee.vn/Sua-i.88.999',
      'javascript:alert(1)//-i.88.123',
    ]) {
      expect(listingUrlOf('shopee:item:88.123', at(url))).toBe('https://shopee.vn/product/88/123');
    }
    expect(listingUrlOf('shopee:seller:88', at('https://shopee.vn/Sua-i.88.123'))).toBe(
      'https://shopee.vn/Sua-i.88.123',
    );
    expect(listingUrlOf('shopee:seller:88', at('https://shopee.vn/Sua-i.99.123'))).toBe(
      'https://shopee.vn/shop/88',
    );
  });

  it('opens a shop report at the shop page it named, on Tiki and Lazada too, never another seller’s', () => {
    const at = (url: string) =>
      ({ ...story, reports: [{ ...story.reports[0], url }] }) as typeof story;
    for (const [key, url] of [
      ['tiki:seller:74', 'https://tiki.vn/cua-hang/nha-sach-mau-74'],
      ['lazada:seller:52', 'https://www.lazada.vn/shop/gian-hang-mau-52/'],
      ['shopee:seller:42', 'https://shopee.vn/cuahangmau42'],
      ['shopee:seller:42', 'https://shopee.vn/shop/42'],
    ] as const) {
      expect(listingUrlOf(key, at(url)), url).toBe(url);
    }
    for (const [key, url, built] of [
      ['tiki:seller:74', 'https://tiki.vn/', null],
      ['tiki:seller:74', 'https://help.tiki.vn/cua-hang/x', null],
      ['lazada:seller:52', 'https://www.lazada.vn/shop/x/?seller_id=999', null],
      ['shopee:seller:42', 'https://shopee.vn/shop/999', 'https://shopee.vn/shop/42'],
      ['shopee:seller:42', 'https://shopee.vn/search?keyword=x', 'https://shopee.vn/shop/42'],
      ['facebook:seller:42', 'https://www.facebook.com/profile.php?id=42', null],
    ] as const) {
      expect(listingUrlOf(key, at(url)), url).toBe(built);
    }
  });

  it('packs the story, the files and a manifest whose hashes match what is inside', () => {
    const snapshot = new TextEncoder().encode('{"listing":{}}');
    const image = Uint8Array.from([0xff, 0xd8, 0xff, 1]);
    const zip = zipPackage(
      {
        key: summary.key,
        registry: 'https://registry.test',
        builtAt: '2026-12-03T08:00:00.000Z',
        builtBy: 'Thanh tra viên A',
        story,
        files: [
          {
            path: 'snapshots/a.json',
            bytes: snapshot,
            sha256: sha(snapshot),
            declaredSha256: sha(snapshot),
          },
          {
            path: `screenshots/${sha(image)}.jpg`,
            bytes: image,
            sha256: sha(image),
            capturedAt: '2026-12-03T07:00:00.000Z',
          },
        ],
      },
      sha(storyBytes(story)),
    );
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array()));
    expect(Object.keys(files).sort()).toEqual(
      ['manifest.json', 'story.json', 'snapshots/a.json', `screenshots/${sha(image)}.jpg`].sort(),
    );
    for (const file of manifest.files)
      expect(sha(files[file.path] ?? new Uint8Array())).toBe(file.sha256);
    expect(JSON.parse(strFromU8(files['story.json'] ?? new Uint8Array()))).toEqual(story);
    expect(packageName('shopee:item:88.123', '2026-12-03')).toBe(
      'soi-hang-ho-so-shopee_item_88.123-2026-12-03.zip',
    );
  });
});
