/**
 * The inspector's actions on the one courier (utils/outbox/courier.ts): each sent only with the
 * token it was taken with; evidence as its snapshot, then its screenshot.
 */
import { ACTION_PATHS, type ActionEntry } from '../../../utils/outbox/action-entry';
import { createCourier } from '../../../utils/outbox/courier';
import { type AttemptOutcome, unreachable } from '../../../utils/outbox/delivery';
import { attemptOutcome } from '../../../utils/outbox/registry-client';
import type { ActionOutbox } from './action-outbox';
import type { InspectorCalls } from './inspector-calls';

export interface ActionCourierDeps {
  actions: ActionOutbox;
  calls: InspectorCalls;
  now(): Date;
  random(): number;
  wakeAt(at: Date | null): void;
  /** An action was acknowledged: the page's view of its key is stale. */
  onDelivered(entry: ActionEntry): void;
}

/**
 * Retried with backoff on network errors, 5xx, 408 and 429, refused on any other 4xx with the
 * registry's reason kept. The registry records each action once by its id, so an answer lost on the
 * way costs nothing but a repeat.
 */
export function createActionCourier(deps: ActionCourierDeps) {
  async function send(
    entry: ActionEntry,
    path: string,
    init: RequestInit,
  ): Promise<AttemptOutcome> {
    try {
      const response = await deps.calls.call(path, init, entry.tokenId);
      return await attemptOutcome(response, deps.now());
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Signed out, or signed in with another token: only the token that took it may send it.
      if (code === 'signed_out' || code === 'other_token') {
        return {
          kind: 'refused',
          error: { status: 0, code, message: error instanceof Error ? error.message : code },
        };
      }
      return unreachable(error);
    }
  }

  const courier = createCourier<ActionEntry, string, AttemptOutcome>(
    {
      // Sent with the token it was taken with, whichever is signed in (send refuses another).
      target: async (entry) => entry.tokenId,
      send: (entry) =>
        send(entry, ACTION_PATHS[entry.action.kind], {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(entry.action.body),
        }),
      acknowledged: (entry) => entry.delivery.state === 'delivered',
      sendScreenshot: (entry, shot) =>
        send(entry, `/v1/review/evidence/${entry.id}/screenshot`, {
          method: 'PUT',
          headers: { 'Content-Type': shot.mediaType },
          body: shot.bytes as BodyInit,
        }),
      onDelivered: deps.onDelivered,
    },
    { outbox: deps.actions, now: deps.now, random: deps.random, wakeAt: deps.wakeAt },
  );

  return {
    /** Sends whatever is due; a call made while it runs makes it look again, never run twice. */
    deliverDue: courier.deliverDue,
  };
}

export type ActionCourier = ReturnType<typeof createActionCourier>;
