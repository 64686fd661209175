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
  'too_few_records',
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

/**
 * A feed that would leave far fewer records than the extension ships, without its publisher saying
 * it stands in for them (manifest `replacesShipped`): refused, and the data held is kept.
 */
export class TooFewRecordsError extends SyncError {
  constructor(
    readonly offered: number,
    readonly shipped: number,
  ) {
    super(
      'too_few_records',
      `the feed holds ${offered} records, far fewer than the ${shipped} shipped with the ` +
        'extension, and does not say it replaces them: nothing was replaced',
    );
  }
}
