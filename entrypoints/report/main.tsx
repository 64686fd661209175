/**
 * report.html: the report dialog of one draft (`?draft=<token>`). Framed into a marketplace page by
 * our content script (`&framed=1`, inside our closed shadow root: the page cannot read this
 * document, and what is typed here is never dispatched in the page), or opened as a small window by
 * the popup, the context menu and the keyboard shortcut.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReportChannels } from '../../components/ReportChannels';
import { ReportDialog } from '../../components/ReportDialog';
import { reportSummary } from '../../components/report-summary';
import { setLanguage, t, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { sendMessage } from '../../utils/protocol/client';
import type { ReportProgress } from '../../utils/protocol/report-messages';
import { closeReportRequest } from '../../utils/protocol/tab-requests';
import { copyText } from './copy-text';
import '../../components/page.css';
import '../../components/warning.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

const query = new URLSearchParams(location.search);
const token = query.get('draft') ?? '';
const framed = query.get('framed') === '1';
const root = document.getElementById('app');

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

async function main(): Promise<void> {
  if (!root) return;
  let tabId: number | undefined;
  const close = () => {
    if (framed && tabId !== undefined)
      void browser.tabs.sendMessage(tabId, closeReportRequest(token)).catch(() => undefined);
    else window.close();
  };
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  try {
    const preferences = await sendMessage('getPreferences', {});
    setLanguage(preferences.language);
    document.documentElement.lang = preferences.language;
    const { draft, context } = await sendMessage('getReportDraft', { token });
    tabId = draft.tabId;
    document.title = t('reportFrameTitle');
    render(
      <ReportDialog
        draft={draft}
        context={context}
        onClose={close}
        onSubmit={({ reasons, note, contact, withScreenshot }) =>
          sendMessage('submitDraft', {
            token,
            reasons,
            withScreenshot,
            ...(note.trim() ? { note } : {}),
            ...(contact.trim() ? { contact } : {}),
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
      />,
      root,
    );
    root.querySelector<HTMLElement>('button.chip')?.focus();
  } catch (error) {
    render(
      <p class="warning" role="alert" data-testid="report-expired">
        {t('dialogExpired')} ({error instanceof Error ? error.message : String(error)})
      </p>,
      root,
    );
  }
  document.body.dataset.ready = 'true';
}

void main();
