/**
 * Compression with the platform's streams (CompressionStream/DecompressionStream exist in service
 * workers, extension pages and Node), with a ceiling on output so a small hostile file cannot expand
 * into gigabytes. Bytes are written straight into the transform and read back with one reader loop:
 * in Chromium that is about twice as fast as draining through `Response`, and going through a
 * `Blob` stream is slower still.
 */
export class SizeLimitError extends Error {
  override readonly name = 'SizeLimitError';
}

type Format = 'gzip' | 'deflate-raw';

/** Reads a whole stream, refusing (and cancelling it) past `maxBytes`. */
export async function readLimited(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw new SizeLimitError(`more than ${maxBytes} bytes`);
    }
    parts.push(value);
  }
  return concatBytes(parts);
}

/** The pieces one after the other, in one new array. */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let total = 0;
  for (const piece of pieces) total += piece.byteLength;
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.byteLength;
  }
  return out;
}

/** The transform's output for one input; write errors surface on the reading side. */
function through(
  bytes: Uint8Array<ArrayBuffer>,
  transform: ReadableWritablePair<Uint8Array, Uint8Array>,
): ReadableStream<Uint8Array> {
  const writer = transform.writable.getWriter();
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  return transform.readable;
}

export function compress(
  bytes: Uint8Array<ArrayBuffer>,
  format: Format = 'gzip',
): Promise<Uint8Array<ArrayBuffer>> {
  return readLimited(
    through(bytes, new CompressionStream(format) as ReadableWritablePair<Uint8Array, Uint8Array>),
    Number.MAX_SAFE_INTEGER,
  );
}

/** Inflates; a truncated or corrupt input rejects, and so does output beyond `maxBytes`. */
export function decompress(
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes: number,
  format: Format = 'gzip',
): Promise<Uint8Array<ArrayBuffer>> {
  return readLimited(
    through(bytes, new DecompressionStream(format) as ReadableWritablePair<Uint8Array, Uint8Array>),
    maxBytes,
  );
}
