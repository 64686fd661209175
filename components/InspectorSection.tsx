/**
 * What an inspector sees on a listing (inspector mode only): for the item and its seller, the
 * registry's status and case, community reports with their reasons and dates, who decided what and
 * when, notes, evidence, and this inspector's actions still on their way. "Xử lý" opens the panel.
 * Every value is rendered as text.
 */
import { useState } from 'preact/hooks';
import { formatDate, type MessageKey, t, tn } from '../utils/i18n';
import type { ReportReason } from '../utils/protocol/registry/report';
import type { CaseStory } from '../utils/protocol/registry/review';
import type { InspectorEntry } from '../utils/protocol/runtime/inspector';
import { runAction } from './hooks/action';
import { CASE_STATUS_WORDS, type InspectedRole } from './inspector-marker';
import { originsLine } from './origin-words';
import { REASON_LABELS } from './report-words';

/** An appeal as inspectors' views show it (a page's view holds no contact; none is shown). */
type AppealView = Omit<CaseStory['appeals'][number], 'contact'>;

export interface InspectorSectionProps {
  name?: string | undefined;
  entries: ReadonlyArray<{ role: InspectedRole; entry: InspectorEntry }>;
  error?: string | undefined;
  /** "Xử lý": what it failed with is shown in the section, never dropped. */
  onHandle?: ((event: Event) => Promise<unknown> | undefined) | undefined;
}

const ACTION_WORDS: Record<string, MessageKey> = {
  confirmed: 'inspectorActionConfirm',
  suspected: 'inspectorActionSuspect',
  reported: 'inspectorActionReported',
  cleared: 'inspectorActionClear',
  note: 'inspectorActionNote',
  evidence: 'inspectorActionEvidence',
};

function reasonsLine(reasons: InspectorEntry['case']['reasons']): string {
  return Object.entries(reasons)
    .map(([reason, count]) => `${t(REASON_LABELS[reason as ReportReason])} (${count})`)
    .join(', ');
}

export const APPEAL_STATE_WORDS: Record<AppealView['state'], MessageKey> = {
  received: 'inspectorAppealReceived',
  accepted: 'inspectorAppealAccepted',
  rejected: 'inspectorAppealRejected',
  resolved: 'inspectorAppealResolved',
};

/** The sellers' appeals: each one's state and statement, as text (a registry too old to list them: the count). */
export function AppealsView({
  count,
  appeals,
}: {
  count: number;
  appeals?: readonly AppealView[] | undefined;
}) {
  if (!appeals || appeals.length === 0) return <p>{tn('inspectorAppeals', count, count)}</p>;
  return (
    <>
      <p>{tn('inspectorAppeals', appeals.length, appeals.length)}</p>
      <ul class="inspector-appeals" aria-label={t('inspectorAppealsLabel')}>
        {appeals.map((appeal) => (
          <li key={appeal.id} data-state={appeal.state}>
            {formatDate(appeal.at, true)} · <strong>{t(APPEAL_STATE_WORDS[appeal.state])}</strong>:{' '}
            {appeal.statement}
          </li>
        ))}
      </ul>
    </>
  );
}

function EntryView({ role, entry }: { role: InspectedRole; entry: InspectorEntry }) {
  const { case: summary, record } = entry;
  const attachedShots = entry.attached.filter((one) => one.screenshot).length;
  return (
    <div class="inspector-entry">
      <h3 class="inspector-title">
        {t(role === 'item' ? 'inspectorItem' : 'inspectorSeller')}:{' '}
        <span class={`inspector-status inspector-status-${summary.status}`}>
          {t(CASE_STATUS_WORDS[summary.status])}
        </span>
      </h3>
      {record?.caseId ? (
        <p>{t('inspectorCase', record.caseId, record.authority)}</p>
      ) : record ? (
        <p>{t('inspectorSource', record.authority)}</p>
      ) : null}
      <p>
        {summary.reports > 0
          ? tn(
              'inspectorReports',
              summary.reports,
              summary.reports,
              formatDate(summary.firstSeen ?? ''),
              formatDate(summary.lastSeen ?? ''),
            )
          : t('inspectorNoReports')}
      </p>
      {summary.reports > 0 && summary.networks !== undefined && (
        <p class="inspector-origins">{originsLine(summary.installs ?? 0, summary.networks)}</p>
      )}
      {summary.reports > 0 && <p class="inspector-reasons">{reasonsLine(summary.reasons)}</p>}
      {summary.appeals > 0 && <AppealsView count={summary.appeals} appeals={entry.appeals} />}
      {entry.decisions.length > 0 && (
        <ol class="inspector-history" aria-label={t('inspectorHistory')}>
          {entry.decisions.map((decision) => (
            <li key={decision.id}>
              {formatDate(decision.at, true)} ·{' '}
              {t(ACTION_WORDS[decision.status] ?? 'inspectorActionNote')} · {decision.by}
              {decision.caseId ? ` · ${decision.caseId}` : ''}
            </li>
          ))}
        </ol>
      )}
      {entry.notes.length > 0 && (
        <ul class="inspector-notes" aria-label={t('inspectorNotes')}>
          {entry.notes.map((note) => (
            <li key={note.id}>
              {formatDate(note.at, true)} · {note.by}: {note.text}
            </li>
          ))}
        </ul>
      )}
      {entry.evidence.length + entry.attached.length > 0 && (
        <p>
          {t(
            'inspectorEvidence',
            tn('inspectorCountReporterShots', entry.evidence.length, entry.evidence.length),
            tn('inspectorCountSnapshots', entry.attached.length, entry.attached.length),
            attachedShots,
          )}
        </p>
      )}
      {entry.pending.map((action) => (
        <p key={action.id} class={`inspector-pending inspector-pending-${action.state}`}>
          {t(
            action.state === 'pending' ? 'inspectorPending' : 'inspectorFailed',
            t(ACTION_WORDS[action.status ?? action.kind] ?? 'inspectorActionNote'),
          )}
          {action.error ? ` (${action.error})` : ''}
        </p>
      ))}
    </div>
  );
}

export function InspectorSection(props: InspectorSectionProps) {
  const [problem, setProblem] = useState<string | null>(null);
  // onHandle runs within the press itself (runAction calls it at once): the panel opens only in a
  // user gesture.
  const handle = (event: Event) =>
    void runAction(async () => props.onHandle?.(event), { setError: setProblem, clear: 'start' });
  return (
    <section class="inspector" aria-label={t('inspectorSectionLabel')}>
      <p class="inspector-mode">{t('inspectorModeOn', props.name ?? '')}</p>
      {props.error && <p class="inspector-error">{t('inspectorUnavailable', props.error)}</p>}
      {props.entries.map(({ role, entry }) => (
        <EntryView key={entry.key} role={role} entry={entry} />
      ))}
      {props.onHandle && (
        <button type="button" class="inspector-handle" onClick={handle}>
          {t('inspectorHandle')}
        </button>
      )}
      {problem && (
        <p class="inspector-error" role="alert">
          {t('inspectorHandleFailed', problem)}
        </p>
      )}
    </section>
  );
}
