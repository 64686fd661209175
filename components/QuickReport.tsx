/** One-press reports from a flagged card's details: a chip a reason, or the full dialog. */
import { useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { REPORT_REASONS, type ReportReason } from '../utils/protocol/registry/report-reasons';
import { REASON_LABELS } from './report-words';

/** What became of a one-click report. */
export type QuickOutcome =
  | { kind: 'saved' }
  | { kind: 'limited' }
  | { kind: 'failed'; message: string };

export interface QuickReportActions {
  /** One chip pressed: the report is saved with that reason (a real press by the shopper). */
  send(reason: ReportReason, event: Event): Promise<QuickOutcome>;
  /** The full dialog: note, contact, several reasons. */
  open(event: Event): void;
}

/**
 * "Báo cáo" inside a flagged card's details: the reasons as chips, one press sends; or the full
 * dialog. A chip already sent stays pressed.
 */
export function QuickReport({ actions }: { actions: QuickReportActions }) {
  const [sent, setSent] = useState<ReportReason[]>([]);
  const [outcome, setOutcome] = useState<QuickOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (reason: ReportReason, event: Event) => {
    if (busy) return;
    setBusy(true);
    const result = await actions.send(reason, event);
    if (result.kind === 'saved') setSent((current) => [...current, reason]);
    setOutcome(result);
    setBusy(false);
  };
  return (
    <div class="w-quick" data-testid="quick-report">
      <p class="w-meta">{t('reportQuickHeading')}</p>
      <div class="w-chips">
        {REPORT_REASONS.map((reason) => (
          <button
            key={reason}
            type="button"
            class="w-chip"
            data-reason={reason}
            aria-pressed={sent.includes(reason)}
            disabled={busy}
            onClick={(event) => void send(reason, event)}
          >
            {t(REASON_LABELS[reason])}
          </button>
        ))}
      </div>
      {outcome && (
        <p class="w-meta" role="status" data-testid="quick-report-outcome">
          {outcome.kind === 'saved'
            ? t('reportQuickSent')
            : outcome.kind === 'limited'
              ? t('reportQuickLimited')
              : t('reportQuickFailed', outcome.message)}
        </p>
      )}
      <button
        type="button"
        class="w-quiet"
        data-testid="quick-report-more"
        aria-haspopup="dialog"
        onClick={(event) => actions.open(event)}
      >
        {t('reportMore')}
      </button>
    </div>
  );
}
