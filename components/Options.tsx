/**
 * The options page's markup: its cards (language, sites, signals, mutes, my reports, link check,
 * registry, data, feed, inspector sign-in), drawn from the state the page holds.
 */
import { t } from '../utils/i18n';
import type { Preferences } from '../utils/protocol/runtime/preferences';
import type { DataStatus } from '../utils/protocol/runtime/sync-status';
import { DataSection } from './DataSection';
import { DemoSection } from './DemoSection';
import { InspectorSignIn, type InspectorSignInProps } from './InspectorSignIn';
import { LinkCheck, type LinkCheckProps } from './LinkCheck';
import { MyReports, type MyReportsProps } from './MyReports';
import { LanguageSection, MutesSection, SignalsSection, SitesSection } from './PreferenceSections';
import { RegistrySection, type RegistrySectionProps } from './RegistrySection';
import { UrlSetting } from './UrlSetting';

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
  inspector?: InspectorSignInProps;
}

function FeedSection({ status, onFeedUrl }: Pick<OptionsProps, 'status' | 'onFeedUrl'>) {
  return (
    <UrlSetting
      id="feed"
      words={{
        heading: 'optionsFeedHeading',
        help: 'optionsFeedHelp',
        label: 'optionsFeedLabel',
        invalid: 'optionsFeedInvalid',
        save: 'optionsFeedSave',
        reset: 'optionsFeedReset',
      }}
      value={status?.feedUrl ?? null}
      placeholder="https://…/manifest.json"
      onSave={onFeedUrl}
      canReset
    />
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
  inspector,
}: OptionsProps) {
  const now = new Date();
  return (
    <main class="column">
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
          <DemoSection preferences={preferences} now={now} onChange={onPreferences} />
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
      {inspector && (
        <InspectorSignIn
          key={`${inspector.session?.signedIn}-${inspector.session?.registryUrl ?? ''}`}
          {...inspector}
        />
      )}
    </main>
  );
}
