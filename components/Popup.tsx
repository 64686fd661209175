import { t } from '../utils/i18n';
import type { TabStatus } from '../utils/protocol/page-status';
import type { DataStatus } from '../utils/protocol/sync-status';
import { DataSection } from './DataSection';

export interface PopupProps {
  tab: TabStatus | null;
  status: DataStatus | null;
  error: string | null;
  syncing?: boolean;
  onSync?: () => void;
}

function PageSection({ tab }: { tab: TabStatus | null }) {
  if (!tab) {
    return (
      <section class="page" data-testid="page-status" data-supported="false">
        <p>{t('popupUnsupported')}</p>
        <p class="muted">{t('popupSupportedSites')}</p>
      </section>
    );
  }
  const note =
    tab.pageKind === 'blocked'
      ? t('popupBlocked')
      : tab.checked === 0 && tab.unreadable === 0
        ? t('popupNoListings')
        : t('popupChecking');
  const counts: Array<[string, string, number]> = [
    ['checked', t('popupChecked'), tab.checked],
    ['flagged', t('popupFlagged'), tab.flagged],
    ['unreadable', t('popupUnreadable'), tab.unreadable],
  ];
  if (tab.errors > 0) counts.push(['errors', t('popupErrors'), tab.errors]);
  return (
    <section class="page" data-testid="page-status" data-supported="true" data-kind={tab.pageKind}>
      <p>{note}</p>
      <dl class="counts">
        {counts.map(([id, label, value]) => (
          <div key={id} class={`count count--${id}`}>
            <dt>{label}</dt>
            <dd data-testid={`count-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The toolbar popup: this tab's counts and the local data's version and date. */
export function Popup({ tab, status, error, syncing = false, onSync }: PopupProps) {
  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      {error ? (
        <p class="error" role="alert">
          {t('popupError', error)}
        </p>
      ) : (
        <>
          <PageSection tab={tab} />
          <DataSection status={status} syncing={syncing} {...(onSync ? { onSync } : {})} />
        </>
      )}
      <p class="muted privacy">{t('popupPrivacy')}</p>
    </main>
  );
}
