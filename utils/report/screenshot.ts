/**
 * A screenshot for a report: the visible tab as JPEG, at the best quality that fits in
 * MAX_SCREENSHOT_BYTES (a full-HD tab is a few hundred kilobytes at the first try).
 */

import { errorMessage } from '../protocol/error-message';
import { MAX_SCREENSHOT_BYTES, type ScreenshotInput } from '../protocol/runtime/report-messages';

const QUALITIES = [85, 70, 55, 40, 25];

/** Bytes a base64 data: URL decodes to. */
export function dataUrlBytes(dataUrl: string): number {
  const data = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}

export type ScreenshotResult = { screenshot: ScreenshotInput } | { error: string };

export async function fitScreenshot(
  capture: (quality: number) => Promise<string>,
  now: () => Date,
): Promise<ScreenshotResult> {
  try {
    for (const quality of QUALITIES) {
      const dataUrl = await capture(quality);
      if (dataUrlBytes(dataUrl) <= MAX_SCREENSHOT_BYTES) {
        return { screenshot: { dataUrl, takenAt: now().toISOString() } };
      }
    }
    return { error: 'the screenshot stays over 1 MB even at low quality' };
  } catch (error) {
    return { error: errorMessage(error).slice(0, 300) };
  }
}
