/**
 * "Báo cáo của tôi" on the options page: each report kept on this device with its progress, last
 * error and decision, and the retry, delete and export buttons.
 */
import { formatDate, t, tn } from '../utils/i18n';
import type { ReportList, ReportView } from '../utils/protocol/runtime/report-messages';
import { PROGRESS_LABELS } from './progress-words';
import { REASON_LABELS } from './report-words';
import { SITE_NAMES } from './site-names';

export interface MyReportsProps {
  list: ReportList;
  busy: boolean;
  onRetry(id?: string): void;
  onDelete(ids: string[]): void;
  onExport(kind: 'json' | 'csv'): void;
}

const STUCK = new Set(['refused', 'expired']);

function ReportItem({
  report,
  onRetry,
  onDelete,
}: { report: ReportView } & Pick<MyReportsProps, 'onRetry' | 'onDelete'>) {
  const { listing } = report;
  return (
    <li
      class="report-item"
      data-testid="my-report"
      data-progress={report.progress}
      data-id={report.id}
    >
      <p>
        <strong>{listing.title}</strong>{' '}
        <span class={`pill pill--${report.progress}`} data-testid="my-report-progress">
          {t(PROGRESS_LABELS[report.progress])}
        </span>
      </p>
      <p class="muted">
        {t(SITE_NAMES[listing.platform])} · {listing.itemKey} · {formatDate(report.createdAt, true)}{' '}
        · {report.reasons.map((reason) => t(REASON_LABELS[reason])).join(', ')}
      </p>
      {report.note && <p class="muted note">{report.note}</p>}
      {report.registryUrl && report.progress !== 'local' && (
        <p class="muted">{t('myReportsWhere', report.registryUrl)}</p>
      )}
      {report.progress === 'refused' && report.lastError && (
        <p class="warning" data-testid="my-report-refused">
          {t('myReportsRefusedWhy', report.lastError.message)}
        </p>
      )}
      {report.progress === 'waiting' && report.lastError && report.nextAttemptAt && (
        <p class="muted" data-testid="my-report-error">
          {t(
            'myReportsLastError',
            report.lastError.message,
            formatDate(report.nextAttemptAt, true),
          )}
        </p>
      )}
      {report.screenshot && (
        <p class="muted">
          {t(
            'myReportsScreenshot',
            report.screenshot.delivered
              ? t('myReportsScreenshotSent')
              : t('myReportsScreenshotWaiting'),
          )}
        </p>
      )}
      {report.status?.decision && (
        <p data-testid="my-report-decision">
          {t(
            'myReportsDecision',
            formatDate(report.status.decision.decidedAt),
            report.status.decision.summary ?? report.status.decision.status,
          )}
        </p>
      )}
      <div class="actions">
        {(STUCK.has(report.progress) || report.progress === 'waiting') && (
          <button type="button" data-testid="my-report-retry" onClick={() => onRetry(report.id)}>
            {t('myReportsRetry')}
          </button>
        )}
        <button
          type="button"
          class="quiet"
          data-testid="my-report-delete"
          onClick={() => onDelete([report.id])}
        >
          {t('myReportsDelete')}
        </button>
      </div>
    </li>
  );
}

/** Báo cáo của tôi: each report with where it stands, and what can be done with it. */
export function MyReports({ list, busy, onRetry, onDelete, onExport }: MyReportsProps) {
  const waiting = list.reports.some((report) => report.progress === 'waiting');
  return (
    <section
      class="card"
      aria-labelledby="my-reports-heading"
      data-testid="my-reports"
      aria-busy={busy}
    >
      <h2 id="my-reports-heading">{t('myReportsHeading')}</h2>
      {list.undelivered > 0 && (
        <p class="muted" data-testid="my-reports-undelivered">
          {tn('myReportsUndelivered', list.undelivered, list.undelivered)}
        </p>
      )}
      {list.reports.length === 0 ? (
        <p class="muted">{t('myReportsEmpty')}</p>
      ) : (
        <ul class="report-list">
          {list.reports.map((report) => (
            <ReportItem key={report.id} report={report} onRetry={onRetry} onDelete={onDelete} />
          ))}
        </ul>
      )}
      <div class="actions">
        {waiting && (
          <button type="button" data-testid="my-reports-send-now" onClick={() => onRetry()}>
            {t('myReportsSendNow')}
          </button>
        )}
        <button
          type="button"
          data-testid="my-reports-json"
          disabled={list.reports.length === 0}
          onClick={() => onExport('json')}
        >
          {t('myReportsExportJson')}
        </button>
        <button
          type="button"
          data-testid="my-reports-csv"
          disabled={list.reports.length === 0}
          onClick={() => onExport('csv')}
        >
          {t('myReportsExportCsv')}
        </button>
        {list.reports.length > 0 && (
          <button
            type="button"
            class="quiet"
            data-testid="my-reports-delete-all"
            onClick={() => onDelete(list.reports.map((report) => report.id))}
          >
            {t('myReportsDeleteAll')}
          </button>
        )}
      </div>
    </section>
  );
}
