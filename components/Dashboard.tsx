/**
 * The inspectors' dashboard: the registry's queue with filters, sorting and search, a page at a
 * time; each case opens in place (its listing, where the in-page section shows) or downloads as an
 * evidence package; the loaded cases export as CSV; a chart shows reports and decisions per day.
 */
import { useState } from 'preact/hooks';
import { t, tn } from '../utils/i18n';
import { PLATFORMS } from '../utils/protocol/keys';
import { REPORT_REASONS, type ReportReason } from '../utils/protocol/registry/report';
import {
  CASE_STATUSES,
  type QueueItem,
  type QueueQuery,
  type Stats,
} from '../utils/protocol/registry/review';
import type { InspectorSession } from '../utils/protocol/runtime/inspector';
import { ActivityChart } from './ActivityChart';
import { CaseTable } from './DashboardCases';
import { CASE_STATUS_WORDS } from './inspector-marker';
import { REASON_LABELS } from './report-words';
import { SITE_NAMES } from './site-names';

export interface DashboardProps {
  session: InspectorSession | null;
  query: QueueQuery;
  cases: QueueItem[];
  more: boolean;
  loading: boolean;
  error: string | null;
  stats: Stats | null;
  statsDays: number;
  /** Keys whose package is being built. */
  packaging: readonly string[];
  onQuery(query: QueueQuery): void;
  onMore(): void;
  onExport(): void;
  /** The CSV export under way (`done` false: cases read so far) or ended; null before any. */
  exportProgress?: { read: number; done: boolean } | null;
  onOpen(key: string): void;
  onPackage(key: string): void;
  optionsUrl: string;
}

const field = (event: Event) => (event.target as HTMLInputElement).value;

/** Date inputs speak in days; the registry in instants (the whole day, UTC). */
const dayOf = (instant: string | undefined) => instant?.slice(0, 10) ?? '';

/** A filter of a least count (reports, networks): empty means none. */
function AtLeast(props: {
  id: string;
  label: string;
  value: number | undefined;
  onValue(value: number | undefined): void;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={1}
        value={props.value ?? ''}
        onInput={(event) => {
          const text = (event.target as HTMLInputElement).value;
          props.onValue(text ? Number(text) : undefined);
        }}
      />
    </div>
  );
}

function Filters({ query, onQuery }: Pick<DashboardProps, 'query' | 'onQuery'>) {
  const [draft, setDraft] = useState<QueueQuery>(query);
  const set = (change: Partial<QueueQuery>) => {
    const next: Record<string, unknown> = { ...draft, ...change };
    for (const [name, value] of Object.entries(next))
      if (value === '' || value === undefined) delete next[name];
    setDraft(next as QueueQuery);
  };
  return (
    <form
      class="filters stack"
      aria-labelledby="filters-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const { cursor: _cursor, ...rest } = draft;
        onQuery(rest);
      }}
      data-testid="dashboard-filters"
    >
      <h2 id="filters-heading">{t('dashboardFilters')}</h2>
      <div class="grid">
        <div>
          <label for="filter-platform">{t('dashboardPlatform')}</label>
          <select
            id="filter-platform"
            value={draft.platform ?? ''}
            onChange={(event) =>
              set({ platform: (field(event) || undefined) as QueueQuery['platform'] })
            }
          >
            <option value="">{t('dashboardAll')}</option>
            {PLATFORMS.map((platform) => (
              <option key={platform} value={platform}>
                {t(SITE_NAMES[platform])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-status">{t('dashboardStatus')}</label>
          <select
            id="filter-status"
            value={draft.status ?? ''}
            onChange={(event) =>
              set({ status: (field(event) || undefined) as QueueQuery['status'] })
            }
          >
            <option value="">{t('dashboardAll')}</option>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(CASE_STATUS_WORDS[status])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-reason">{t('dashboardReason')}</label>
          <select
            id="filter-reason"
            value={draft.reason ?? ''}
            onChange={(event) =>
              set({ reason: (field(event) || undefined) as ReportReason | undefined })
            }
          >
            <option value="">{t('dashboardAll')}</option>
            {REPORT_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(REASON_LABELS[reason])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-from">{t('dashboardFrom')}</label>
          <input
            id="filter-from"
            type="date"
            value={dayOf(draft.from)}
            onChange={(event) =>
              set({ from: field(event) ? `${field(event)}T00:00:00.000Z` : undefined })
            }
          />
        </div>
        <div>
          <label for="filter-to">{t('dashboardTo')}</label>
          <input
            id="filter-to"
            type="date"
            value={dayOf(draft.to)}
            onChange={(event) =>
              set({ to: field(event) ? `${field(event)}T23:59:59.999Z` : undefined })
            }
          />
        </div>
        <AtLeast
          id="filter-min"
          label={t('dashboardMin')}
          value={draft.min}
          onValue={(min) => set({ min })}
        />
        <div>
          <label for="filter-q">{t('dashboardSearch')}</label>
          <input
            id="filter-q"
            type="search"
            maxLength={100}
            value={draft.q ?? ''}
            onInput={(event) => set({ q: field(event).trim() || undefined })}
          />
        </div>
        <AtLeast
          id="filter-min-networks"
          label={t('dashboardMinNetworks')}
          value={draft.minNetworks}
          onValue={(minNetworks) => set({ minNetworks })}
        />
        <div>
          <label for="filter-sort">{t('dashboardSort')}</label>
          <select
            id="filter-sort"
            value={draft.sort ?? 'recent'}
            onChange={(event) => set({ sort: field(event) as QueueQuery['sort'] })}
          >
            <option value="recent">{t('dashboardSortRecent')}</option>
            <option value="reports">{t('dashboardSortReports')}</option>
            <option value="networks">{t('dashboardSortNetworks')}</option>
          </select>
        </div>
      </div>
      <button type="submit" data-testid="dashboard-apply">
        {t('dashboardApply')}
      </button>
    </form>
  );
}

export function Dashboard(props: DashboardProps) {
  if (!props.session?.signedIn) {
    return (
      <main class="dashboard">
        <h1>{t('dashboardTitle')}</h1>
        <p data-testid="dashboard-signed-out">{t('panelSignedOut')}</p>
        <a href={props.optionsUrl}>{t('panelOpenOptions')}</a>
      </main>
    );
  }
  return (
    <main class="dashboard">
      <h1>{t('dashboardTitle')}</h1>
      <p class="inspector-mode">{t('inspectorModeOn', props.session.name ?? '')}</p>
      {props.error && (
        <p class="warning" role="alert">
          {props.error}
        </p>
      )}
      {props.stats && <ActivityChart stats={props.stats} days={props.statsDays} />}
      <Filters key={JSON.stringify(props.query)} query={props.query} onQuery={props.onQuery} />
      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">
          {tn('dashboardCount', props.cases.length, props.cases.length)}
          {props.more ? '+' : ''}
        </h2>
        <p class="row">
          <button
            type="button"
            onClick={props.onExport}
            disabled={props.cases.length === 0 || props.exportProgress?.done === false}
            data-testid="dashboard-csv"
          >
            {t('dashboardExportCsv')}
          </button>
          <span role="status" data-testid="dashboard-csv-progress">
            {props.exportProgress &&
              tn(
                props.exportProgress.done ? 'dashboardExported' : 'dashboardExporting',
                props.exportProgress.read,
                props.exportProgress.read,
              )}
          </span>
        </p>
        <CaseTable {...props} />
        {props.more && (
          <button
            type="button"
            onClick={props.onMore}
            disabled={props.loading}
            data-testid="dashboard-more"
          >
            {t('dashboardMore')}
          </button>
        )}
      </section>
    </main>
  );
}
