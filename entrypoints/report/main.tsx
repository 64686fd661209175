/**
 * report.html: the report dialog of one draft (`?draft=<token>`). Framed into a marketplace page by
 * our content script (`&framed=1`, inside our closed shadow root: the page cannot read this
 * document, and what is typed here is never dispatched in the page), or opened as a small window by
 * the popup, the context menu and the keyboard shortcut.
 */
import { render } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { speak } from '../../components/hooks/page-language';
import { signalPage } from '../../components/hooks/page-signals';
import { ReportChannels } from '../../components/ReportChannels';
import { ReportDialog } from '../../components/ReportDialog';
import { reportSummary } from '../../components/report-summary';
import { t, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { errorMessage } from '../../utils/protocol/error-message';
import { sendMessage } from '../../utils/protocol/runtime/client';
import { reportCategories } from '../../utils/protocol/runtime/data-collection';
import type { ReportDraftView } from '../../utils/protocol/runtime/report-drafts';
import type { ReportContext, ReportProgress } from '../../utils/protocol/runtime/report-messages';
import { closeReportRequest } from '../../utils/protocol/runtime/tab-requests';
import { askToSend } from '../../utils/report/data-consent';
import { sendWithConsent } from '../../utils/report/send-with-consent';
import { copyText } from './copy-text';
import '../../components/page.css';
import '../../components/warning.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

const query = new URLSearchParams(location.search);
const token = query.get('draft') ?? '';
const framed = query.get('framed') === '1';

/**
 * Follows one report's delivery by asking the outbox every second (for at most two minutes: the
 * outbox keeps trying after that, and "Báo cáo của tôi" shows where it stands), until it leaves
 * "waiting".
 */
function watchProgress(id: string, onProgress: (progress: ReportProgress) => void): () => void {
  let stopped = false;
  const until = Date.now() + 2 * 60_000;
  const poll = async () => {
    while (!stopped && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (stopped) return;
      const list = await sendMessage('listReports', {}).catch(() => null);
      const progress = list?.reports.find((report) => report.id === id)?.progress;
      if (progress && progress !== 'waiting') {
        onProgress(progress);
        return;
      }
    }
  };
  void poll();
  return () => {
    stopped = true;
  };
}

type Loaded =
  | { kind: 'draft'; draft: ReportDraftView; context: ReportContext }
  | { kind: 'expired'; message: string };

function ReportPage() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  /** The tab whose page frames this dialog, once the draft says which. */
  const tabId = useRef<number | undefined>(undefined);
  const close = () => {
    if (framed && tabId.current !== undefined)
      void browser.tabs
        .sendMessage(tabId.current, closeReportRequest(token))
        .catch(() => undefined);
    else window.close();
  };

  // At the first commit, not after a paint: Escape closes the dialog from the start.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    addEventListener('keydown', onKey);
    void (async () => {
      try {
        const preferences = await sendMessage('getPreferences', {});
        speak(preferences.language);
        const { draft, context } = await sendMessage('getReportDraft', { token });
        tabId.current = draft.tabId;
        document.title = t('reportFrameTitle');
        setLoaded({ kind: 'draft', draft, context });
      } catch (error) {
        setLoaded({ kind: 'expired', message: errorMessage(error) });
      }
    })();
    return () => removeEventListener('keydown', onKey);
  }, []);

  // Once drawn: the first reason takes the focus, and the tests are told the dialog is ready.
  useLayoutEffect(() => {
    if (!loaded) return;
    if (loaded.kind === 'draft') document.querySelector<HTMLElement>('button.chip')?.focus();
    signalPage('ready', 'true');
  }, [loaded]);

  if (!loaded) return null;
  if (loaded.kind === 'expired') {
    return (
      <p class="warning" role="alert" data-testid="report-expired">
        {t('dialogExpired')} ({loaded.message})
      </p>
    );
  }
  const { draft, context } = loaded;
  return (
    <ReportDialog
      draft={draft}
      context={context}
      onClose={close}
      onSubmit={({ reasons, note, contact, withScreenshot }) =>
        // Firefox asks the person once, under this press, before anything is queued; framed in a
        // marketplace page it gives this dialog no way to ask, so the draft goes on in a window.
        sendWithConsent(reportCategories(contact), {
          ask: askToSend,
          submit: () =>
            sendMessage('submitDraft', {
              token,
              reasons,
              withScreenshot,
              ...(note.trim() ? { note } : {}),
              ...(contact.trim() ? { contact } : {}),
            }),
          framed,
          continueInWindow: () =>
            sendMessage('openDraftWindow', {
              token,
              choices: {
                reasons,
                ...(note.trim() ? { note } : {}),
                ...(contact.trim() ? { contact } : {}),
              },
            }),
          words: { refused: t('dialogConsentRefused'), inWindow: t('dialogConsentInWindow') },
        })
      }
      watchProgress={watchProgress}
      renderAfter={(reply, choices) => (
        <ReportChannels
          platform={draft.listing.platform}
          scamSite={choices.reasons.includes('scam_site')}
          summary={reportSummary(draft.listing, choices.reasons, {
            ...(choices.note.trim() ? { note: choices.note.trim() } : {}),
            ...(draft.sellerName ? { sellerName: draft.sellerName } : {}),
            ...(reply && reply.outcome !== 'limited' ? { id: reply.id } : {}),
          })}
          onCopy={copyText}
        />
      )}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<ReportPage />, root);
