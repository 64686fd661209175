/**
 * One key's whole story as the registry tells it to inspectors: its status, who decided what and
 * when, the shoppers' reports, notes, appeals, attached evidence (with its screenshots once
 * loaded) and the audit log. Text only; screenshots are data: URLs the background fetched.
 */

import { formatDate, t } from '../utils/i18n';
import type { CaseStory } from '../utils/protocol/registry/review';
import { AppealsView } from './InspectorSection';
import { CASE_STATUS_WORDS } from './inspector-marker';
import { originsLine } from './origin-words';
import { priceLine } from './price-text';
import { REASON_LABELS } from './report-words';

const SHOWN_REPORTS = 20;

export interface CaseStoryViewProps {
  story: CaseStory | null;
  /** Screenshots of attached evidence by SHA-256, as data: URLs. */
  images: Record<string, string>;
}

export function CaseStoryView({ story, images }: CaseStoryViewProps) {
  if (!story) return <p data-testid="panel-nothing-known">{t('panelNothingKnown')}</p>;
  const { case: summary, record } = story;
  return (
    <div data-testid="panel-story">
      <p>
        <strong class={`inspector-status inspector-status-${summary.status}`}>
          {t(CASE_STATUS_WORDS[summary.status])}
        </strong>
        {record?.caseId ? ` · ${t('inspectorCase', record.caseId, record.authority)}` : ''}
      </p>
      {story.decisions.length > 0 && (
        <>
          <h3>{t('inspectorHistory')}</h3>
          <ol>
            {story.decisions.map((decision) => (
              <li key={decision.id}>
                {formatDate(decision.at, true)} · {t(CASE_STATUS_WORDS[decision.status])} ·{' '}
                {decision.by}
                {decision.caseId ? ` · ${decision.caseId}` : ''} — {decision.summary.vi}
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>{t('panelReportsHeading', summary.reports)}</h3>
      {summary.reports > 0 && summary.networks !== undefined && (
        <p class="muted" data-testid="panel-origins">
          {originsLine(summary.installs ?? 0, summary.networks)}
        </p>
      )}
      {story.reports.length === 0 ? (
        <p>{t('inspectorNoReports')}</p>
      ) : (
        <ul>
          {story.reports.slice(0, SHOWN_REPORTS).map((report) => {
            // The prices the shopper saw, each named, in the currency the page showed.
            const prices =
              report.price === null ? null : priceLine({ ...report, price: report.price });
            return (
              <li key={report.id} data-testid="story-report">
                {formatDate(report.receivedAt, true)} ·{' '}
                {report.reasons.map((reason) => t(REASON_LABELS[reason])).join(', ')}
                {prices ? ` · ${prices}` : ''}
                {report.note ? ` — ${report.note}` : ''}
              </li>
            );
          })}
        </ul>
      )}
      {story.notes.length > 0 && (
        <>
          <h3>{t('inspectorNotes')}</h3>
          <ul>
            {story.notes.map((note) => (
              <li key={note.id}>
                {formatDate(note.at, true)} · {note.by}: {note.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {story.appeals.length > 0 && (
        <AppealsView count={story.appeals.length} appeals={story.appeals} />
      )}
      {story.evidence.length > 0 && (
        <>
          <h3>{t('panelEvidence')}</h3>
          <ul class="evidence">
            {story.evidence.map((evidence) => {
              const image = evidence.screenshot ? images[evidence.screenshot.sha256] : undefined;
              return (
                <li key={evidence.id}>
                  {formatDate(evidence.capturedAt, true)} · {evidence.by} · SHA-256{' '}
                  <code>{evidence.snapshotSha256.slice(0, 16)}…</code>
                  {evidence.pageUrl && (
                    <span class="evidence-page">
                      {' · '}
                      {t('panelEvidencePage', evidence.pageUrl)}
                    </span>
                  )}
                  {image && (
                    <img
                      src={image}
                      alt={t('panelScreenshotAlt', formatDate(evidence.capturedAt, true))}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {story.audit.length > 0 && (
        <details>
          <summary>{t('panelAuditHeading')}</summary>
          <ul>
            {story.audit.map((row, index) => (
              <li key={`${row.at}-${index}`}>
                {formatDate(row.at, true)} · {row.action} · {row.by}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
