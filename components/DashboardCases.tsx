/**
 * The dashboard's table of cases: each key with its title, status, reports beside the distinct
 * installs and networks they came from (a burst from one network stands out), reasons, last
 * activity, and its actions (open in place, evidence package).
 */
import { formatDate, t } from '../utils/i18n';
import type { ReportReason } from '../utils/protocol/registry/report';
import type { QueueItem } from '../utils/protocol/registry/review';
import { CASE_STATUS_WORDS } from './inspector-marker';
import { REASON_LABELS } from './report-words';

function reasonsText(reasons: QueueItem['reasons']): string {
  return Object.entries(reasons)
    .map(([reason, count]) => `${t(REASON_LABELS[reason as ReportReason])} (${count})`)
    .join(', ');
}

export interface CaseTableProps {
  cases: QueueItem[];
  loading: boolean;
  /** Keys whose package is being built. */
  packaging: readonly string[];
  onOpen(key: string): void;
  onPackage(key: string): void;
}

export function CaseTable(props: CaseTableProps) {
  if (props.cases.length === 0) {
    return (
      <p data-testid="dashboard-empty">
        {props.loading ? t('dashboardLoading') : t('dashboardEmpty')}
      </p>
    );
  }
  return (
    <table class="cases" data-testid="dashboard-cases">
      <thead>
        <tr>
          <th scope="col">{t('dashboardKey')}</th>
          <th scope="col">{t('dashboardStatus')}</th>
          <th scope="col">{t('dashboardReports')}</th>
          <th scope="col">{t('dashboardInstalls')}</th>
          <th scope="col">{t('dashboardNetworks')}</th>
          <th scope="col">{t('dashboardReasons')}</th>
          <th scope="col">{t('dashboardLastSeen')}</th>
          <th scope="col">{t('dashboardActions')}</th>
        </tr>
      </thead>
      <tbody>
        {props.cases.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">
              <code>{row.key}</code>
              {row.title && (
                <span class="case-title" data-testid="dashboard-title">
                  {row.title}
                </span>
              )}
            </th>
            <td>{t(CASE_STATUS_WORDS[row.status])}</td>
            <td>{row.reports}</td>
            <td>{row.installs ?? ''}</td>
            <td data-testid="dashboard-networks">{row.networks ?? ''}</td>
            <td>{reasonsText(row.reasons)}</td>
            <td>{row.lastSeen ? formatDate(row.lastSeen, true) : ''}</td>
            <td class="row">
              <button
                type="button"
                onClick={() => props.onOpen(row.key)}
                data-testid="dashboard-open"
              >
                {t('dashboardOpen')}
              </button>
              <button
                type="button"
                class="quiet"
                disabled={props.packaging.includes(row.key)}
                onClick={() => props.onPackage(row.key)}
                data-testid="dashboard-package"
              >
                {props.packaging.includes(row.key)
                  ? t('dashboardPackaging')
                  : t('dashboardPackage')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
