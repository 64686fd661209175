/**
 * A screenshot upload, a reporter's or an inspector's: the body must be a PNG, JPEG or WebP image
 * by its bytes (415 otherwise), and is saved by its SHA-256 before any row refers to it.
 */
import type { Context } from 'hono';
import type { EvidenceFiles } from '../store/evidence/evidence-files';
import { ApiFailure } from './errors';

export const MAX_EVIDENCE_BYTES = 2 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((byte, index) => bytes[at + index] === byte);

/** The image type the bytes are (by their magic numbers), or null when not PNG, JPEG or WebP. */
export function imageTypeOf(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (
    startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
    startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
  ) {
    return 'image/webp';
  }
  return null;
}

/** A screenshot as saved, in the order the routes answer with it. */
export interface Screenshot {
  sha256: string;
  bytes: number;
  mediaType: 'image/png' | 'image/jpeg' | 'image/webp';
}

/** Reads the request's body as a screenshot and saves it; a body that is no such image is a 415. */
export async function receiveScreenshot(c: Context, files: EvidenceFiles): Promise<Screenshot> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const mediaType = imageTypeOf(bytes);
  if (!mediaType) {
    throw new ApiFailure(415, 'unsupported_image', 'evidence must be a PNG, JPEG or WebP image');
  }
  return { sha256: await files.save(bytes), bytes: bytes.byteLength, mediaType };
}
