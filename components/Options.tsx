import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { Preferences } from '../utils/protocol/preferences';
import type { DataStatus } from '../utils/protocol/sync-status';
import { DataSection } from './DataSection';
import { LinkCheck, type LinkCheckProps } from './LinkCheck';
import { MyReports, type MyReportsProps } from './MyReports';
import { LanguageSection, MutesSection, SignalsSection, SitesSection } from './PreferenceSections';
import { RegistrySection, type RegistrySectionProps } from './RegistrySection';

export interface OptionsProps {
  status: DataStatus | null;
  preferences: Preferences | null;
  /** Saves changed preferences (language, sites, mutes). */
  onPreferences(next: Preferences): void;
  syncing: boolean;
  error: string | null;
  onSync(): void;
  /** Saves a feed URL (null: back to the build's default) and syncs from it. */
  onFeedUrl(url: string | null): void;
  /** Báo cáo của tôi, once loaded. */
  reports?: Omit<MyReportsProps, 'list'> & { list: MyReportsProps['list'] | null };
  registry?: RegistrySectionProps;
  linkCheck?: LinkCheckProps;
}

function FeedSection({ status, onFeedUrl }: Pick<OptionsProps, 'status' | 'onFeedUrl'>) {
  const [draft, setDraft] = useState(status?.feedUrl ?? '');
  const [invalid, setInvalid] = useState(false);
  const save = (event: Event) => {
    event.preventDefault();
    const value = draft.trim();
    const ok = /^https?:\/\/\S+$/i.test(value);
    setInvalid(!ok);
    if (ok) onFeedUrl(value);
  };
  return (
    <section class="card" aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('optionsFeedHeading')}</h2>
      <p class="muted" id="feed-help">
        {t('optionsFeedHelp')}
      </p>
      <form onSubmit={save}>
        <label for="feed-url">{t('optionsFeedLabel')}</label>
        <input
          id="feed-url"
          type="url"
          value={draft}
          placeholder="https://…/manifest.json"
          aria-describedby="feed-help"
          aria-invalid={invalid}
          data-testid="feed-url"
          onInput={(event) => setDraft((event.target as HTMLInputElement).value)}
        />
        {invalid && (
          <p class="warning" role="alert">
            {t('optionsFeedInvalid')}
          </p>
        )}
        <div class="actions">
          <button type="submit" data-testid="feed-save">
            {t('optionsFeedSave')}
          </button>
          <button type="button" onClick={() => onFeedUrl(null)} data-testid="feed-reset">
            {t('optionsFeedReset')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The options page. One card a subject, so that later subjects (reports, inspector sign-in) join as
 * cards of their own.
 */
export function Options({
  status,
  preferences,
  syncing,
  error,
  onSync,
  onFeedUrl,
  onPreferences,
  reports,
  registry,
  linkCheck,
}: OptionsProps) {
  const now = new Date();
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {error && (
        <p class="warning" role="alert">
          {t('popupError', error)}
        </p>
      )}
      {preferences && (
        <>
          <LanguageSection preferences={preferences} now={now} onChange={onPreferences} />
          <SitesSection preferences={preferences} now={now} onChange={onPreferences} />
          <SignalsSection preferences={preferences} now={now} onChange={onPreferences} />
          <MutesSection preferences={preferences} now={now} onChange={onPreferences} />
        </>
      )}
      {reports?.list && <MyReports {...reports} list={reports.list} />}
      {linkCheck && (
        <div class="card">
          <LinkCheck {...linkCheck} />
        </div>
      )}
      {registry && <RegistrySection key={registry.registryUrl ?? ''} {...registry} />}
      <div class="card">
        <DataSection status={status} syncing={syncing} onSync={onSync} />
      </div>
      <FeedSection key={status?.feedUrl ?? ''} status={status} onFeedUrl={onFeedUrl} />
    </main>
  );
}
