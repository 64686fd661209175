import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../../utils/db/database';
import type { PackageReader } from '../../utils/feed/default-data';
import { createDispatcher } from '../../utils/protocol/dispatch';
import { portableListener } from '../../utils/protocol/listener';
import { requestPortListener } from '../../utils/protocol/port-listener';
import { closeLeftoverCheckers, openCheckers } from './check-host';
import { createDataService } from './data-service';
import { FEED_CONFIG } from './feed-config';
import { createHandlers } from './handlers';
import { createPreferencesService } from './preferences-service';
import { allowForSession, applyBlockRule, type RuleApi, warningFor } from './scam-sites';
import { createTabStatusStore, type SessionArea } from './tab-status';

const SYNC_ALARM = 'feed-sync';

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
  const data = createDataService({
    openDb,
    readPackageFile,
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    feed: FEED_CONFIG,
    openCheckers,
    async onDataChanged(domains) {
      if (!rules) return;
      try {
        await applyBlockRule(rules, domains);
      } catch (error) {
        // Lookups must not fail because a browser refused the rule (limits differ between
        // browsers); scam sites then load without the warning page, and the next change retries.
        console.warn('Soi Hàng: the scam-site rule was not applied', error);
      }
    },
  });

  const scheduleSync = async () => {
    const minutes = await data.syncInterval();
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes !== minutes) {
      await browser.alarms.create(SYNC_ALARM, {
        delayInMinutes: minutes,
        periodInMinutes: minutes,
      });
    }
  };

  const action = browser.action ?? browser.browserAction;
  const tabs = createTabStatusStore(browser.storage.session as SessionArea | undefined);
  const dispatch = createDispatcher(
    createHandlers({
      data,
      preferences,
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
    }),
    { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
  );

  browser.runtime.onMessage.addListener(portableListener(dispatch));
  // Lookups come on a long-lived port from each page (cheaper than a one-off message each time).
  browser.runtime.onConnect.addListener(requestPortListener(dispatch));
  browser.runtime.onInstalled.addListener(() => {
    void (async () => {
      await data.refreshShippedData();
      await data.syncNow();
      await scheduleSync();
    })();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void data.syncNow().then(scheduleSync);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.remove(tabId));
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
