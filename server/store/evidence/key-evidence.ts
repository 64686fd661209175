/**
 * Evidence inspectors attach to a key: first the listing snapshot (its hash checked against the
 * bytes that came), then the screenshot, stored by the same content-addressed files as reporters'
 * screenshots. Each step is audited; sending either again changes nothing.
 */
import type { EvidenceInput, EvidenceView } from '../../../utils/protocol/registry/review';
import type { Db, KeyEvidenceTable } from '../../db/schema';
import { sha256Hex } from '../../db/sha256';
import { audit, touchCase } from '../cases/case-writes';
import type { Inspector } from '../tokens/inspector-tokens';
import type { StagedEvidence } from './evidence-store';

export type AttachOutcome = 'created' | 'repeat' | 'conflict' | 'bad_hash';

export async function attachEvidence(
  db: Db,
  input: EvidenceInput,
  by: Inspector,
  now: Date,
): Promise<AttachOutcome> {
  if (sha256Hex(input.snapshot) !== input.snapshotSha256) return 'bad_hash';
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const stored = await trx
      .selectFrom('key_evidence')
      .select(['key', 'snapshot_sha256'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (stored) {
      return stored.key === input.key && stored.snapshot_sha256 === input.snapshotSha256
        ? 'repeat'
        : 'conflict';
    }
    await trx
      .insertInto('key_evidence')
      .values({
        id: input.id,
        key: input.key,
        captured_at: input.capturedAt,
        snapshot: input.snapshot,
        snapshot_sha256: input.snapshotSha256,
        screenshot_sha256: null,
        media_type: null,
        by_token: by.tokenId,
        by_name: by.name,
        at,
      })
      .execute();
    await touchCase(trx, input.key, {}, at);
    await audit(trx, {
      key: input.key,
      action: 'evidence',
      by,
      before: null,
      after: { id: input.id, snapshotSha256: input.snapshotSha256, capturedAt: input.capturedAt },
      at,
    });
    return 'created';
  });
}

/** The screenshot of evidence already attached, its image stored in the same transaction. */
export async function attachScreenshot(
  db: Db,
  id: string,
  screenshot: { sha256: string; mediaType: string },
  staged: Pick<StagedEvidence, 'persist'>,
  by: Inspector,
  now: Date,
): Promise<'created' | 'repeat' | 'conflict' | 'unknown'> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('key_evidence')
      .select(['key', 'screenshot_sha256'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return 'unknown';
    if (row.screenshot_sha256) {
      if (row.screenshot_sha256 !== screenshot.sha256) return 'conflict';
      await staged.persist(trx);
      return 'repeat';
    }
    await staged.persist(trx);
    await trx
      .updateTable('key_evidence')
      .set({ screenshot_sha256: screenshot.sha256, media_type: screenshot.mediaType })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      key: row.key,
      action: 'evidence:screenshot',
      by,
      before: null,
      after: { id, sha256: screenshot.sha256 },
      at,
    });
    return 'created';
  });
}

export const evidenceUrl = (sha256: string) => `/v1/review/evidence/${sha256}`;

/** The address a snapshot says its tab showed (http(s) only); null when it says none. */
export function pageUrlOf(snapshot: string): string | null {
  try {
    const { pageUrl } = JSON.parse(snapshot) as { pageUrl?: unknown };
    return typeof pageUrl === 'string' && /^https?:\/\//.test(pageUrl) && pageUrl.length <= 2000
      ? pageUrl
      : null;
  } catch {
    return null;
  }
}

export function evidenceView(row: KeyEvidenceTable): EvidenceView {
  return {
    id: row.id,
    capturedAt: row.captured_at,
    snapshotSha256: row.snapshot_sha256,
    screenshot:
      row.screenshot_sha256 && row.media_type
        ? {
            url: evidenceUrl(row.screenshot_sha256),
            sha256: row.screenshot_sha256,
            mediaType: row.media_type,
          }
        : null,
    pageUrl: pageUrlOf(row.snapshot),
    by: row.by_name,
    at: row.at,
  };
}

/** The evidence attached to these keys, oldest first. */
export function evidenceOf(db: Db, keys: readonly string[]): Promise<KeyEvidenceTable[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('key_evidence')
    .selectAll()
    .where('key', 'in', [...keys])
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** One piece of evidence with its snapshot text (for the evidence package). */
export function snapshotOf(db: Db, id: string) {
  return db
    .selectFrom('key_evidence')
    .select(['key', 'snapshot', 'snapshot_sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The media type of a stored screenshot, whoever uploaded it; null when no evidence has it. */
export async function mediaTypeOf(db: Db, sha256: string): Promise<string | null> {
  const fromReport = await db
    .selectFrom('evidence')
    .select('media_type')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (fromReport) return fromReport.media_type;
  const fromInspector = await db
    .selectFrom('key_evidence')
    .select('media_type')
    .where('screenshot_sha256', '=', sha256)
    .executeTakeFirst();
  return fromInspector?.media_type ?? null;
}
