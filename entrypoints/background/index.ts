/**
 * The background (service worker in Chromium, event page in Firefox): wiring only. Each service is
 * built in its room (data/, sync/, scam-sites/, reports/, inspector/, preferences/, tabs/,
 * messages/) or in utils/outbox/, handed the browser's APIs, and tied to the browser's events here.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRegistryClient } from '../../utils/outbox/registry-client';
import { createOutboxWake } from '../../utils/outbox/wake';
import { createDispatcher } from '../../utils/protocol/runtime/dispatch';
import { portableListener } from '../../utils/protocol/runtime/listener';
import { requestPortListener } from '../../utils/protocol/runtime/port-listener';
import { maySend } from '../../utils/report/data-consent';
import { closeLeftoverCheckers, openCheckers } from './data/check-host';
import { createDataService } from './data/data-service';
import { FEED_CONFIG } from './data/feed-config';
import { databaseOpener } from './data/open-database';
import { readPackageFile } from './data/package-files';
import { createE2eSeams } from './e2e-seams';
import { browserCaptureApis } from './inspector/inspector-capture';
import { createInspectorMode } from './inspector/inspector-mode';
import { createInspectorUi } from './inspector/inspector-ui';
import { createHandlers } from './messages/handlers';
import { createFirstRun } from './onboarding/first-run';
import { createPreferencesService } from './preferences/preferences-service';
import { createDraftStore } from './reports/draft-store';
import { createLayoutReportSender } from './reports/layout-report';
import { createRegistrySetting, DEFAULT_REGISTRY_URL } from './reports/registry-setting';
import { createReportCalls } from './reports/report-calls';
import { browserGestureApis, createReportGestures } from './reports/report-gestures';
import { createReportOutbox } from './reports/report-outbox';
import { createReportService } from './reports/report-service';
import {
  allowForSession,
  createBlockRuleKeeper,
  ruleApiOf,
  warningFor,
} from './scam-sites/block-rule';
import { createSyncSchedule } from './sync/sync-schedule';
import { createTabStatusStore, type SessionArea } from './tabs/tab-status';
import { createToolbarCount } from './tabs/toolbar-count';

export default defineBackground(() => {
  closeLeftoverCheckers();
  const rules = ruleApiOf(browser);
  const openDb = databaseOpener();
  const seams = createE2eSeams();
  const preferences = createPreferencesService({ openDb, now: () => new Date() });
  const blockRule = createBlockRuleKeeper({
    rules,
    alarms: browser.alarms,
    refresh: () => data.refreshBlockList(),
  });
  const data = createDataService({
    openDb,
    readPackageFile,
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    feed: FEED_CONFIG,
    openCheckers,
    onBlockListChanged: (blocked) => blockRule.apply(blocked),
  });
  const schedule = createSyncSchedule({ alarms: browser.alarms, data });
  // Reports, their statuses and inspector mode all speak to the registry through this one client.
  const registry = createRegistryClient({ fetch: (input, init) => fetch(input, init) });
  const registrySetting = createRegistrySetting(openDb);
  const reports = createReportService({
    outbox: createReportOutbox(openDb, () => crypto.randomUUID()),
    registry: createReportCalls({ registry, now: () => new Date() }),
    registrySetting,
    defaultRegistryUrl: DEFAULT_REGISTRY_URL,
    version: browser.runtime.getManifest().version,
    now: seams.reportsNow,
    random: Math.random,
    uuid: () => crypto.randomUUID(),
    wakeAt: (at) => wake.wakeAt('reports', at),
    // Firefox's data consent withdrawn (about:addons) after a report was saved: it waits, unsent.
    maySend,
  });
  const inspectorUi = createInspectorUi(browser);
  const inspector = createInspectorMode({
    openDb,
    registry,
    now: () => new Date(),
    random: Math.random,
    uuid: () => crypto.randomUUID(),
    wakeAt: (at) => wake.wakeAt('actions', at),
    modeChanged: inspectorUi.modeChanged,
    viewsChanged: inspectorUi.viewsChanged,
    openPanel: inspectorUi.openPanel,
    focusChanged: inspectorUi.focusChanged,
    tabs: browserCaptureApis(browser),
  });
  // One alarm for both outboxes, set for whichever is due first.
  const wake = createOutboxWake<'reports' | 'actions'>({
    alarms: browser.alarms,
    now: seams.reportsNow,
    deliver: async () => {
      await Promise.all([reports.deliverDue(), inspector.deliverDue()]);
    },
    refreshStatuses: () => reports.refreshStatuses(false),
  });
  const drafts = createDraftStore({
    openDb,
    now: () => new Date(),
    uuid: () => crypto.randomUUID(),
  });
  const gestures = createReportGestures({
    drafts,
    now: () => new Date(),
    apis: browserGestureApis(browser),
  });

  const tabs = createTabStatusStore(browser.storage.session as SessionArea | undefined);
  const dispatch = createDispatcher(
    createHandlers({
      sendLayoutReport: createLayoutReportSender({
        registryUrl: () =>
          registrySetting
            .get()
            .then((chosen) => (chosen === undefined ? DEFAULT_REGISTRY_URL : chosen)),
        fetch: (input, init) => fetch(input, init),
      }),
      data,
      preferences,
      reports,
      drafts,
      tabs,
      now: () => new Date(),
      showCount: createToolbarCount(browser.action ?? browser.browserAction),
      async allowDomain(domain) {
        if (rules) await allowForSession(rules, domain);
      },
      inspectorMode: inspector.handlers,
    }),
    { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
  );

  browser.runtime.onMessage.addListener(portableListener(dispatch));
  // Lookups come on a long-lived port from each page (cheaper than a one-off message each time).
  browser.runtime.onConnect.addListener(requestPortListener(dispatch));
  void gestures.installMenu();
  browser.contextMenus?.onClicked.addListener((info, tab) => gestures.onMenu(info, tab));
  browser.commands?.onCommand.addListener((command, tab) => {
    if (tab) gestures.onCommand(command, tab);
    else
      void browser.tabs
        .query({ active: true, currentWindow: true })
        .then(([active]) => gestures.onCommand(command, active));
  });
  seams.expose({ reportFrom: gestures.reportFrom, submitReport: reports.submit });
  const firstRun = createFirstRun({
    storage: browser.storage.local,
    openTab: (url) => browser.tabs.create({ url }),
    pageUrl: browser.runtime.getURL('/onboarding.html' as '/popup.html'),
    now: () => new Date(),
  });
  browser.runtime.onInstalled.addListener((details) => {
    // The onboarding tab opens first (install only); the data's refresh and sync run as on any event.
    void firstRun.onInstalled(details).catch(() => undefined);
    void (async () => {
      await data.refreshShippedData();
      await schedule.syncThenSchedule();
    })();
  });
  // Alarms may not survive a browser restart: every start makes sure of them (and syncs if due).
  void schedule.onStart();
  // Reports wait in the outbox across restarts: whatever is due goes now, and when back online.
  void wake.onStart();
  globalThis.addEventListener?.('online', () => {
    void reports.hurry();
    void inspector.deliverDue();
  });
  browser.runtime.onStartup.addListener(() => void data.refreshBlockList());
  browser.alarms.onAlarm.addListener((alarm) => {
    void schedule.onAlarm(alarm.name);
    void blockRule.onAlarm(alarm.name);
    void wake.onAlarm(alarm.name);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.remove(tabId);
    inspector.service.dropTab(tabId);
  });
  // The toolbar says whether inspector mode is on from the start.
  void inspector.session.view().then(inspectorUi.showMode);
  // A page load starts afresh: the new page's content script (if any) reports its own status.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabs.remove(tabId);
  });
  // A top-level navigation the block rule stopped: show why, on our page.
  browser.webNavigation.onErrorOccurred.addListener((details) => {
    if (details.frameId !== 0) return;
    void warningFor(data, details.url, (path) => browser.runtime.getURL(path as '/')).then(
      (url) => {
        if (url) return browser.tabs.update(details.tabId, { url });
      },
    );
  });
});
