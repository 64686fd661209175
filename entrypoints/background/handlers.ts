/**
 * What the background does for each message. Dependencies come in as arguments so the handlers run
 * the same in unit tests (fake-indexeddb, fake browser) and in the extension.
 */
import type { LookupIndex } from '@/utils/lookup/lookup-index';
import type { Handlers } from '@/utils/protocol/dispatch';
import type { TabStatusStore } from './tab-status';

export interface BackgroundDeps {
  index(): Promise<LookupIndex>;
  tabs: TabStatusStore;
  /** Shows the tab's flagged count on the toolbar icon. */
  showCount(tabId: number, flagged: number): Promise<void>;
  now(): Date;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    async lookup({ keys }) {
      const index = await deps.index();
      return { hits: index.lookup(keys, deps.now()), data: index.data };
    },
    async pageStatus(status, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('pageStatus needs a sender tab');
      await deps.tabs.set(tabId, {
        ...status,
        url: sender.url ?? '',
        updatedAt: deps.now().toISOString(),
      });
      await deps.showCount(tabId, status.flagged);
      return { ok: true };
    },
    async getTabStatus({ tabId }) {
      return { status: await deps.tabs.get(tabId) };
    },
    async getDataStatus() {
      return { data: (await deps.index()).data };
    },
  };
}
