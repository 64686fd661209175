/**
 * "Kiểm tra liên kết": a pasted marketplace link checked against the local data (a short link is
 * opened only once the shopper agrees), with its outcome and a report button.
 */
import { useState } from 'preact/hooks';
import { formatDate, t } from '../utils/i18n';
import type { LinkCheckResult, ListingReading, ShortReading } from '../utils/report/link-check';
import { SITE_NAMES } from './site-names';
import { advice } from './warning-details-text';
import { dateLine, headline, sourceLine, tierOf } from './warning-text';

export interface LinkCheckProps {
  onCheck(text: string): Promise<LinkCheckResult>;
  /** The shopper agreed to open a short link. */
  onResolve(short: ShortReading): Promise<LinkCheckResult>;
  onReport(reading: ListingReading): void;
}

interface OutcomeProps {
  result: LinkCheckResult;
  onResolve(short: ShortReading): unknown;
  onReport(reading: ListingReading): void;
}

function Outcome({ result, onResolve, onReport }: OutcomeProps) {
  switch (result.kind) {
    case 'unknown':
      return <p class="warning">{t('linkNotListing')}</p>;
    case 'short':
      return (
        <>
          <p>{t('linkShort', t(SITE_NAMES[result.platform]))}</p>
          <button type="button" data-testid="link-resolve" onClick={() => void onResolve(result)}>
            {t('linkResolve')}
          </button>
        </>
      );
    case 'denied':
      return <p class="warning">{t('linkResolveDenied')}</p>;
    case 'failed':
      return <p class="warning">{t('linkResolveFailed', result.message)}</p>;
    case 'listing': {
      const { reading, verdict, data } = result;
      return (
        <>
          <p class="muted">{t('linkListing', t(SITE_NAMES[reading.platform]), reading.itemKey)}</p>
          {verdict ? (
            <div
              class={`w-card w-card--${tierOf(verdict)}`}
              data-testid="link-verdict"
              data-status={verdict.status}
            >
              <p class="w-headline">{headline(verdict)}</p>
              <p class="w-meta">{[sourceLine(verdict), dateLine(verdict)].join(' · ')}</p>
              <p>{advice(verdict)}</p>
            </div>
          ) : (
            <p data-testid="link-clean">
              {t('linkClean', data ? formatDate(data.publishedAt) : '—')}
            </p>
          )}
          <button type="button" data-testid="link-report" onClick={() => onReport(reading)}>
            {t('actionReport')}
          </button>
        </>
      );
    }
  }
}

/** "Kiểm tra liên kết": a link shared from a marketplace app, checked against the local data. */
export function LinkCheck({ onCheck, onResolve, onReport }: LinkCheckProps) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<LinkCheckResult | null>(null);
  const run = async (event: Event) => {
    event.preventDefault();
    setResult(await onCheck(text));
  };
  return (
    <section class="link-check" aria-labelledby="link-heading" data-testid="link-check">
      <h2 id="link-heading">{t('linkHeading')}</h2>
      <form onSubmit={run}>
        <label for="link-text" class="muted">
          {t('linkHelp')}
        </label>
        <input
          id="link-text"
          type="text"
          inputMode="url"
          value={text}
          placeholder="https://shopee.vn/…"
          data-testid="link-text"
          aria-label={t('linkLabel')}
          onInput={(event) => setText((event.target as HTMLInputElement).value)}
        />
        <button type="submit" data-testid="link-submit">
          {t('linkCheck')}
        </button>
      </form>
      <div aria-live="polite" data-testid="link-result">
        {result && (
          <Outcome
            result={result}
            onResolve={async (short) => setResult(await onResolve(short))}
            onReport={onReport}
          />
        )}
      </div>
    </section>
  );
}
