/**
 * The lines every warning carries (source, case, date, reasons, freshness, evidence) and its longer
 * part (the record's summary, what its status means, how to contest it).
 */
import { formatDate, type MessageKey, t } from '../utils/i18n';
import type { DataInfo } from '../utils/protocol/records';
import type { Verdict } from '../utils/protocol/runtime/verdict';
import { productScopeLines, reasonsLine, summaryText } from './warning-details-text';
import { dateLine, isDemo, sourceLine } from './warning-text';

const EXPLAIN: Record<Verdict['status'], MessageKey> = {
  confirmed: 'statusExplainConfirmed',
  suspected: 'statusExplainSuspected',
  reported: 'statusExplainReported',
  heuristic: 'statusExplainHeuristic',
};

/** Who says so, when, on what evidence, and how fresh our copy is: the lines every warning carries. */
export function SourceLines({
  verdict,
  data,
  shop = false,
}: {
  verdict: Verdict;
  data: DataInfo | null;
  /** Shown on a shop page: the seller is the shop, there is no one product to say "not only". */
  shop?: boolean;
}) {
  const record = verdict.status === 'heuristic' ? null : verdict.record;
  const stale = data?.expiresAt !== undefined && Date.parse(data.expiresAt) <= Date.now();
  return (
    <>
      {verdict.subject === 'seller' && (
        <p class="w-scope">{t(shop ? 'sellerScopeShop' : 'sellerScope')}</p>
      )}
      {verdict.subject === 'contact' && <p class="w-scope">{t('contactScope')}</p>}
      {productScopeLines(verdict).map((line) => (
        <p key={line} class="w-scope">
          {line}
        </p>
      ))}
      <p class="w-meta" data-testid="warning-source">
        {[
          sourceLine(verdict),
          record?.caseId ? t('caseLine', record.caseId) : null,
          dateLine(verdict),
          verdict.status === 'heuristic' ? null : reasonsLine(verdict),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {record?.appeal === 'pending' && (
        <p class="w-meta" data-testid="warning-appeal">
          {t('appealPending')}
        </p>
      )}
      {data && <p class="w-meta">{t('freshness', formatDate(data.publishedAt, true))}</p>}
      {stale && (
        <p class="w-meta w-stale" data-testid="banner-stale">
          {t('bannerStale')}
        </p>
      )}
      {record?.evidenceUrl && (
        <a class="w-link" href={record.evidenceUrl} target="_blank" rel="noopener noreferrer">
          {t('evidenceLink')}
        </a>
      )}
    </>
  );
}

/**
 * How a seller contests a warning: the registry's appeal page for its key when reports have a
 * registry, otherwise the authority the record names. Signals have no record to contest.
 */
function ContestLine({ verdict, registryUrl }: { verdict: Verdict; registryUrl: string | null }) {
  if (verdict.status === 'heuristic') return null;
  const { record } = verdict;
  if (!registryUrl) {
    return (
      <p class="w-meta" data-testid="warning-contest">
        {t('appealHowAuthority', record.authority)}
      </p>
    );
  }
  const href = `${registryUrl.replace(/\/+$/, '')}/appeal?key=${encodeURIComponent(record.key)}`;
  const [before, after = ''] = t('appealHow', '\u0000').split('\u0000');
  return (
    <p class="w-meta" data-testid="warning-contest">
      {before}
      <a class="w-link" href={href} target="_blank" rel="noopener noreferrer">
        {t('appealLink')}
      </a>
      {after}
    </p>
  );
}

/** The longer part: the record's own summary, what its status means, and how to contest it. */
export function MoreDetails({
  verdict,
  registryUrl = null,
}: {
  verdict: Verdict;
  registryUrl?: string | null;
}) {
  return (
    <div class="w-more" data-testid="warning-more">
      <p>{summaryText(verdict)}</p>
      <p class="w-meta">{t(isDemo(verdict) ? 'statusExplainDemo' : EXPLAIN[verdict.status])}</p>
      <ContestLine verdict={verdict} registryUrl={registryUrl} />
    </div>
  );
}
