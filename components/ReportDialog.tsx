/**
 * The report dialog's markup and its form state: reasons, note, contact and screenshot, then what
 * became of the report as the outbox delivers it.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDate, type MessageKey, t } from '../utils/i18n';
import { tryParseKey } from '../utils/protocol/keys';
import {
  MAX_CONTACT,
  MAX_REPORT_NOTE,
  REPORT_REASONS,
  type ReportReason,
} from '../utils/protocol/registry/report';
import type { ReportDraftView } from '../utils/protocol/runtime/report-drafts';
import type {
  ReportContext,
  ReportProgress,
  SubmitReportReply,
} from '../utils/protocol/runtime/report-messages';
import { useAction } from './hooks/action';
import { ListingFacts } from './ListingFacts';
import { REASON_LABELS } from './report-words';

export interface ReportChoices {
  reasons: ReportReason[];
  note: string;
  contact: string;
  /** The screenshot stays with the report (it was shown, and not removed). */
  withScreenshot: boolean;
}

export interface ReportDialogProps {
  draft: ReportDraftView;
  context: ReportContext;
  onSubmit(choices: ReportChoices): Promise<SubmitReportReply>;
  onClose(): void;
  /** After sending, or instead of it: the official channels with this report's summary. */
  renderAfter(reply: SubmitReportReply | null, choices: ReportChoices): preact.ComponentChild;
  /**
   * Follows a saved report's delivery: calls back with its progress as it changes; the returned
   * function stops following. Without it the dialog says what the reply said.
   */
  watchProgress?(id: string, onProgress: (progress: ReportProgress) => void): () => void;
}

/** What the dialog says once a report is saved, by where it stands: words follow its state. */
const DONE_WORDS: Record<ReportProgress, { heading: MessageKey; where: MessageKey }> = {
  waiting: { heading: 'dialogSaved', where: 'dialogSavedRegistry' },
  expired: { heading: 'dialogSaved', where: 'dialogSavedRegistry' },
  sent: { heading: 'dialogSent', where: 'dialogSentRegistry' },
  received: { heading: 'dialogSent', where: 'dialogSentRegistry' },
  in_review: { heading: 'dialogSent', where: 'dialogSentRegistry' },
  decided: { heading: 'dialogSent', where: 'dialogSentRegistry' },
  refused: { heading: 'dialogRefused', where: 'dialogRefusedRegistry' },
  local: { heading: 'dialogSaved', where: 'dialogSavedLocal' },
};

/**
 * The report dialog (DESIGN.md §7): the listing's facts as read, reasons as chips, an optional note
 * and contact, the screenshot when there is one (shown, removable), and a consent line saying
 * exactly what is sent and to whom. It lives on an extension page (report.html), framed into the
 * marketplace page inside our closed shadow root or opened as a window: the page can neither read
 * it nor hear what is typed in it.
 */
export function ReportDialog({
  draft,
  context,
  onSubmit,
  onClose,
  renderAfter,
  watchProgress,
}: ReportDialogProps) {
  // A dialog that goes on from a frame starts from what was chosen and written there.
  const [reasons, setReasons] = useState<ReportReason[]>(
    draft.choices?.reasons ?? context.earlier?.reasons ?? [],
  );
  const [note, setNote] = useState(draft.choices?.note ?? '');
  const [contact, setContact] = useState(draft.choices?.contact ?? '');
  const [withScreenshot, setWithScreenshot] = useState(draft.screenshot !== undefined);
  const [reply, setReply] = useState<SubmitReportReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A report sent again starts without the last attempt's error.
  const sending = useAction({ setError, clear: 'start' });
  const [missingReason, setMissingReason] = useState(false);
  const [progress, setProgress] = useState<ReportProgress | null>(null);
  const choices: ReportChoices = { reasons, note, contact, withScreenshot };
  const savedId = reply && reply.outcome !== 'limited' ? reply.id : null;

  // A report waiting to go out is followed until it is delivered (or refused), so the dialog never
  // says "will be sent" of a report the registry already has.
  useEffect(() => {
    if (!savedId || !watchProgress || !reply || reply.outcome === 'limited') return;
    if (reply.progress !== 'waiting') return;
    return watchProgress(savedId, setProgress);
  }, [savedId]);

  const toggle = (reason: ReportReason) => {
    setMissingReason(false);
    setReasons(
      reasons.includes(reason) ? reasons.filter((r) => r !== reason) : [...reasons, reason],
    );
  };

  const send = async (event: Event) => {
    event.preventDefault();
    if (reasons.length === 0) {
      setMissingReason(true);
      return;
    }
    await sending.run(async () => setReply(await onSubmit(choices)));
  };

  if (reply && reply.outcome !== 'limited') {
    const now = reply.registryUrl ? (progress ?? reply.progress) : 'local';
    const words = DONE_WORDS[now];
    const host = reply.registryUrl ? new URL(reply.registryUrl).host : '';
    return (
      <section class="report-done" data-testid="report-done" data-progress={now} aria-live="polite">
        <h1>
          {reply.outcome === 'amended' && words.heading === 'dialogSaved'
            ? t('dialogAmended')
            : t(words.heading)}
        </h1>
        <p data-testid="report-done-where">{t(words.where, host)}</p>
        <p class="muted">{t('dialogSavedId', reply.id)}</p>
        {renderAfter(reply, choices)}
        <div class="actions">
          <button type="button" data-testid="report-close" onClick={onClose}>
            {t('actionClose')}
          </button>
        </div>
      </section>
    );
  }

  const registryHost = context.registryUrl ? new URL(context.registryUrl).host : null;
  const noteFull = note.length >= MAX_REPORT_NOTE;
  return (
    <form
      class="report-form"
      data-testid="report-dialog"
      aria-labelledby="report-title"
      onSubmit={send}
    >
      <h1 id="report-title">
        {t(
          tryParseKey(draft.listing.itemKey)?.kind === 'seller' ? 'dialogTitleShop' : 'dialogTitle',
        )}
      </h1>
      {context.earlier && (
        <p class="notice" data-testid="report-earlier">
          {t('dialogEarlier', formatDate(context.earlier.createdAt, true))}
        </p>
      )}
      <ListingFacts draft={draft} foldIds />
      <fieldset class="chips" aria-describedby={missingReason ? 'reason-missing' : undefined}>
        <legend>{t('dialogReasons')}</legend>
        {REPORT_REASONS.map((reason) => (
          <button
            key={reason}
            type="button"
            class="chip"
            aria-pressed={reasons.includes(reason)}
            data-reason={reason}
            onClick={() => toggle(reason)}
          >
            {t(REASON_LABELS[reason])}
          </button>
        ))}
        {missingReason && (
          <p id="reason-missing" class="warning" role="alert">
            {t('dialogReasonMissing')}
          </p>
        )}
      </fieldset>
      <label for="report-note">{t('dialogNote')}</label>
      <textarea
        id="report-note"
        data-testid="report-note"
        rows={4}
        maxLength={MAX_REPORT_NOTE}
        value={note}
        aria-describedby="report-note-count"
        onInput={(event) =>
          setNote((event.target as HTMLTextAreaElement).value.slice(0, MAX_REPORT_NOTE))
        }
      />
      <p
        id="report-note-count"
        class={noteFull ? 'warning' : 'muted'}
        aria-live="polite"
        data-testid="report-note-count"
      >
        {noteFull
          ? t('dialogNoteFull', MAX_REPORT_NOTE)
          : t('dialogNoteCount', note.length, MAX_REPORT_NOTE)}
      </p>
      <label for="report-contact">{t('dialogContact')}</label>
      <input
        id="report-contact"
        data-testid="report-contact"
        maxLength={MAX_CONTACT}
        value={contact}
        autocomplete="email"
        onInput={(event) => setContact((event.target as HTMLInputElement).value)}
      />
      {draft.screenshot && withScreenshot && (
        <figure class="shot" data-testid="report-screenshot">
          <img src={draft.screenshot.dataUrl} alt={t('dialogScreenshotAlt')} />
          <figcaption>
            {t('dialogScreenshot', Math.ceil(draft.screenshot.bytes / 1024))}{' '}
            <button
              type="button"
              data-testid="report-screenshot-remove"
              onClick={() => setWithScreenshot(false)}
            >
              {t('dialogScreenshotRemove')}
            </button>
          </figcaption>
        </figure>
      )}
      {draft.screenshotError && (
        <p class="muted" data-testid="report-screenshot-missing">
          {t('dialogScreenshotMissing', draft.screenshotError)}
        </p>
      )}
      <p class="consent" data-testid="report-consent">
        {registryHost
          ? t(
              withScreenshot && draft.screenshot ? 'dialogConsentShot' : 'dialogConsent',
              registryHost,
            )
          : t('dialogConsentLocal')}
      </p>
      {reply?.outcome === 'limited' && (
        <p class="warning" role="alert" data-testid="report-limited">
          {t('dialogLimited', formatDate(reply.until, true))}
        </p>
      )}
      {error && (
        <p class="warning" role="alert" data-testid="report-error">
          {t('dialogError', error)}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="report-send" disabled={sending.busy}>
          {registryHost ? t('dialogSend') : t('dialogSave')}
        </button>
        <button type="button" onClick={onClose}>
          {t('dialogCancel')}
        </button>
      </div>
      {!registryHost && renderAfter(null, choices)}
    </form>
  );
}
