/**
 * The first-run page: what Soi Hàng does, what stays on the computer, what a report sends (as
 * docs/privacy.md and utils/protocol/registry/report.ts say), the local data's source and date,
 * how to report and how to switch a marketplace off. Pure props → markup.
 */
import { formatCount, formatDate, t, tn } from '../utils/i18n';
import type { Preferences } from '../utils/protocol/runtime/preferences';
import type { DataStatus } from '../utils/protocol/runtime/sync-status';
import { LanguageSection } from './PreferenceSections';

export interface OnboardingProps {
  status: DataStatus | null;
  preferences: Preferences | null;
  error: string | null;
  optionsUrl: string;
  privacyUrl: string;
  onPreferences(next: Preferences): void;
}

/** The local data as read now: who published it, when, how many records, and where it came from. */
function DataCard({ status }: { status: DataStatus | null }) {
  const data = status?.data ?? null;
  return (
    <section class="card" aria-labelledby="data-heading" data-testid="onboarding-data">
      <h2 id="data-heading">{t('onboardingDataHeading')}</h2>
      {data ? (
        <>
          <ul>
            <li data-testid="onboarding-publisher">{t('onboardingDataSource', data.publisher)}</li>
            <li data-testid="onboarding-published">
              {t('popupDataPublished', formatDate(data.publishedAt, true))}
            </li>
            <li>{tn('popupDataRecords', data.recordCount, formatCount(data.recordCount))}</li>
          </ul>
          <p>{t(data.source === 'default' ? 'onboardingDataShipped' : 'onboardingDataFeed')}</p>
        </>
      ) : (
        <p>{t('popupNoData')}</p>
      )}
      {status?.stale && <p class="warning">{t('popupStale')}</p>}
    </section>
  );
}

export function Onboarding(props: OnboardingProps) {
  const { preferences } = props;
  return (
    <main class="onboarding column">
      <h1>{t('onboardingTitle')}</h1>
      <p>{t('onboardingIntro')}</p>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      {preferences && (
        <LanguageSection
          preferences={preferences}
          now={new Date()}
          onChange={props.onPreferences}
        />
      )}
      <section class="card" aria-labelledby="what-heading">
        <h2 id="what-heading">{t('onboardingWhatHeading')}</h2>
        <p>{t('onboardingWhat')}</p>
        <p>{t('onboardingHedge')}</p>
      </section>
      <section class="card" aria-labelledby="local-heading">
        <h2 id="local-heading">{t('onboardingLocalHeading')}</h2>
        <p>{t('onboardingLocal')}</p>
      </section>
      <DataCard status={props.status} />
      <section class="card" aria-labelledby="report-heading" data-testid="onboarding-report">
        <h2 id="report-heading">{t('onboardingReportHeading')}</h2>
        <p>{t('onboardingReportIntro')}</p>
        <ul>
          <li>{t('onboardingSendsListing')}</li>
          <li>{t('onboardingSendsReasons')}</li>
          <li>{t('onboardingSendsScreenshot')}</li>
          <li>{t('onboardingSendsInstall')}</li>
        </ul>
        <p>{t('onboardingReportKept')}</p>
        <p>
          <a href={props.privacyUrl} data-testid="onboarding-privacy">
            {t('onboardingPrivacyLink')}
          </a>
        </p>
      </section>
      <section class="card" aria-labelledby="how-heading">
        <h2 id="how-heading">{t('onboardingHowHeading')}</h2>
        <ul>
          <li>{t('onboardingHowButton')}</li>
          <li>{t('onboardingHowPopup')}</li>
          <li>{t('onboardingHowMenu')}</li>
        </ul>
        <p>{t('onboardingHowFollow')}</p>
      </section>
      <section class="card" aria-labelledby="sites-off-heading">
        <h2 id="sites-off-heading">{t('onboardingSitesHeading')}</h2>
        <p>{t('onboardingSites')}</p>
        <p>
          <a href={`${props.optionsUrl}#sites-heading`} data-testid="onboarding-options">
            {t('onboardingSitesLink')}
          </a>
        </p>
      </section>
    </main>
  );
}
