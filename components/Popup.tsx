/**
 * The toolbar popup's markup: this tab's counts, flagged listings and pause switch, the inspector's
 * shortcuts, the shopper's reports, the link check and the local data.
 */
import { t, tn } from '../utils/i18n';
import type { TabStatus } from '../utils/protocol/runtime/page-status';
import type { DataStatus } from '../utils/protocol/runtime/sync-status';
import { DataSection } from './DataSection';
import { LinkCheck, type LinkCheckProps } from './LinkCheck';
import { SITE_NAMES } from './site-names';

export interface PopupProps {
  tab: TabStatus | null;
  status: DataStatus | null;
  error: string | null;
  syncing?: boolean;
  onSync?: () => void;
  /** Brings a flagged listing of the page into view. */
  onReveal?: (id: number) => void;
  /** Pauses Soi Hàng on this tab's marketplace (until undone, or for today), or resumes it. */
  onPause?: (pause: boolean, today: boolean) => void;
  /** "Báo cáo trang này" on a product page (with a screenshot of it). */
  onReportPage?: () => void;
  /** "Gửi báo cáo bố cục" on a page Soi Hàng could not read: counts only, on this click. */
  onLayoutReport?: () => void;
  /** The layout report was sent. */
  layoutReportSent?: boolean;
  /** The shopper's reports kept on this device, and how many no registry has acknowledged yet. */
  reports?: number;
  undelivered?: number;
  /** Where to see them. */
  onOpenReports?: () => void;
  linkCheck?: LinkCheckProps;
  /** Inspector mode is on, signed in as this name: the popup says so and opens its pages. */
  inspectorName?: string | undefined;
  onInspectorPanel?: () => void;
  onDashboard?: () => void;
}

const STATUS_LABEL = {
  confirmed: 'badgeConfirmed',
  suspected: 'badgeSuspected',
  reported: 'statusReportedShort',
  heuristic: 'statusHeuristicShort',
} as const;

function FlaggedList({ tab, onReveal }: { tab: TabStatus; onReveal?: (id: number) => void }) {
  if (tab.listings.length === 0) return null;
  return (
    <section aria-labelledby="flagged-heading">
      <h2 id="flagged-heading">{t('popupListHeading')}</h2>
      <ul class="flagged" data-testid="flagged-list">
        {tab.listings.map((listing) => (
          <li key={listing.id}>
            <button
              type="button"
              class={`flagged__item flagged__item--${listing.contested ? 'contested' : listing.status}`}
              data-testid="flagged-listing"
              onClick={() => onReveal?.(listing.id)}
            >
              <span
                class={`dot dot--${listing.contested ? 'contested' : listing.status}`}
                aria-hidden="true"
              />
              <span class="flagged__title">{listing.title}</span>
              <span class="flagged__status">
                {listing.demo
                  ? t('badgeDemo')
                  : listing.contested
                    ? t('badgeContested')
                    : listing.subject === 'product'
                      ? t('badgeProduct')
                      : t(STATUS_LABEL[listing.status])}
                {listing.muted ? ` · ${t('popupListMuted')}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PauseControl({ tab, onPause }: { tab: TabStatus; onPause?: PopupProps['onPause'] }) {
  const site = t(SITE_NAMES[tab.platform]);
  return (
    <div class="pause">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={tab.paused}
          aria-checked={tab.paused}
          data-testid="pause-site"
          onChange={(event) => onPause?.((event.target as HTMLInputElement).checked, false)}
        />
        {t('popupPause', site)}
      </label>
      {!tab.paused && (
        <button
          type="button"
          class="quiet"
          data-testid="pause-today"
          onClick={() => onPause?.(true, true)}
        >
          {t('popupPauseToday')}
        </button>
      )}
    </div>
  );
}

/**
 * A page of a kind Soi Hàng reads, read empty: said plainly instead of "0 flagged", with the
 * one-click layout report and what it sends.
 */
function UnreadPage({
  onLayoutReport,
  layoutReportSent,
}: Pick<PopupProps, 'onLayoutReport' | 'layoutReportSent'>) {
  return (
    <div class="unread" data-testid="page-unread" role="status">
      <p>
        <strong>{t('popupUnread')}</strong>
      </p>
      {layoutReportSent ? (
        <p data-testid="layout-report-sent">{t('popupLayoutReportSent')}</p>
      ) : (
        onLayoutReport && (
          <>
            <p>
              <button type="button" data-testid="layout-report" onClick={onLayoutReport}>
                {t('popupLayoutReport')}
              </button>
            </p>
            <p class="muted">{t('popupLayoutReportWhat')}</p>
          </>
        )
      )}
    </div>
  );
}

function PageSection({
  tab,
  onReveal,
  onPause,
  onReportPage,
  onLayoutReport,
  layoutReportSent,
}: Pick<
  PopupProps,
  'tab' | 'onReveal' | 'onPause' | 'onReportPage' | 'onLayoutReport' | 'layoutReportSent'
>) {
  if (!tab) {
    return (
      <section class="page" data-testid="page-status" data-supported="false">
        <p>{t('popupUnsupported')}</p>
        <p class="muted">{t('popupSupportedSites')}</p>
      </section>
    );
  }
  if (tab.paused) {
    return (
      <section class="page" data-testid="page-status" data-supported="true" data-paused="true">
        <p>{t('popupPaused', t(SITE_NAMES[tab.platform]))}</p>
        <PauseControl tab={tab} onPause={onPause} />
      </section>
    );
  }
  const note =
    tab.pageKind === 'blocked'
      ? t('popupBlocked')
      : tab.checked === 0 && tab.unreadable === 0
        ? t('popupNoListings')
        : t('popupChecking');
  if (tab.unread && tab.flagged === 0) {
    return (
      <section
        class="page"
        data-testid="page-status"
        data-supported="true"
        data-kind={tab.pageKind}
      >
        <UnreadPage onLayoutReport={onLayoutReport} layoutReportSent={layoutReportSent} />
        <PauseControl tab={tab} onPause={onPause} />
      </section>
    );
  }
  const counts: Array<[string, string, number]> = [
    ['checked', t('popupChecked'), tab.checked],
    ['flagged', t('popupFlagged'), tab.flagged],
    ['unreadable', t('popupUnreadable'), tab.unreadable],
  ];
  if (tab.muted > 0) counts.push(['muted', t('popupMuted'), tab.muted]);
  if (tab.errors > 0) counts.push(['errors', t('popupErrors'), tab.errors]);
  return (
    <section class="page" data-testid="page-status" data-supported="true" data-kind={tab.pageKind}>
      <p>{note}</p>
      <dl class="counts">
        {counts.map(([id, label, value]) => (
          // Only a count above zero is drawn in its colour: "0 flagged" is no warning.
          <div key={id} class={`count count--${id}${value > 0 ? ' count--some' : ''}`}>
            <dt>{label}</dt>
            <dd data-testid={`count-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <FlaggedList tab={tab} onReveal={onReveal} />
      {(tab.pageKind === 'product' || tab.pageKind === 'shop') && onReportPage && (
        <p>
          <button
            type="button"
            data-testid="report-page"
            aria-haspopup="dialog"
            onClick={onReportPage}
          >
            {t('popupReportPage')}
          </button>
        </p>
      )}
      <PauseControl tab={tab} onPause={onPause} />
    </section>
  );
}

/** The toolbar popup: this tab's counts and flagged listings, the local data, and a pause switch. */
export function Popup({
  tab,
  status,
  error,
  syncing = false,
  onSync,
  onReveal,
  onPause,
  onReportPage,
  onLayoutReport,
  layoutReportSent,
  reports = 0,
  undelivered = 0,
  onOpenReports,
  linkCheck,
  inspectorName,
  onInspectorPanel,
  onDashboard,
}: PopupProps) {
  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      {inspectorName !== undefined && (
        <section class="inspector-mode" data-testid="popup-inspector" aria-live="polite">
          <p>
            <strong>{t('popupInspectorOn', inspectorName)}</strong>
          </p>
          <p class="row">
            <button type="button" onClick={onInspectorPanel} data-testid="popup-inspector-panel">
              {t('popupInspectorPanel')}
            </button>
            <button type="button" class="quiet" onClick={onDashboard}>
              {t('popupInspectorDashboard')}
            </button>
          </p>
        </section>
      )}
      {error ? (
        <p class="error" role="alert">
          {t('popupError', error)}
        </p>
      ) : (
        <>
          <PageSection
            tab={tab}
            onReveal={onReveal}
            onPause={onPause}
            onReportPage={onReportPage}
            onLayoutReport={onLayoutReport}
            layoutReportSent={layoutReportSent}
          />
          <p class="reports">
            {undelivered > 0 && (
              <span data-testid="popup-undelivered">
                {tn('popupUndelivered', undelivered, undelivered)} ·{' '}
              </span>
            )}
            <button
              type="button"
              class="quiet"
              data-testid="popup-my-reports"
              onClick={onOpenReports}
            >
              {reports > 0 ? t('popupMyReportsCount', reports) : t('popupMyReports')}
            </button>
          </p>
          {linkCheck && <LinkCheck {...linkCheck} />}
          <DataSection status={status} syncing={syncing} {...(onSync ? { onSync } : {})} />
        </>
      )}
      <p class="muted privacy">{t('popupPrivacy')}</p>
    </main>
  );
}
