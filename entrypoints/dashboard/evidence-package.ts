/**
 * One case's evidence package, built in the inspector's browser: its story, every snapshot as it was
 * hashed, every screenshot, and their hashes, as one zip (utils/report/case-work.ts).
 */
import { sha256Hex } from '../../utils/feed-format/hash';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/protocol/runtime/client';
import type { InspectorSession } from '../../utils/protocol/runtime/inspector';
import {
  extensionOf,
  type PackageFile,
  packageName,
  storyBytes,
  zipPackage,
} from '../../utils/report/case-work';

const bytesOf = (dataUrl: string) =>
  Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (char) => char.charCodeAt(0));

async function screenshotFile(
  path: string,
  capturedAt: string,
  declaredSha256?: string,
): Promise<PackageFile> {
  const file = await sendMessage('inspectorFile', { path });
  const bytes = bytesOf(file.dataUrl ?? '');
  const sha256 = await sha256Hex(bytes);
  return {
    path: `screenshots/${sha256}.${extensionOf(file.mediaType)}`,
    bytes,
    sha256,
    capturedAt,
    ...(declaredSha256 ? { declaredSha256 } : {}),
  };
}

/** The package of `key`'s case, named for the day it was built, signed as `session`'s inspector. */
export async function evidencePackage(
  key: string,
  session: () => InspectorSession | null,
): Promise<{ name: string; zip: Uint8Array }> {
  const { story } = await sendMessage('inspectorStory', { key });
  if (!story) throw new Error(t('panelNothingKnown'));
  const files: PackageFile[] = [];
  for (const evidence of story.evidence) {
    const snapshot = await sendMessage('inspectorFile', {
      path: `/v1/review/evidence/${evidence.id}/snapshot`,
    });
    const bytes = new TextEncoder().encode(snapshot.text ?? '');
    files.push({
      path: `snapshots/${evidence.id}.json`,
      bytes,
      sha256: await sha256Hex(bytes),
      capturedAt: evidence.capturedAt,
      declaredSha256: evidence.snapshotSha256,
    });
    if (evidence.screenshot) {
      files.push(
        await screenshotFile(
          evidence.screenshot.url,
          evidence.capturedAt,
          evidence.screenshot.sha256,
        ),
      );
    }
  }
  for (const report of story.reports) {
    for (const url of report.evidence) files.push(await screenshotFile(url, report.receivedAt));
  }
  const builtAt = new Date().toISOString();
  const signer = session();
  const zip = zipPackage(
    {
      key,
      registry: signer?.registryUrl ?? '',
      builtAt,
      builtBy: signer?.name ?? '',
      story,
      files,
    },
    await sha256Hex(storyBytes(story)),
  );
  return { name: packageName(key, builtAt.slice(0, 10)), zip };
}
