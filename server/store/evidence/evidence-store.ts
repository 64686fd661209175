/**
 * Where screenshots live, by their SHA-256: a directory on the server's disk (the SQLite default) or
 * the shared database (PostgreSQL, so every instance reads what any instance received). An image is
 * staged first and becomes visible only with the row that refers to it: a refused or failed upload
 * leaves nothing behind, and a sweep clears what a crash left between the two.
 */
import type { Db } from '../../db/schema';

export interface StagedEvidence {
  sha256: string;
  /** Called inside the transaction that writes the referring row (the database keeps the bytes there). */
  persist(trx: Db): Promise<void>;
  /** Called once that transaction committed (the directory gives the file its name then). */
  commit(): Promise<void>;
  /** Called always at the end: whatever was not committed is removed. */
  discard(): Promise<void>;
}

export interface EvidenceStore {
  stage(bytes: Uint8Array): Promise<StagedEvidence>;
  read(sha256: string): Promise<Uint8Array | null>;
  /**
   * Removes what no committed row refers to and a crash left (older than `olderThanMs`); restores a
   * staged file whose row did commit. Returns how many it removed.
   */
  sweep(isReferenced: (sha256: string) => Promise<boolean>, olderThanMs?: number): Promise<number>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A crash's leftovers younger than this may still belong to a request under way. */
export const SWEEP_AFTER_MS = 10 * 60_000;
