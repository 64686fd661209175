/** A feed sync's outcome as the status keeps it (sync-status.ts), from the feed client's result. */
import type { SyncResult } from '../../../utils/feed/sync';
import { SyncError, TooFewRecordsError } from '../../../utils/feed/sync-error';
import { errorMessage } from '../../../utils/protocol/error-message';
import type { SyncStatus } from '../../../utils/protocol/runtime/sync-status';

export function succeeded(
  result: SyncResult,
  at: string,
  intervalMinutes: number,
  guarded: number,
): SyncStatus {
  return {
    result: result.status,
    at,
    lastSuccessAt: at,
    intervalMinutes,
    ...(guarded > 0 ? { guarded } : {}),
    ...(result.status === 'updated'
      ? {
          via: result.via,
          downloadMs: result.downloadMs,
          applyMs: result.applyMs,
          parseMs: result.parseMs,
          storeMs: result.storeMs,
          ...(result.checkers ? { checkers: result.checkers } : {}),
        }
      : {}),
  };
}

/** A failed sync: why, and when the last one succeeded (the data is the one it left). */
export function failed(error: unknown, at: string, previous: SyncStatus | null): SyncStatus {
  return {
    result: 'failed',
    at,
    errorCode: error instanceof SyncError ? error.code : 'internal',
    message: errorMessage(error).slice(0, 1000),
    ...(error instanceof TooFewRecordsError
      ? { tooFew: { offered: error.offered, shipped: error.shipped } }
      : {}),
    ...(previous?.lastSuccessAt ? { lastSuccessAt: previous.lastSuccessAt } : {}),
    ...(previous?.intervalMinutes ? { intervalMinutes: previous.intervalMinutes } : {}),
  };
}
