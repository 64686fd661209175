/** Why a feed update was refused: one code a reason, shown to the shopper in the popup. */
export const SYNC_ERROR_CODES = [
  'network',
  'bad_signature',
  'invalid_manifest',
  'rollback',
  'expired',
  'oversized',
  'hash_mismatch',
  'bad_gzip',
  'invalid_record',
  'storage',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
  }
}
