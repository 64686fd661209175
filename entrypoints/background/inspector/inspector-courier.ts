/**
 * Delivers the inspector's actions with the reports' state machine (utils/report/delivery.ts):
 * retried with backoff on network errors, 5xx, 408 and 429, refused on any other 4xx with the
 * registry's reason kept, and sent only with the token they were taken with. Evidence goes in two
 * steps, the snapshot and then its screenshot. The registry records each action once by its id, so
 * an answer lost on the way costs nothing but a repeat.
 */
import { ACTION_PATHS, type ActionEntry } from '../../../utils/outbox/action-entry';
import {
  type AttemptOutcome,
  afterAttempt,
  classifyAnswer,
  deliveryPass,
  isDue,
  nextWake,
  serialDelivery,
  unreachable,
} from '../../../utils/outbox/delivery';
import type { ActionStore } from './inspector-outbox';
import type { InspectorSessionApi } from './inspector-session';

export interface ActionCourierDeps {
  actions: ActionStore;
  session: InspectorSessionApi;
  now(): Date;
  random(): number;
  wakeAt(at: Date | null): void;
  /** An action was acknowledged: the page's view of its key is stale. */
  onDelivered(entry: ActionEntry): void;
}

async function errorBody(response: Response) {
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string };
  } | null;
  return body?.error ?? null;
}

export function createActionCourier(deps: ActionCourierDeps) {
  const { actions, session } = deps;

  async function send(
    entry: ActionEntry,
    path: string,
    init: RequestInit,
  ): Promise<AttemptOutcome> {
    try {
      const response = await session.call(path, init, entry.tokenId);
      return classifyAnswer(
        response.status,
        response.headers.get('Retry-After'),
        response.ok ? null : await errorBody(response),
        deps.now(),
      );
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

  async function deliverOne(entry: ActionEntry): Promise<void> {
    if (isDue(entry.delivery, deps.now())) {
      const { action } = entry;
      const result = await send(entry, ACTION_PATHS[action.kind], {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(action.body),
      });
      const answeredAt = deps.now();
      const updated = await actions.update(entry.id, (current) => ({
        ...current,
        delivery: afterAttempt(current.delivery, result, answeredAt, deps.random),
      }));
      if (updated?.delivery.state === 'delivered' && !updated.screenshot) deps.onDelivered(updated);
    }
    const current = await actions.get(entry.id);
    const shot = current?.screenshot;
    if (!current || !shot || current.delivery.state !== 'delivered') return;
    if (!isDue(shot.delivery, deps.now())) return;
    const result = await send(current, `/v1/review/evidence/${current.id}/screenshot`, {
      method: 'PUT',
      headers: { 'Content-Type': shot.mediaType },
      body: shot.bytes as BodyInit,
    });
    const answeredAt = deps.now();
    const updated = await actions.update(current.id, (latest) =>
      latest.screenshot
        ? {
            ...latest,
            screenshot: {
              ...latest.screenshot,
              delivery: afterAttempt(latest.screenshot.delivery, result, answeredAt, deps.random),
            },
          }
        : null,
    );
    if (updated?.screenshot?.delivery.state === 'delivered') deps.onDelivered(updated);
  }

  return {
    /** Sends whatever is due; a call made while it runs makes it look again, never run twice. */
    deliverDue: serialDelivery(
      async () => deliveryPass(await actions.all(), deps.now, actions.update, deliverOne),
      async () => deps.wakeAt(nextWake(await actions.all())),
    ),
  };
}

export type ActionCourier = ReturnType<typeof createActionCourier>;
