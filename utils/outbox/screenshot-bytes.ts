/**
 * A screenshot as the outboxes keep it: the data: URL an extension page captured, decoded and
 * checked (size, and magic bytes matching the type it claims), with its SHA-256 and a delivery of
 * its own. Shared by reports and inspector evidence.
 */
import { sha256Hex } from '../feed-format/hash';
import { MAX_SCREENSHOT_BYTES, type ScreenshotInput } from '../protocol/runtime/report-messages';
import type { Screenshot } from './deliverable';
import { newDelivery } from './delivery';

export async function decodeScreenshot(input: ScreenshotInput, now: Date): Promise<Screenshot> {
  const [head, data = ''] = input.dataUrl.split(',', 2);
  const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
  if (bytes.byteLength > MAX_SCREENSHOT_BYTES)
    throw new Error('the screenshot is larger than 1 MB');
  const mediaType = head?.includes('image/png') ? 'image/png' : 'image/jpeg';
  const magic = mediaType === 'image/png' ? [0x89, 0x50, 0x4e, 0x47] : [0xff, 0xd8, 0xff];
  if (!magic.every((byte, index) => bytes[index] === byte)) {
    throw new Error(`the screenshot is not a ${mediaType === 'image/png' ? 'PNG' : 'JPEG'} image`);
  }
  return {
    bytes,
    mediaType,
    sha256: await sha256Hex(bytes),
    takenAt: input.takenAt,
    delivery: newDelivery(now, true),
  };
}
