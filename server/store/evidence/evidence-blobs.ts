/**
 * Screenshots in the shared database (table evidence_blobs), for instances on one PostgreSQL: the
 * bytes are inserted in the same transaction as the row that refers to them, so an image exists
 * exactly when its report or evidence row does, and any instance reads it.
 */
import type { Db } from '../../db/schema';
import { sha256Hex } from '../../db/sha256';
import {
  type EvidenceStore,
  SHA256_HEX,
  type StagedEvidence,
  SWEEP_AFTER_MS,
} from './evidence-store';

export class EvidenceBlobs implements EvidenceStore {
  constructor(private readonly db: Db) {}

  async stage(bytes: Uint8Array): Promise<StagedEvidence> {
    const sha256 = sha256Hex(bytes);
    return {
      sha256,
      persist: async (trx) => {
        await trx
          .insertInto('evidence_blobs')
          .values({ sha256, bytes, created_at: new Date().toISOString() })
          .onConflict((conflict) => conflict.column('sha256').doNothing())
          .execute();
      },
      commit: async () => {},
      discard: async () => {},
    };
  }

  async read(sha256: string): Promise<Uint8Array | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    const row = await this.db
      .selectFrom('evidence_blobs')
      .select('bytes')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row ? new Uint8Array(row.bytes) : null;
  }

  /**
   * Blobs are written with their rows; only a row deleted later could leave one unreferenced. One
   * statement finds and removes those, whatever their number.
   */
  async sweep(_isReferenced: unknown, olderThanMs = SWEEP_AFTER_MS): Promise<number> {
    const cutoff = new Date(Date.now() - olderThanMs).toISOString();
    const result = await this.db
      .deleteFrom('evidence_blobs')
      .where('created_at', '<', cutoff)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('evidence')
              .select('report_id')
              .whereRef('evidence.sha256', '=', 'evidence_blobs.sha256'),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('key_evidence')
              .select('id')
              .whereRef('key_evidence.screenshot_sha256', '=', 'evidence_blobs.sha256'),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows ?? 0);
  }
}
