/** The full-page warning shown in place of a listed scam site, with the way back and the way on. */
import { formatDate, t } from '../utils/i18n';
import type { FlagRecord } from '../utils/protocol/records';
import { recordSummary } from './warning-details-text';

export interface ScamWarningProps {
  url: string | null;
  domain: string | null;
  record: FlagRecord | null;
  onBack(): void;
  onContinue(): void;
}

/**
 * The full-page warning shown instead of a listed scam site: who lists it and since when, what not
 * to do there, "go back" as the main action and "continue anyway" as the second.
 */
export function ScamWarning({ domain, record, onBack, onContinue }: ScamWarningProps) {
  if (!domain || !record) {
    return (
      <main class="scam" data-testid="scam-warning" data-listed="false">
        <p>{t('scamNotListed')}</p>
        <div class="scam__actions">
          <button type="button" class="scam__back" onClick={onBack}>
            {t('scamBack')}
          </button>
        </div>
      </main>
    );
  }
  return (
    <main class="scam" data-testid="scam-warning" data-listed="true" data-status={record.status}>
      <h1>{t('scamTitle')}</h1>
      <p class="scam__domain" data-testid="scam-domain">
        {domain}
      </p>
      <p>{recordSummary(record)}</p>
      <p class="scam__note">
        {t('scamSource', record.authority)} · {t('scamDate', formatDate(record.updated))}
      </p>
      <p>{t('scamAdvice')}</p>
      <div class="scam__actions">
        {/* biome-ignore lint/a11y/noAutofocus: the safe action takes focus on a warning page */}
        <button type="button" class="scam__back" onClick={onBack} autoFocus>
          {t('scamBack')}
        </button>
        <button
          type="button"
          class="scam__continue"
          onClick={onContinue}
          data-testid="scam-continue"
        >
          {t('scamContinue')}
        </button>
      </div>
      <p class="scam__note">{t('scamContinueNote')}</p>
    </main>
  );
}
