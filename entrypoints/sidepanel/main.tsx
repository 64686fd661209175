/**
 * The inspector panel page: works on the listing under focus in one tab (the `tab` parameter when
 * opened as a window, else the active tab beside the side panel), reads the registry's story of its
 * item or seller through the background, and sends actions to the outbox. Evidence screenshots are
 * asked for here, by the inspector's press on this page, and taken by the background of the
 * listing's own tab only.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { InspectorPanel } from '../../components/InspectorPanel';
import { setLanguage, t, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';
import { sendMessage } from '../../utils/protocol/client';
import {
  EVIDENCE_CAPTURE_ORIGINS,
  type InspectorSession,
  PANEL_CHANGED,
  type PendingAction,
} from '../../utils/protocol/inspector';
import type { ActionRequest } from '../../utils/protocol/inspector-messages';
import type { DraftListing } from '../../utils/protocol/report-drafts';
import { DraftListingSchema } from '../../utils/protocol/report-drafts';
import type { CaseStory } from '../../utils/protocol/review';
import '../../components/page.css';
import './style.css';

useCatalogues(ALL_MESSAGES);

const root = document.getElementById('app');
const fixedTab = Number(new URLSearchParams(location.search).get('tab') ?? Number.NaN);
let tabId: number | null = Number.isInteger(fixedTab) ? fixedTab : null;
let session: InspectorSession | null = null;
let focus: DraftListing | null = null;
let target: 'item' | 'seller' = 'item';
let story: CaseStory | null = null;
let images: Record<string, string> = {};
let outbox: PendingAction[] = [];
let busy = false;
let message: string | null = null;
/** Whether the browser lets us capture a tab: `<all_urls>`, asked for by the inspector's press. */
let canCapture = true;
const CAPTURE_ACCESS = { origins: [...EVIDENCE_CAPTURE_ORIGINS] };

async function readCaptureAccess(): Promise<void> {
  canCapture = await browser.permissions.contains(CAPTURE_ACCESS).catch(() => false);
}

/** The browser's own prompt, at the inspector's press (a permission is asked for only in a gesture). */
function allowCapture(): void {
  void browser.permissions
    .request(CAPTURE_ACCESS)
    .catch(() => false)
    .then(async (granted) => {
      await readCaptureAccess();
      message = t(granted && canCapture ? 'panelCaptureAllowed' : 'panelCaptureRefused');
      show();
    });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function show(): void {
  if (!root) return;
  render(
    <InspectorPanel
      session={session}
      focus={focus}
      target={target}
      onTarget={(next) => {
        target = next;
        void loadStory();
      }}
      story={story}
      images={images}
      outbox={outbox}
      busy={busy}
      message={message}
      onAct={(request) => void act(request)}
      onAttach={() => void attach()}
      canCapture={canCapture}
      onAllowCapture={allowCapture}
      onRetry={(id) => void retry(id)}
      optionsUrl={browser.runtime.getURL('/options.html')}
    />,
    root,
  );
}

const targetKey = () =>
  focus ? (target === 'seller' && focus.listing.sellerKey) || focus.listing.itemKey : null;

/** The listing the inspector chose with "Xử lý", else the one the tab's page is about. */
async function readFocus(): Promise<DraftListing | null> {
  if (tabId === null) return null;
  const chosen = (await sendMessage('inspectorFocus', { tabId })).focus;
  if (chosen) return chosen;
  const fromTab = await browser.tabs.sendMessage(tabId, { type: 'listing' }).catch(() => null);
  const checked = DraftListingSchema.safeParse(fromTab);
  return checked.success ? checked.data : null;
}

async function loadStory(): Promise<void> {
  const key = targetKey();
  if (!key || !session?.signedIn) {
    story = null;
    show();
    return;
  }
  try {
    const answer = await sendMessage('inspectorStory', { key });
    story = answer.story;
    for (const evidence of story?.evidence ?? []) {
      const shot = evidence.screenshot;
      if (!shot || images[shot.sha256]) continue;
      const file = await sendMessage('inspectorFile', { path: shot.url }).catch(() => null);
      if (file?.dataUrl) images = { ...images, [shot.sha256]: file.dataUrl };
    }
  } catch (error) {
    story = null;
    message = errorText(error);
  }
  show();
}

async function load(): Promise<void> {
  try {
    await readCaptureAccess();
    session = await sendMessage('inspectorSession', {});
    const [preferences] = await Promise.all([sendMessage('getPreferences', {})]);
    setLanguage(preferences.language);
    document.documentElement.lang = preferences.language;
    if (tabId === null) {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      tabId = active?.id ?? null;
    }
    focus = session.signedIn ? await readFocus() : null;
    outbox = session.signedIn
      ? (await sendMessage('inspectorActions', {})).actions.filter(
          (action) => action.state !== 'delivered',
        )
      : [];
  } catch (error) {
    message = errorText(error);
  }
  show();
  await loadStory();
  document.body.dataset.ready = 'true';
  document.body.dataset.loaded = String(Date.now());
}

async function act(request: ActionRequest): Promise<void> {
  busy = true;
  show();
  try {
    await sendMessage('inspectorAct', request);
    message = t('panelSaved');
  } catch (error) {
    message = errorText(error);
  }
  busy = false;
  await load();
}

const REFUSALS = {
  closed: 'panelCaptureClosed',
  elsewhere: 'panelCaptureElsewhere',
  moved: 'panelCaptureMoved',
} as const;

/**
 * Evidence of the listing: the background brings its tab to the front and captures it (best JPEG
 * under 1 MB) only while it shows that listing's page, with the listing snapshot and the address.
 */
async function attach(): Promise<void> {
  const key = targetKey();
  if (!focus || !key || tabId === null) return;
  busy = true;
  show();
  try {
    const answer = await sendMessage('inspectorEvidence', {
      tabId,
      key,
      listing: focus.listing,
      ...(focus.sellerName ? { sellerName: focus.sellerName } : {}),
    });
    message = answer.refused
      ? t(REFUSALS[answer.refused], answer.seen ?? t('panelCaptureUnknownPage'))
      : answer.screenshotError
        ? canCapture
          ? t('panelScreenshotFailed', answer.screenshotError)
          : t('panelCaptureNoAccess')
        : t('panelSaved');
  } catch (error) {
    message = errorText(error);
  }
  busy = false;
  await load();
}

async function retry(id: string): Promise<void> {
  outbox = (await sendMessage('inspectorActions', { retry: id })).actions;
  await load();
}

browser.runtime.onMessage.addListener((raw: unknown) => {
  const change = raw as { type?: unknown; tabId?: unknown } | null;
  if (change?.type !== PANEL_CHANGED) return undefined;
  if (change.tabId === undefined || change.tabId === tabId) void load();
  return undefined;
});
// A side panel follows the tab the inspector switches to; a window stays on its own tab.
if (!Number.isInteger(fixedTab)) {
  browser.tabs.onActivated.addListener(({ tabId: activated }) => {
    tabId = activated;
    target = 'item';
    void load();
  });
}
browser.tabs.onUpdated.addListener((updated, change) => {
  if (updated === tabId && change.status === 'complete') void load();
});

void load();
