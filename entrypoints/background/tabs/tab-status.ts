/**
 * What each tab's content script last reported, for the popup. Kept in storage.session so that it
 * survives the service worker being stopped, and forgotten when the tab closes or the browser quits.
 */
import { type TabStatus, TabStatusSchema } from '../../../utils/protocol/runtime/page-status';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface TabStatusStore {
  set(tabId: number, status: TabStatus): Promise<void>;
  get(tabId: number): Promise<TabStatus | null>;
  remove(tabId: number): Promise<void>;
}

const keyFor = (tabId: number) => `tab:${tabId}`;

export function createTabStatusStore(area: SessionArea | undefined): TabStatusStore {
  const memory = new Map<string, unknown>();
  const store: SessionArea = area ?? {
    get: async (key) => (memory.has(key) ? { [key]: memory.get(key) } : {}),
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) memory.set(key, value);
    },
    remove: async (key) => void memory.delete(key),
  };
  return {
    set: (tabId, status) => store.set({ [keyFor(tabId)]: status }),
    async get(tabId) {
      const key = keyFor(tabId);
      const parsed = TabStatusSchema.safeParse((await store.get(key))[key]);
      return parsed.success ? parsed.data : null;
    },
    remove: (tabId) => store.remove(keyFor(tabId)),
  };
}
