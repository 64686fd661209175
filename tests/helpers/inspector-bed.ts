/**
 * Inspector mode behind the real dispatcher on fake-indexeddb, with a scripted registry: it knows
 * tokens, answers whoami, lookups, stories and actions, and can be told to fail or to refuse a
 * token. Every request is recorded with its headers and body.
 */
import { randomUUID } from 'node:crypto';
import { vi } from 'vitest';
import type { CaptureApis } from '../../entrypoints/background/inspector/inspector-capture';
import { createInspectorHandlers } from '../../entrypoints/background/inspector/inspector-handlers';
import { createInspectorMode } from '../../entrypoints/background/inspector/inspector-mode';
import { openDatabase } from '../../utils/db/database';
import { createRegistryClient } from '../../utils/outbox/registry-client';
import { createDispatcher, type Handlers } from '../../utils/protocol/runtime/dispatch';

export const REGISTRY = 'https://registry.test';
export const TOKEN = 'shr_0123456789ab_secretsecretsecretsecretsecretsecretsecret0';
export const OTHER_TOKEN = 'shr_ba9876543210_othersecretothersecretothersecretothersecr0';
export const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
export const shopeeTab = {
  id: 'ext-id',
  url: 'https://shopee.vn/search?keyword=a',
  tab: { id: 7 },
};
export const panelPage = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };

export interface Recorded {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

export interface FakeTab {
  windowId: number;
  active: boolean;
  /** The address, when the browser lets the extension read it. */
  url?: string;
  /** The content script's answer to `page`; none on a page without ours. */
  page?: { url: string; itemKey: string | null };
}

/** What the fake browser's capture returns: a JPEG's first bytes. */
export const JPEG = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64')}`;

type Answer = number | 'offline' | { status: number; code: string };

export function inspectorBed() {
  let now = new Date('2026-12-03T08:00:00Z');
  const requests: Recorded[] = [];
  const refused = new Map<string, string>();
  const script: Answer[] = [];
  const tokens: Record<string, { tokenId: string; name: string }> = {
    [TOKEN]: { tokenId: '0123456789ab', name: 'Thanh tra viên A' },
    [OTHER_TOKEN]: { tokenId: 'ba9876543210', name: 'Thanh tra viên B' },
  };
  /** The cases the registry's review queue lists, in its order. */
  const queue: unknown[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    const authorization = headers.get('Authorization');
    const raw = init.body;
    const body =
      typeof raw === 'string'
        ? JSON.parse(raw)
        : raw instanceof Uint8Array
          ? Array.from(raw as Uint8Array)
          : null;
    requests.push({
      method: init.method ?? 'GET',
      path: url.pathname + url.search,
      authorization,
      body,
    });
    const token = authorization?.replace(/^Bearer /, '') ?? '';
    const who = tokens[token];
    if (!who) return json(401, { error: { code: 'invalid_token', message: 'unknown token' } });
    const cause = refused.get(token);
    if (cause) return json(401, { error: { code: cause, message: cause } });
    const next = script.shift();
    if (next === 'offline') throw new TypeError('Failed to fetch');
    if (typeof next === 'number')
      return json(next, { error: { code: `http_${next}`, message: 'x' } });
    if (next) return json(next.status, { error: { code: next.code, message: next.code } });
    if (url.pathname === '/v1/review/whoami') {
      return json(200, { ...who, role: 'inspector', expiresAt: '2027-01-01T00:00:00.000Z' });
    }
    if (url.pathname === '/v1/lookup') {
      const keys = (url.searchParams.get('keys') ?? '').split(',');
      return json(200, {
        entries: keys
          .filter((key) => key.startsWith('shopee:item:'))
          .map((key) => ({
            key,
            case: {
              key,
              status: 'open',
              reports: 3,
              reasons: { counterfeit: 3 },
              appeals: 0,
              firstSeen: '2026-12-01T00:00:00.000Z',
              lastSeen: '2026-12-02T00:00:00.000Z',
            },
            record: null,
            decisions: [],
            notes: [],
            evidence: [],
            attached: [],
          })),
      });
    }
    if (url.pathname === '/v1/review/queue') {
      // The review queue, paged as the registry pages it: an opaque cursor, `limit` cases a page.
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const to = from + limit;
      return json(200, {
        items: queue.slice(from, to),
        next: to < queue.length ? String(to) : null,
      });
    }
    if (init.method === 'POST' || init.method === 'PUT') return json(201, { ok: true });
    return json(404, { error: { code: 'not_found', message: 'no' } });
  });

  // The browser's tabs as the evidence capture sees them: each tab's window, whether it is in
  // front, the address the browser lets us read (if any) and what its content script answers.
  const tabs = new Map<number, FakeTab>();
  const captures: Array<{ windowId: number; tabId: number | null }> = [];
  let duringCapture: (() => void) | null = null;
  const frontOf = (windowId: number) =>
    [...tabs.entries()].find(([, tab]) => tab.windowId === windowId && tab.active)?.[0] ?? null;
  const tabApis: CaptureApis = {
    async getTab(tabId) {
      const tab = tabs.get(tabId);
      if (!tab) throw new Error(`No tab with id: ${tabId}.`);
      return { id: tabId, windowId: tab.windowId, active: tab.active, url: tab.url };
    },
    async activate(tabId) {
      const tab = tabs.get(tabId);
      if (!tab) throw new Error(`No tab with id: ${tabId}.`);
      for (const other of tabs.values()) if (other.windowId === tab.windowId) other.active = false;
      tab.active = true;
    },
    async captureVisibleTab(windowId) {
      captures.push({ windowId, tabId: frontOf(windowId) });
      duringCapture?.();
      return JPEG;
    },
    async sendToTab(tabId, request) {
      const tab = tabs.get(tabId);
      if (!tab?.page || request.type !== 'page') throw new Error('Receiving end does not exist.');
      return tab.page;
    },
    settle: async () => undefined,
  };

  const openPanel = vi.fn(async () => 'panel' as const);
  const modeChanged = vi.fn();
  const viewsChanged = vi.fn();
  const wakes: Array<Date | null> = [];
  const openDb = () => openDatabase();
  const mode = createInspectorMode({
    openDb,
    registry: createRegistryClient({ fetch: fetch as unknown as typeof globalThis.fetch }),
    now: () => now,
    random: () => 0.5,
    uuid: randomUUID,
    wakeAt: (at) => wakes.push(at),
    modeChanged,
    viewsChanged,
    openPanel,
    focusChanged: vi.fn(),
    tabs: tabApis,
  });
  const handlers = createInspectorHandlers(mode.handlers) as unknown as Handlers;
  const dispatch = createDispatcher(
    new Proxy(handlers, {
      get: (target, type: string) =>
        (target as Record<string, unknown>)[type] ??
        (async () => {
          throw new Error(`${type} is not part of this bed`);
        }),
    }),
    self,
  );
  return {
    dispatch,
    mode,
    fetch,
    queue,
    requests,
    openPanel,
    modeChanged,
    viewsChanged,
    wakes,
    openDb,
    tabs,
    captures,
    /** Runs while the window is captured (a page moving on meanwhile). */
    duringCapture(run: (() => void) | null) {
      duringCapture = run;
    },
    /** The registry answers the next calls so (after the token checks). */
    answer: (...answers: Answer[]) => script.push(...answers),
    refuse: (token: string, cause: string) => refused.set(token, cause),
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    async call(type: string, payload: unknown, sender: object = panelPage) {
      return dispatch({ type, payload }, sender);
    },
  };
}

export const listing = {
  platform: 'shopee' as const,
  itemKey: 'shopee:item:88.123',
  sellerKey: 'shopee:seller:88',
  title: 'Sữa bột <b>Colos</b> 800g',
  price: 120_000,
  url: 'https://shopee.vn/x-i.88.123',
  seenAt: '2026-12-03T07:59:00.000Z',
};
