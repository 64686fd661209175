/**
 * A screenshot upload, a reporter's or an inspector's: the body must be a PNG, JPEG or WebP image
 * by its bytes (415 otherwise). It is staged by its SHA-256 and kept only if the row referring to it
 * commits (withScreenshot).
 */
import type { Context } from 'hono';
import type { EvidenceStore, StagedEvidence } from '../store/evidence/evidence-store';
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

/**
 * Reads the request's body as a screenshot, stages it, and runs `attach` with it: the image is kept
 * when `attach` says it was stored (or was already), and removed on a refusal or any error.
 */
export async function withScreenshot<T extends string>(
  c: Context,
  store: EvidenceStore,
  attach: (screenshot: Screenshot, staged: StagedEvidence) => Promise<T>,
  kept: readonly T[],
): Promise<{ screenshot: Screenshot; outcome: T }> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const mediaType = imageTypeOf(bytes);
  if (!mediaType) {
    throw new ApiFailure(415, 'unsupported_image', 'evidence must be a PNG, JPEG or WebP image');
  }
  const staged = await store.stage(bytes);
  try {
    const screenshot = { sha256: staged.sha256, bytes: bytes.byteLength, mediaType };
    const outcome = await attach(screenshot, staged);
    if (kept.includes(outcome)) await staged.commit();
    return { screenshot, outcome };
  } finally {
    await staged.discard();
  }
}
