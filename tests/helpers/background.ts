/** The background's handlers behind the real dispatcher, on fake-indexeddb and WXT's fake browser. */
import { randomUUID } from 'node:crypto';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createInspectorMode } from '../../entrypoints/background/inspector/inspector-mode';
import { createHandlers } from '../../entrypoints/background/messages/handlers';
import { createPreferencesService } from '../../entrypoints/background/preferences/preferences-service';
import { createDraftStore } from '../../entrypoints/background/reports/draft-store';
import {
  createTabStatusStore,
  type SessionArea,
} from '../../entrypoints/background/tabs/tab-status';
import { openDatabase } from '../../utils/db/database';
import { createRegistryClient } from '../../utils/outbox/registry-client';
import { createDispatcher } from '../../utils/protocol/runtime/dispatch';
import { reportService } from './report-service';
import { shippedService } from './shipped-data';

export const NOW = new Date('2026-11-28T12:00:00Z');
export const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
/** A content script's sender: a Shopee tab. */
export const tab = { id: 'ext-id', url: 'https://shopee.vn/search?keyword=a', tab: { id: 12 } };
/** An extension page's sender. */
export const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

export function background(
  openDb: () => ReturnType<typeof openDatabase> = () => openDatabase(),
  fetch?: typeof globalThis.fetch,
) {
  const inspector = createInspectorMode({
    openDb,
    registry: createRegistryClient({ fetch: fetch ?? (async () => Response.error()) }),
    now: () => NOW,
    random: () => 0.5,
    uuid: randomUUID,
    wakeAt: () => undefined,
    modeChanged: vi.fn(),
    viewsChanged: vi.fn(),
    openPanel: vi.fn(async () => 'window' as const),
    focusChanged: vi.fn(),
    tabs: {
      getTab: async (tabId) => Promise.reject(new Error(`No tab with id: ${tabId}.`)),
      activate: async () => undefined,
      captureVisibleTab: async () => Promise.reject(new Error('no window')),
      sendToTab: async () => null,
      settle: async () => undefined,
    },
  });
  const reports = reportService({ openDb, now: () => NOW, ...(fetch ? { fetch } : {}) });
  const showCount = vi.fn(async () => undefined);
  const allowDomain = vi.fn(async () => undefined);
  const layoutReports: unknown[] = [];
  const sendLayoutReport = vi.fn(async (report: unknown) => void layoutReports.push(report));
  const tabs = createTabStatusStore(fakeBrowser.storage.session as unknown as SessionArea);
  const dispatch = createDispatcher(
    createHandlers({
      data: shippedService({ openDb }),
      preferences: createPreferencesService({ openDb, now: () => NOW }),
      reports: reports.service,
      drafts: createDraftStore({ openDb, now: () => NOW, uuid: randomUUID }),
      tabs,
      showCount,
      allowDomain,
      sendLayoutReport,
      inspectorMode: inspector.handlers,
      now: () => NOW,
    }),
    self,
  );
  return { dispatch, showCount, allowDomain, tabs, reports, inspector, layoutReports };
}
