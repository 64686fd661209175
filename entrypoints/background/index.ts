import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '@/utils/db/database';
import { ensureDefaultData, type PackageReader } from '@/utils/feed/default-data';
import { LookupIndex } from '@/utils/lookup/lookup-index';
import { createDispatcher } from '@/utils/protocol/dispatch';
import { portableListener } from '@/utils/protocol/listener';
import { createHandlers } from './handlers';
import { createTabStatusStore, type SessionArea } from './tab-status';

const readPackageFile: PackageReader = async (path) => {
  const response = await fetch(browser.runtime.getURL(path as '/'));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
};

export default defineBackground(() => {
  let index: Promise<LookupIndex> | null = null;

  // The index is built on first use: after a worker restart the first lookup pays for it once.
  const getIndex = (): Promise<LookupIndex> => {
    index ??= (async () => {
      const db = await openDatabase();
      try {
        await ensureDefaultData(db, readPackageFile);
        return await LookupIndex.load(db);
      } finally {
        db.close();
      }
    })();
    index.catch(() => {
      index = null; // try again on the next message instead of failing forever
    });
    return index;
  };

  const action = browser.action ?? browser.browserAction;
  const tabs = createTabStatusStore(browser.storage.session as SessionArea | undefined);
  const dispatch = createDispatcher(
    createHandlers({
      index: getIndex,
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
    }),
    { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
  );

  browser.runtime.onMessage.addListener(portableListener(dispatch));
  browser.runtime.onInstalled.addListener(() => void getIndex());
  browser.tabs.onRemoved.addListener((tabId) => void tabs.remove(tabId));
  // A page load starts afresh: the new page's content script (if any) reports its own status.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabs.remove(tabId);
  });
});
