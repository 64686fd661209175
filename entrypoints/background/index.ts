import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../../utils/db/database';
import type { PackageReader } from '../../utils/feed/default-data';
import { createRegistryClient } from '../../utils/outbox/registry-client';
import { createReportWake } from '../../utils/outbox/wake';
import { createDispatcher } from '../../utils/protocol/dispatch';
import { portableListener } from '../../utils/protocol/listener';
import { requestPortListener } from '../../utils/protocol/port-listener';
import { closeLeftoverCheckers, openCheckers } from './data/check-host';
import { createDataService } from './data/data-service';
import { FEED_CONFIG } from './data/feed-config';
import { createInspectorMode } from './inspector/inspector-mode';
import { createInspectorUi } from './inspector/inspector-ui';
import { createHandlers } from './messages/handlers';
import { createPreferencesService } from './preferences/preferences-service';
import { createDraftStore } from './reports/draft-store';
import { createRegistrySetting, DEFAULT_REGISTRY_URL } from './reports/registry-setting';
import { createReportCalls } from './reports/report-calls';
import { createReportGestures } from './reports/report-gestures';
import { createReportOutbox } from './reports/report-outbox';
import { createReportService } from './reports/report-service';
import {
  allowForSession,
  createBlockRuleKeeper,
  type RuleApi,
  warningFor,
} from './scam-sites/block-rule';
import { createSyncSchedule } from './sync/sync-schedule';
import { createTabStatusStore, type SessionArea } from './tabs/tab-status';

const readPackageFile: PackageReader = async (path) => {
  const response = await fetch(browser.runtime.getURL(path as '/'));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
};

export default defineBackground(() => {
  closeLeftoverCheckers();
  const rules = browser.declarativeNetRequest as unknown as RuleApi | undefined;
  let database: ReturnType<typeof openDatabase> | null = null;
  const openDb = () => {
    database ??= openDatabase();
    database.catch(() => {
      database = null;
    });
    return database;
  };
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
  // Reports, their statuses and inspector mode all speak to the registry through this one client.
  const registry = createRegistryClient({ fetch: (input, init) => fetch(input, init) });
  const schedule = createSyncSchedule({ alarms: browser.alarms, data });
  // The e2e build may move the reports' clock back, to make reports "earlier" (tests of the hourly
  // limit and of many reports made offline); every other build keeps the real time.
  let clockShiftMs = 0;
  const reportsNow = () => new Date(Date.now() + clockShiftMs);
  const reports = createReportService({
    outbox: createReportOutbox(openDb, () => crypto.randomUUID()),
    registry: createReportCalls({ registry, now: () => new Date() }),
    registrySetting: createRegistrySetting(openDb),
    defaultRegistryUrl: DEFAULT_REGISTRY_URL,
    version: browser.runtime.getManifest().version,
    now: reportsNow,
    random: Math.random,
    uuid: () => crypto.randomUUID(),
    wakeAt: (at) => wakeAt('reports', at),
  });
  // Reports and inspector actions share one delivery alarm: it is set for whichever is due first.
  const wakes: Record<'reports' | 'actions', Date | null> = { reports: null, actions: null };
  const wakeAt = (outbox: keyof typeof wakes, at: Date | null) => {
    wakes[outbox] = at;
    const times = Object.values(wakes).filter((time): time is Date => time !== null);
    reportWake.wakeAt(times.length === 0 ? null : new Date(Math.min(...times.map(Number))));
  };
  const inspectorUi = createInspectorUi(browser);
  const inspector = createInspectorMode({
    openDb,
    registry,
    now: () => new Date(),
    random: Math.random,
    uuid: () => crypto.randomUUID(),
    wakeAt: (at) => wakeAt('actions', at),
    modeChanged: inspectorUi.modeChanged,
    viewsChanged: inspectorUi.viewsChanged,
    openPanel: inspectorUi.openPanel,
    focusChanged: inspectorUi.focusChanged,
    tabs: {
      getTab: (tabId) => browser.tabs.get(tabId),
      activate: (tabId) => browser.tabs.update(tabId, { active: true }),
      captureVisibleTab: (windowId, options) => browser.tabs.captureVisibleTab(windowId, options),
      sendToTab: (tabId, request) => browser.tabs.sendMessage(tabId, request),
      // A tab just brought to the front is drawn within a frame or two.
      settle: () => new Promise((resolve) => setTimeout(resolve, 250)),
    },
  });
  const drafts = createDraftStore({
    openDb,
    now: () => new Date(),
    uuid: () => crypto.randomUUID(),
  });
  const gestures = createReportGestures({
    drafts,
    now: () => new Date(),
    apis: {
      captureVisibleTab: (windowId, options) => browser.tabs.captureVisibleTab(windowId, options),
      sendToTab: (tabId, request) => browser.tabs.sendMessage(tabId, request),
      openWindow: (url) => browser.windows.create({ url, type: 'popup', width: 560, height: 780 }),
      reportPageUrl: () => browser.runtime.getURL('/report.html'),
      menus: browser.contextMenus,
      message: (name) => browser.i18n.getMessage(name as 'menuReportListing'),
    },
  });
  const reportWake = createReportWake({
    alarms: browser.alarms,
    now: reportsNow,
    deliver: async () => {
      await Promise.all([reports.deliverDue(), inspector.deliverDue()]);
    },
    refreshStatuses: () => reports.refreshStatuses(false),
  });

  const action = browser.action ?? browser.browserAction;
  const tabs = createTabStatusStore(browser.storage.session as SessionArea | undefined);
  const dispatch = createDispatcher(
    createHandlers({
      data,
      preferences,
      reports,
      drafts,
      tabs,
      now: () => new Date(),
      async showCount(tabId, flagged) {
        try {
          await action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
          await action.setBadgeText({ tabId, text: flagged > 0 ? String(flagged) : '' });
        } catch {
          // the tab may have closed meanwhile
        }
      },
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
  // The e2e build lets the end-to-end tests drive the gestures a test cannot make (menu, shortcut).
  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, {
      soiHangE2E: {
        reportFrom: gestures.reportFrom,
        submitReport: reports.submit,
        shiftReportClock(ms: number) {
          clockShiftMs = ms;
        },
      },
    });
  }
  browser.runtime.onInstalled.addListener(() => {
    void (async () => {
      await data.refreshShippedData();
      await schedule.syncThenSchedule();
    })();
  });
  // Alarms may not survive a browser restart: every start makes sure of them (and syncs if due).
  void schedule.onStart();
  // Reports wait in the outbox across restarts: whatever is due goes now, and when back online.
  void reportWake.onStart();
  globalThis.addEventListener?.('online', () => {
    void reports.hurry();
    void inspector.deliverDue();
  });
  browser.runtime.onStartup.addListener(() => void data.refreshBlockList());
  browser.alarms.onAlarm.addListener((alarm) => {
    void schedule.onAlarm(alarm.name);
    void blockRule.onAlarm(alarm.name);
    void reportWake.onAlarm(alarm.name);
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
