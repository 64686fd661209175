/**
 * Inspector mode in the background: what a page is shown about its keys (an authenticated, batched
 * `GET /v1/lookup`, cached for a minute, merged with this inspector's actions still on their way),
 * the listing each tab's panel works on, and every action, saved to the outbox before it is sent.
 */

import type { ActionEntry } from '../../../utils/outbox/action-entry';
import { newDelivery } from '../../../utils/outbox/delivery';
import { decodeScreenshot } from '../../../utils/outbox/screenshot-bytes';
import {
  CaseStorySchema,
  emptySummary,
  type InspectorLookupEntry,
  InspectorLookupSchema,
  QueuePageSchema,
  type QueueQuery,
  StatsSchema,
} from '../../../utils/protocol/registry/review';
import type {
  InspectorEntry,
  InspectorFocus,
  PendingAction,
} from '../../../utils/protocol/runtime/inspector';
import type {
  ActionRequest,
  EvidenceAction,
} from '../../../utils/protocol/runtime/inspector-messages';
import type { DraftListing } from '../../../utils/protocol/runtime/report-drafts';
import type { ScreenshotInput } from '../../../utils/protocol/runtime/report-messages';
import { snapshotBytes } from '../../../utils/report/snapshot';
import type { ActionOutbox } from './action-outbox';
import type { InspectorCalls } from './inspector-calls';
import { InspectorError, type InspectorSessionApi } from './inspector-session';

/** The registry's answer about a key is reused for this long (an inspector scrolls back and forth). */
export const LOOKUP_TTL_MS = 60_000;
/** Keys asked of the registry at once (its limit is MAX_LOOKUP_KEYS). */
const LOOKUP_BATCH = 100;
/** The cache forgets the oldest answers beyond this many keys. */
const CACHE_KEYS = 5_000;

export interface InspectorServiceDeps {
  session: InspectorSessionApi;
  calls: InspectorCalls;
  actions: ActionOutbox;
  now(): Date;
  uuid(): string;
  sha256(bytes: Uint8Array): Promise<string>;
  /** An action was saved: send it now. */
  deliver(): void;
}

export function pendingOf(entry: ActionEntry): PendingAction {
  const { delivery } = entry;
  const shot = entry.screenshot?.delivery;
  // Evidence is done when its screenshot is; until then it shows as the worse of its two steps.
  const state =
    delivery.state === 'delivered' && shot && shot.state !== 'delivered'
      ? shot.state
      : delivery.state;
  const error = (state === delivery.state ? delivery : (shot ?? delivery)).lastError;
  return {
    id: entry.id,
    kind: entry.action.kind,
    key: entry.key,
    ...(entry.action.kind === 'decision' ? { status: entry.action.body.status } : {}),
    state: state === 'local' ? 'pending' : state,
    createdAt: entry.createdAt,
    ...(error ? { error: `${error.code}: ${error.message}`.slice(0, 300) } : {}),
  };
}

export function createInspectorService(deps: InspectorServiceDeps) {
  const { session, calls, actions } = deps;
  const cache = new Map<string, { entry: InspectorLookupEntry | null; at: number }>();
  const focusByTab = new Map<number, InspectorFocus>();

  function remember(key: string, entry: InspectorLookupEntry | null, at: number) {
    cache.delete(key);
    cache.set(key, { entry, at });
    if (cache.size > CACHE_KEYS) cache.delete(cache.keys().next().value as string);
  }

  async function registryEntries(keys: readonly string[]): Promise<InspectorLookupEntry[]> {
    const now = deps.now().getTime();
    const missing = keys.filter((key) => {
      const hit = cache.get(key);
      return !hit || now - hit.at > LOOKUP_TTL_MS;
    });
    for (let start = 0; start < missing.length; start += LOOKUP_BATCH) {
      const batch = missing.slice(start, start + LOOKUP_BATCH);
      const query = batch.map(encodeURIComponent).join(',');
      const { entries } = await calls.json(`/v1/lookup?keys=${query}`, (raw) =>
        InspectorLookupSchema.parse(raw),
      );
      const known = new Map(entries.map((entry) => [entry.key, entry]));
      for (const key of batch) remember(key, known.get(key) ?? null, now);
    }
    return keys.flatMap((key) => {
      const entry = cache.get(key)?.entry;
      return entry ? [entry] : [];
    });
  }

  async function pendingFor(keys: readonly string[]): Promise<PendingAction[]> {
    const tokenId = await session.tokenId();
    return (await actions.ofKeys(keys))
      .filter((entry) => entry.tokenId === tokenId)
      .map(pendingOf)
      .filter((action) => action.state !== 'delivered');
  }

  async function save(
    key: string,
    action: ActionEntry['action'],
    screenshot?: ScreenshotInput,
  ): Promise<PendingAction> {
    const registryUrl = await session.registryUrl();
    const tokenId = await session.tokenId();
    if (!registryUrl || !tokenId) throw new InspectorError('signed_out', 'inspector mode is off');
    const now = deps.now();
    const shot = screenshot ? await decodeScreenshot(screenshot, now) : null;
    const entry: ActionEntry = {
      id: action.body.id ?? deps.uuid(),
      key,
      createdAt: now.toISOString(),
      registryUrl,
      tokenId,
      action,
      delivery: newDelivery(now, true),
      ...(shot ? { screenshot: shot } : {}),
    };
    await actions.put(entry);
    cache.delete(key);
    deps.deliver();
    return pendingOf(entry);
  }

  return {
    /** The page's view of its keys; the keys the registry does not know are left out. */
    async pageEntries(keys: readonly string[]): Promise<InspectorEntry[]> {
      const pending = await pendingFor(keys);
      const known = await registryEntries(keys);
      const entries: InspectorEntry[] = known.map((entry) => ({
        ...entry,
        pending: pending.filter((action) => action.key === entry.key),
      }));
      // An action on a key the registry does not know yet (a first note on an unreported listing).
      for (const action of pending) {
        if (entries.some((entry) => entry.key === action.key)) continue;
        entries.push({
          key: action.key,
          case: emptySummary(action.key),
          record: null,
          decisions: [],
          notes: [],
          evidence: [],
          attached: [],
          pending: pending.filter((other) => other.key === action.key),
        });
      }
      return entries;
    },

    /** A delivered action: the next page view asks the registry again. */
    forget(key: string) {
      cache.delete(key);
    },
    forgetAll() {
      cache.clear();
      focusByTab.clear();
    },

    focus(tabId: number, listing: DraftListing): InspectorFocus {
      const focus = { ...listing, tabId, at: deps.now().toISOString() };
      focusByTab.set(tabId, focus);
      return focus;
    },
    focusOf: (tabId: number) => focusByTab.get(tabId) ?? null,
    dropTab(tabId: number) {
      focusByTab.delete(tabId);
    },

    async story(key: string) {
      const response = await calls.call(`/v1/review/keys/${encodeURIComponent(key)}`);
      const pending = await pendingFor([key]);
      if (response.status === 404) return { story: null, pending };
      if (!response.ok) throw new InspectorError(`http_${response.status}`, 'the registry refused');
      return { story: CaseStorySchema.parse(await response.json()), pending };
    },

    async act(request: ActionRequest | EvidenceAction): Promise<PendingAction> {
      const id = deps.uuid();
      if (request.kind === 'decision') {
        const { kind: _, ...decision } = request;
        return save(request.key, { kind: 'decision', body: { id, ...decision } });
      }
      if (request.kind === 'note') {
        return save(request.key, {
          kind: 'note',
          body: { id, key: request.key, text: request.text },
        });
      }
      const capturedAt = deps.now().toISOString();
      // The listing in the reports' fixed field order, then who sold it, when it was taken and the
      // address the tab showed then (the page the screenshot is of).
      const snapshot = JSON.stringify({
        listing: JSON.parse(new TextDecoder().decode(snapshotBytes(request.listing))),
        ...(request.sellerName ? { sellerName: request.sellerName } : {}),
        capturedAt,
        pageUrl: request.pageUrl,
      });
      const snapshotSha256 = await deps.sha256(new TextEncoder().encode(snapshot));
      return save(
        request.key,
        {
          kind: 'evidence',
          body: { id, key: request.key, capturedAt, snapshot, snapshotSha256 },
        },
        request.screenshot,
      );
    },

    async list(): Promise<PendingAction[]> {
      return (await actions.all()).entries.map(pendingOf).reverse();
    },

    queue(query: QueueQuery) {
      const params = new URLSearchParams(
        Object.entries(query).flatMap(([name, value]) =>
          value === undefined ? [] : [[name, String(value)]],
        ),
      );
      const suffix = params.size > 0 ? `?${params}` : '';
      return calls.json(`/v1/review/queue${suffix}`, (raw) => QueuePageSchema.parse(raw));
    },

    stats(days: number | undefined) {
      return calls.json(`/v1/review/stats${days ? `?days=${days}` : ''}`, (raw) =>
        StatsSchema.parse(raw),
      );
    },

    /** A screenshot (as a data: URL) or a snapshot (as text) from the registry. */
    async file(path: string) {
      const response = await calls.call(path);
      if (!response.ok) throw new InspectorError(`http_${response.status}`, `${path} is not there`);
      const mediaType = response.headers.get('Content-Type') ?? 'application/octet-stream';
      const bytes = new Uint8Array(await response.arrayBuffer());
      const sha256 = await deps.sha256(bytes);
      if (mediaType.startsWith('image/')) {
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) {
          binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        }
        return { mediaType, dataUrl: `data:${mediaType};base64,${btoa(binary)}`, sha256 };
      }
      return { mediaType, text: new TextDecoder().decode(bytes), sha256 };
    },
  };
}

export type InspectorService = ReturnType<typeof createInspectorService>;
