import { formatDate, t } from '../utils/i18n';
import type { Verdict } from '../utils/lookup/verdict';
import type { DataInfo } from '../utils/protocol/records';
import { StatusIcon } from './StatusIcon';
import { advice, headline, productScopeLines, reasonsLine, summaryText } from './warning-text';

export interface BannerProps {
  verdict: Verdict;
  data: DataInfo | null;
}

/** The warning above a flagged product's title: what, who says so, when, and what to do. */
export function Banner({ verdict, data }: BannerProps) {
  const { record } = verdict;
  return (
    <section
      class={`banner banner--${verdict.status}`}
      data-testid="soi-hang-banner"
      data-status={verdict.status}
      aria-label={headline(verdict)}
    >
      <p class="banner__headline">
        <StatusIcon status={verdict.status} />
        {headline(verdict)}
      </p>
      {verdict.subject === 'seller' && <p class="banner__scope">{t('sellerScope')}</p>}
      {productScopeLines(verdict).map((line) => (
        <p key={line} class="banner__scope">
          {line}
        </p>
      ))}
      <p class="banner__summary">{summaryText(record)}</p>
      <p class="banner__advice">{advice(verdict)}</p>
      <p class="banner__meta">
        {[
          t('sourceLine', record.authority),
          record.caseId ? t('caseLine', record.caseId) : null,
          t('dateLine', formatDate(record.updated)),
          reasonsLine(verdict),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {data && (
        <p class="banner__freshness">{t('freshness', formatDate(data.publishedAt, true))}</p>
      )}
      {data?.expiresAt && Date.parse(data.expiresAt) <= Date.now() && (
        <p class="banner__freshness" data-testid="banner-stale">
          {t('bannerStale')}
        </p>
      )}
      {record.evidenceUrl && (
        <a class="banner__link" href={record.evidenceUrl} target="_blank" rel="noopener noreferrer">
          {t('evidenceLink')}
        </a>
      )}
    </section>
  );
}
