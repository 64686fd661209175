/**
 * The publisher's side of gzip parts (gzip-parts.ts): one gzip member whose deflate stream is cut
 * into independently inflatable parts by full flushes. Each part is deflated on its own (a full
 * flush resets the window, so this is the same stream zlib would write with Z_FULL_FLUSH between
 * parts), ends in the empty stored block that marks the flush, and the stream closes with an empty
 * final block. Any gzip reader sees one ordinary member. Node only: it needs zlib's flush control,
 * which CompressionStream does not offer, and it is never bundled into the extension.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { concatBytes } from '../../utils/feed-format/gzip';
import { FINAL_EMPTY_BLOCK, GZIP_HEADER } from '../../utils/feed-format/gzip-parts';

export function gzipInParts(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const deflated = parts.map((part) =>
    deflateRawSync(part, { level: 9, finishFlush: constants.Z_FULL_FLUSH }),
  );
  let crc = 0;
  let size = 0;
  for (const part of parts) {
    crc = crc32(part, crc);
    size += part.byteLength;
  }
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc >>> 0, true);
  view.setUint32(4, size >>> 0, true);
  return concatBytes([GZIP_HEADER, ...deflated, FINAL_EMPTY_BLOCK, trailer]);
}
