/**
 * Compression with the platform's streams (CompressionStream/DecompressionStream exist in service
 * workers, extension pages and Node), with a ceiling on output so a small hostile file cannot expand
 * into gigabytes. The streams are read through `Response`, which drains them natively: reading
 * chunk by chunk from script costs several times more per stream in Chromium.
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
  let total = 0;
  let exceeded = false;
  const limited = stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > maxBytes) {
          exceeded = true;
          controller.error(new SizeLimitError(`more than ${maxBytes} bytes`));
        } else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return new Uint8Array(await new Response(limited).arrayBuffer());
  } catch (error) {
    if (exceeded) throw new SizeLimitError(`more than ${maxBytes} bytes`);
    throw error;
  }
}

function bodyOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  return new Response(bytes).body as ReadableStream<Uint8Array>;
}

export async function compress(
  bytes: Uint8Array<ArrayBuffer>,
  format: Format = 'gzip',
): Promise<Uint8Array<ArrayBuffer>> {
  const stream = bodyOf(bytes).pipeThrough(
    new CompressionStream(format) as ReadableWritablePair<Uint8Array, Uint8Array>,
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates; a truncated or corrupt input rejects, and so does output beyond `maxBytes`. */
export function decompress(
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes: number,
  format: Format = 'gzip',
): Promise<Uint8Array<ArrayBuffer>> {
  return readLimited(
    bodyOf(bytes).pipeThrough(
      new DecompressionStream(format) as ReadableWritablePair<Uint8Array, Uint8Array>,
    ),
    maxBytes,
  );
}
