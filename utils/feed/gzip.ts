/**
 * Compression with the platform's streams (CompressionStream/DecompressionStream exist in service
 * workers, extension pages and Node), with a ceiling on output so a small hostile file cannot expand
 * into gigabytes.
 */
export class SizeLimitError extends Error {
  override readonly name = 'SizeLimitError';
}

type Format = 'gzip' | 'deflate-raw';

/** Reads a whole stream, refusing more than `maxBytes`. */
export async function readLimited(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new SizeLimitError(`more than ${maxBytes} bytes`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new Blob([bytes]).stream() as ReadableStream<Uint8Array<ArrayBuffer>>;
}

export function compress(
  bytes: Uint8Array<ArrayBuffer>,
  format: Format = 'gzip',
): Promise<Uint8Array<ArrayBuffer>> {
  return readLimited(
    streamOf(bytes).pipeThrough(new CompressionStream(format)),
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
    streamOf(bytes).pipeThrough(new DecompressionStream(format)) as ReadableStream<Uint8Array>,
    maxBytes,
  );
}
