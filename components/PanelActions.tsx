/**
 * The inspector panel's actions on one key: a decision (confirm, mark suspected, publish the
 * unverified reports, clear) with its reasons, authority, case and a summary in both languages; a
 * note; and evidence (a screenshot of the visible tab with the listing snapshot). Each is checked
 * here before it goes to the outbox.
 */
import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { DECISION_STATUSES } from '../utils/protocol/registry/review';
import type { ActionRequest } from '../utils/protocol/runtime/inspector-messages';
import { RECORD_REASON_WORDS } from './warning-details-text';

type Status = (typeof DECISION_STATUSES)[number];

export interface PanelActionsProps {
  targetKey: string;
  busy: boolean;
  onAct(request: ActionRequest): void;
  /** Evidence: the panel captures the tab, then acts. */
  onAttach(): void;
  /** Whether the browser lets us capture a tab (false: evidence goes without its screenshot). */
  canCapture: boolean;
  /** Asks the browser for that access (its own prompt, at this press). */
  onAllowCapture(): void;
}

const STATUS_WORDS = {
  confirmed: 'panelConfirm',
  suspected: 'panelSuspect',
  reported: 'panelReported',
  cleared: 'panelClear',
} as const satisfies Record<Status, string>;

/**
 * The reasons each decision may give: a confirmation names what was found, suspicion why it is
 * suspected, a clearance why the warning goes. The record's published reasons are these codes.
 */
export const DECISION_REASONS: Record<Status, readonly string[]> = {
  confirmed: ['counterfeit', 'counterfeit_trademark', 'recall', 'scam_site', 'violating_site'],
  suspected: ['suspected_counterfeit', 'under_investigation', 'community_reports'],
  // Publishing the reports' number is all a `reported` decision does: it finds nothing.
  reported: ['community_reports'],
  cleared: ['verified_genuine', 'no_violation_found'],
};

const value = (event: Event) => (event.target as HTMLInputElement).value;

function DecisionForm({ targetKey, busy, onAct }: PanelActionsProps) {
  const [status, setStatus] = useState<Status>('confirmed');
  const [reasons, setReasons] = useState<string[]>([]);
  const [authority, setAuthority] = useState('');
  const [caseId, setCaseId] = useState('');
  const [summaryVi, setSummaryVi] = useState('');
  const [summaryEn, setSummaryEn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    if (reasons.length === 0) return setProblem(t('panelMissingReason'));
    if (status === 'confirmed' && (!authority.trim() || !caseId.trim())) {
      return setProblem(t('panelMissingAuthority'));
    }
    if (!summaryVi.trim() || !summaryEn.trim()) return setProblem(t('panelMissingSummary'));
    setProblem(null);
    onAct({
      kind: 'decision',
      key: targetKey,
      status,
      reasons,
      ...(authority.trim() ? { authority: authority.trim() } : {}),
      ...(caseId.trim() ? { caseId: caseId.trim() } : {}),
      summary: { vi: summaryVi.trim(), en: summaryEn.trim() },
    });
  };
  const toggle = (code: string) =>
    setReasons((current) =>
      current.includes(code) ? current.filter((one) => one !== code) : [...current, code],
    );
  return (
    <form class="stack" onSubmit={submit} data-testid="panel-decision">
      <fieldset>
        <legend>{t('panelDecision')}</legend>
        {(Object.keys(STATUS_WORDS) as Status[]).map((one) => (
          <span key={one} class="choice">
            <input
              type="radio"
              name="decision-status"
              id={`decision-${one}`}
              checked={status === one}
              onChange={() => {
                setStatus(one);
                // A reason of another decision is not this one's.
                setReasons((current) =>
                  current.filter((code) => DECISION_REASONS[one].includes(code)),
                );
              }}
            />
            <label for={`decision-${one}`}>{t(STATUS_WORDS[one])}</label>
          </span>
        ))}
      </fieldset>
      {status === 'reported' && (
        <p class="muted" data-testid="panel-reported-hint">
          {t('panelReportedHint')}
        </p>
      )}
      <fieldset>
        <legend>{t('panelReasons')}</legend>
        {DECISION_REASONS[status].map((code) => (
          <span key={code} class="choice">
            <input
              type="checkbox"
              id={`reason-${code}`}
              checked={reasons.includes(code)}
              onChange={() => toggle(code)}
            />
            <label for={`reason-${code}`}>{t(RECORD_REASON_WORDS[code] ?? 'reasonOther')}</label>
          </span>
        ))}
      </fieldset>
      <label for="decision-authority">{t('panelAuthority')}</label>
      <input
        id="decision-authority"
        maxLength={300}
        value={authority}
        onInput={(event) => setAuthority(value(event))}
      />
      <label for="decision-case">{t('panelCaseId')}</label>
      <input
        id="decision-case"
        maxLength={100}
        value={caseId}
        onInput={(event) => setCaseId(value(event))}
      />
      <label for="decision-summary-vi">{t('panelSummaryVi')}</label>
      <textarea
        id="decision-summary-vi"
        rows={2}
        maxLength={500}
        value={summaryVi}
        onInput={(event) => setSummaryVi(value(event))}
      />
      <label for="decision-summary-en">{t('panelSummaryEn')}</label>
      <textarea
        id="decision-summary-en"
        rows={2}
        maxLength={500}
        value={summaryEn}
        onInput={(event) => setSummaryEn(value(event))}
      />
      {problem && (
        <p class="warning" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="panel-send-decision">
        {t('panelSendDecision')}
      </button>
    </form>
  );
}

function NoteForm({ targetKey, busy, onAct }: PanelActionsProps) {
  const [text, setText] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    onAct({ kind: 'note', key: targetKey, text: text.trim() });
    setText('');
  };
  return (
    <form class="stack" onSubmit={submit} data-testid="panel-note">
      <label for="panel-note-text">{t('panelNote')}</label>
      <textarea
        id="panel-note-text"
        rows={2}
        maxLength={2000}
        value={text}
        onInput={(event) => setText(value(event))}
      />
      <button type="submit" disabled={busy}>
        {t('panelAddNote')}
      </button>
    </form>
  );
}

export function PanelActions(props: PanelActionsProps) {
  return (
    <section aria-labelledby="panel-actions-heading">
      <h2 id="panel-actions-heading">{t('panelActions')}</h2>
      <DecisionForm key={props.targetKey} {...props} />
      <NoteForm key={`note-${props.targetKey}`} {...props} />
      <div class="stack">
        <p class="muted">{t('panelAttachHelp')}</p>
        {!props.canCapture && (
          <p data-testid="panel-capture-access">
            {t('panelCaptureAccessNeeded')}{' '}
            <button type="button" onClick={props.onAllowCapture} data-testid="panel-allow-capture">
              {t('panelAllowCapture')}
            </button>
          </p>
        )}
        <button
          type="button"
          disabled={props.busy}
          onClick={props.onAttach}
          data-testid="panel-attach"
        >
          {t('panelAttach')}
        </button>
      </div>
    </section>
  );
}
