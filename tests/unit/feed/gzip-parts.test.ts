import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipInParts } from '../../../server/publish/gzip-parts-writer';
import { compress, decompress } from '../../../utils/feed-format/gzip';
import { findPartOffsets, partFor, partStream } from '../../../utils/feed-format/gzip-parts';

const encoder = new TextEncoder();
const parts = Array.from({ length: 5 }, (_, p) =>
  encoder.encode(
    Array.from({ length: 64 }, (_, i) => `{"key":"tiki:item:${p * 64 + i}","n":${i}}\n`).join(''),
  ),
);

describe('gzip parts', () => {
  it('writes one ordinary gzip member whose parts each inflate alone', async () => {
    const member = gzipInParts(parts);
    expect(Buffer.from(gunzipSync(member)).equals(Buffer.concat(parts))).toBe(true);
    expect(Buffer.from(await decompress(member, 1e6, 'gzip')).equals(Buffer.concat(parts))).toBe(
      true,
    );
    const offsets = findPartOffsets(member, parts.length);
    expect(offsets).not.toBeNull();
    for (const [p, part] of parts.entries()) {
      const text = await decompress(
        partStream(member, offsets as Uint32Array, p),
        1e6,
        'deflate-raw',
      );
      expect(Buffer.from(text).equals(Buffer.from(part))).toBe(true);
    }
  });

  it('finds no parts where the member is not split as expected', async () => {
    const member = gzipInParts(parts);
    expect(findPartOffsets(member, parts.length - 1)).toBeNull();
    expect(findPartOffsets(member, parts.length + 1)).toBeNull();
    expect(findPartOffsets(member.subarray(0, member.length - 3), parts.length)).toBeNull();
    const flagged = member.slice();
    flagged[3] = 0x08; // FNAME: the header is longer than ours
    expect(findPartOffsets(flagged, parts.length)).toBeNull();
    const plain = await compress(Buffer.concat(parts) as Uint8Array<ArrayBuffer>, 'gzip');
    expect(findPartOffsets(plain, 1)).toBeNull();
    expect(findPartOffsets(new Uint8Array(4), 1)).toBeNull();
  });

  it('picks the part whose first key is the greatest at or below the key', () => {
    const firstKeys = ['b', 'd', 'f'];
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'z'].map((key) => partFor(firstKeys, key))).toEqual([
      0, 0, 0, 1, 1, 2, 2,
    ]);
    expect(partFor(['only'], 'x')).toBe(0);
  });
});
