/**
 * The local data as the popup and the options page show it: version, publisher, dates, counts by
 * kind, freshness warnings, the last sync's outcome and the "sync now" button.
 */
import { formatCount, formatDate, type MessageKey, t, tn } from '../utils/i18n';
import { KEY_KINDS, type KeyKind } from '../utils/protocol/keys';
import type { DataInfo } from '../utils/protocol/records';
import type { DataStatus, SyncStatus } from '../utils/protocol/runtime/sync-status';

const KIND_COUNTS: Record<KeyKind, MessageKey> = {
  seller: 'kindSeller',
  item: 'kindItem',
  domain: 'kindDomain',
  product: 'kindProduct',
  phone: 'kindPhone',
  bank: 'kindBank',
};

const SYNC_ERRORS: Record<string, MessageKey> = {
  network: 'syncErrorNetwork',
  bad_signature: 'syncErrorBadSignature',
  invalid_manifest: 'syncErrorInvalidManifest',
  rollback: 'syncErrorRollback',
  expired: 'syncErrorExpired',
  oversized: 'syncErrorOversized',
  hash_mismatch: 'syncErrorHashMismatch',
  bad_gzip: 'syncErrorBadGzip',
  invalid_record: 'syncErrorInvalidRecord',
  storage: 'syncErrorStorage',
  too_few_records: 'syncErrorTooFew',
};

function countsLine(data: DataInfo): string {
  const parts = KEY_KINDS.filter((kind) => (data.counts[kind] ?? 0) > 0).map((kind) =>
    tn(KIND_COUNTS[kind], data.counts[kind] ?? 0, formatCount(data.counts[kind] ?? 0)),
  );
  return t('popupDataCounts', parts.join(', '));
}

export function syncLine(sync: SyncStatus | null): string | null {
  if (!sync) return null;
  const at = formatDate(sync.at, true);
  switch (sync.result) {
    case 'updated':
      return t('popupSyncUpdated', at);
    case 'unchanged':
      return t('popupSyncUnchanged', at);
    case 'not_configured':
      return t('popupSyncNotConfigured');
    case 'failed':
      return t('popupSyncFailed', at, t(SYNC_ERRORS[sync.errorCode ?? ''] ?? 'syncErrorOther'));
  }
}

export interface DataSectionProps {
  status: DataStatus | null;
  syncing: boolean;
  onSync?: () => void;
}

/** The local data: version, publisher, dates, counts by kind, freshness and the last sync. */
export function DataSection({ status, syncing, onSync }: DataSectionProps) {
  const data = status?.data ?? null;
  const sync = syncLine(status?.sync ?? null);
  return (
    <section class="data" data-testid="data-status" data-stale={status?.stale ? 'true' : 'false'}>
      <h2>{t('popupData')}</h2>
      {data ? (
        <ul>
          <li data-testid="data-version">
            {t(
              'popupDataVersion',
              data.sequence,
              data.source === 'default' ? t('popupDataSourceDefault') : t('popupDataSourceFeed'),
            )}
          </li>
          <li data-testid="data-publisher">{data.publisher}</li>
          <li data-testid="data-published">
            {t('popupDataPublished', formatDate(data.publishedAt, true))}
          </li>
          {data.expiresAt && data.source === 'feed' && (
            <li>{t('popupDataExpires', formatDate(data.expiresAt, true))}</li>
          )}
          <li>{t('popupDataImported', formatDate(data.importedAt, true))}</li>
          <li data-testid="data-records">
            {tn('popupDataRecords', data.recordCount, formatCount(data.recordCount))}
          </li>
          <li data-testid="data-counts">{countsLine(data)}</li>
          {(status?.guarded ?? 0) > 0 && (
            <li data-testid="data-guarded">
              {tn('popupDataGuarded', status?.guarded ?? 0, status?.guarded ?? 0)}
            </li>
          )}
        </ul>
      ) : (
        <p>{t('popupNoData')}</p>
      )}
      {status?.inMemory && (
        <p class="warning" role="status" data-testid="data-in-memory">
          {t('popupDataInMemory')}
        </p>
      )}
      {status?.stale && (
        <p class="warning" role="status" data-testid="data-stale">
          {t('popupStale')}
        </p>
      )}
      {status?.sync?.result === 'failed' && status.sync.tooFew && (
        <p class="warning" role="status" data-testid="sync-too-few">
          {tn(
            'popupSyncTooFew',
            status.sync.tooFew.offered,
            status.sync.tooFew.offered,
            status.sync.tooFew.shipped,
          )}
        </p>
      )}
      {sync && (
        <p
          class={status?.sync?.result === 'failed' ? 'warning' : 'muted'}
          data-testid="sync-status"
          data-result={status?.sync?.result}
          role="status"
        >
          {sync}
        </p>
      )}
      {onSync && (
        <button
          type="button"
          class="sync"
          onClick={onSync}
          disabled={syncing}
          data-testid="sync-now"
        >
          {syncing ? t('popupSyncing') : t('popupSyncNow')}
        </button>
      )}
    </section>
  );
}
