/**
 * The inspector panel page: works on the listing under focus in one tab (the `tab` parameter when
 * opened as a window, else the active tab beside the side panel), reads the registry's story of its
 * item or seller through the background, and sends actions to the outbox. Evidence screenshots are
 * asked for here, by the inspector's press on this page, and taken by the background of the
 * listing's own tab only.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { runAction } from '../../components/hooks/action';
import { speak } from '../../components/hooks/page-language';
import { usePageReady } from '../../components/hooks/page-ready';
import { signalPage } from '../../components/hooks/page-signals';
import { usePageState } from '../../components/hooks/page-state';
import { usePanelChanges } from '../../components/hooks/panel-changes';
import { InspectorPanel } from '../../components/InspectorPanel';
import { t, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import type { CaseStory } from '../../utils/protocol/registry/review';
import { sendMessage } from '../../utils/protocol/runtime/client';
import {
  EVIDENCE_CAPTURE_ORIGINS,
  type InspectorSession,
  type PendingAction,
} from '../../utils/protocol/runtime/inspector';
import type { ActionRequest } from '../../utils/protocol/runtime/inspector-messages';
import type { DraftListing } from '../../utils/protocol/runtime/report-drafts';
import { DraftListingSchema } from '../../utils/protocol/runtime/report-drafts';
import '../../components/page.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

const fixedTab = Number(new URLSearchParams(location.search).get('tab') ?? Number.NaN);
const CAPTURE_ACCESS = { origins: [...EVIDENCE_CAPTURE_ORIGINS] };

/** Whether the browser lets us capture a tab: `<all_urls>`, asked for by the inspector's press. */
const readCaptureAccess = () => browser.permissions.contains(CAPTURE_ACCESS).catch(() => false);

/** The listing the inspector chose with "Xử lý", else the one the tab's page is about. */
async function readFocus(tabId: number | null): Promise<DraftListing | null> {
  if (tabId === null) return null;
  const chosen = (await sendMessage('inspectorFocus', { tabId })).focus;
  if (chosen) return chosen;
  const fromTab = await browser.tabs.sendMessage(tabId, { type: 'listing' }).catch(() => null);
  const checked = DraftListingSchema.safeParse(fromTab);
  return checked.success ? checked.data : null;
}

const REFUSALS = {
  closed: 'panelCaptureClosed',
  elsewhere: 'panelCaptureElsewhere',
  moved: 'panelCaptureMoved',
} as const;

interface PanelState {
  session: InspectorSession | null;
  focus: DraftListing | null;
  target: 'item' | 'seller';
  story: CaseStory | null;
  images: Record<string, string>;
  outbox: PendingAction[];
  /** An action is under way. */
  busy: boolean;
  /** What the last action did, or why it could not. */
  message: string | null;
  canCapture: boolean;
}

const keyOf = ({ focus, target }: PanelState) =>
  focus ? (target === 'seller' && focus.listing.sellerKey) || focus.listing.itemKey : null;

function PanelPage() {
  const page = usePageReady();
  /** The tab whose listing the panel works on (not drawn: no change of it redraws the panel). */
  const tab = useRef<number | null>(Number.isInteger(fixedTab) ? fixedTab : null);
  const { state, now, update } = usePageState<PanelState>({
    session: null,
    focus: null,
    target: 'item',
    story: null,
    images: {},
    outbox: [],
    busy: false,
    message: null,
    canCapture: true,
  });

  /** The story of the key in focus, with its screenshots, drawn in one go with `start`. */
  const loadStory = async (start: Partial<PanelState> = {}) => {
    const key = keyOf({ ...now(), ...start });
    if (!key || !now().session?.signedIn) return update({ ...start, story: null });
    await runAction(
      async () => {
        const { story } = await sendMessage('inspectorStory', { key });
        let images = now().images;
        for (const evidence of story?.evidence ?? []) {
          const shot = evidence.screenshot;
          if (!shot || images[shot.sha256]) continue;
          const file = await sendMessage('inspectorFile', { path: shot.url }).catch(() => null);
          if (file?.dataUrl) images = { ...images, [shot.sha256]: file.dataUrl };
        }
        update({ ...start, story, images });
      },
      { setError: (message) => update({ ...start, story: null, message }), clear: 'never' },
    );
  };

  /**
   * Everything read again (after each action and change), drawn in one go with `start`, then the
   * story of the key in focus.
   */
  const load = async (start: Partial<PanelState> = {}) => {
    const read: Partial<PanelState> = { ...start };
    await runAction(
      async () => {
        read.canCapture = await readCaptureAccess();
        const session = await sendMessage('inspectorSession', {});
        read.session = session;
        const preferences = await sendMessage('getPreferences', {});
        speak(preferences.language);
        if (tab.current === null) {
          const [active] = await browser.tabs.query({ active: true, currentWindow: true });
          tab.current = active?.id ?? null;
        }
        read.focus = session.signedIn ? await readFocus(tab.current) : null;
        read.outbox = session.signedIn
          ? (await sendMessage('inspectorActions', {})).actions.filter(
              (action) => action.state !== 'delivered',
            )
          : [];
      },
      { setError: (message) => Object.assign(read, { message }), clear: 'never' },
    );
    update(read);
    page.draw();
    await loadStory();
    page.ready();
    signalPage('loaded');
  };

  /**
   * An action through the outbox (`work` says what it did), then everything read again: its outcome
   * is drawn with what was read, and the panel stays busy until then.
   */
  const act = async (work: () => Promise<string>) => {
    update({ busy: true });
    const outcome: Partial<PanelState> = { busy: false };
    await runAction(
      async () => {
        outcome.message = await work();
      },
      { setError: (message) => Object.assign(outcome, { message }), clear: 'never' },
    );
    await load(outcome);
  };

  /**
   * Evidence of the listing: the background brings its tab to the front and captures it (best JPEG
   * under 1 MB) only while it shows that listing's page, with the listing snapshot and the address.
   */
  const attach = async () => {
    const { focus } = now();
    const key = keyOf(now());
    const tabId = tab.current;
    if (!focus || !key || tabId === null) return;
    await act(async () => {
      const answer = await sendMessage('inspectorEvidence', {
        tabId,
        key,
        listing: focus.listing,
        ...(focus.sellerName ? { sellerName: focus.sellerName } : {}),
      });
      return answer.refused
        ? t(REFUSALS[answer.refused], answer.seen ?? t('panelCaptureUnknownPage'))
        : answer.screenshotError
          ? now().canCapture
            ? t('panelScreenshotFailed', answer.screenshotError)
            : t('panelCaptureNoAccess')
          : t('panelSaved');
    });
  };

  /** The browser's own prompt, at the inspector's press (a permission is asked for only in a gesture). */
  const allowCapture = () => {
    void browser.permissions
      .request(CAPTURE_ACCESS)
      .catch(() => false)
      .then(async (granted) => {
        const canCapture = await readCaptureAccess();
        update({
          canCapture,
          message: t(granted && canCapture ? 'panelCaptureAllowed' : 'panelCaptureRefused'),
        });
      });
  };

  usePanelChanges(browser.runtime.onMessage, (tabId) => {
    if (tabId === undefined || tabId === tab.current) void load();
  });
  useEffect(() => {
    const onUpdated = (updated: number, change: { status?: string }) => {
      if (updated === tab.current && change.status === 'complete') void load();
    };
    // A side panel follows the tab the inspector switches to; a window stays on its own tab.
    const onActivated = ({ tabId }: { tabId: number }) => {
      tab.current = tabId;
      void load({ target: 'item' });
    };
    if (!Number.isInteger(fixedTab)) browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void load();
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  if (!page.drawn) return null;
  return (
    <InspectorPanel
      session={state.session}
      focus={state.focus}
      target={state.target}
      onTarget={(target) => void loadStory({ target })}
      story={state.story}
      images={state.images}
      outbox={state.outbox}
      busy={state.busy}
      message={state.message}
      onAct={(request: ActionRequest) =>
        void act(async () => {
          await sendMessage('inspectorAct', request);
          return t('panelSaved');
        })
      }
      onAttach={() => void attach()}
      canCapture={state.canCapture}
      onAllowCapture={allowCapture}
      onRetry={(id) =>
        void sendMessage('inspectorActions', { retry: id }).then(({ actions }) =>
          load({ outbox: actions }),
        )
      }
      optionsUrl={browser.runtime.getURL('/options.html')}
    />
  );
}

const root = document.getElementById('app');
if (root) render(<PanelPage />, root);
