/**
 * Inspector mode assembled: the session (token), its calls on the registry client, the actions'
 * outbox and its courier, and the service the handlers use.
 */
import type { Database } from '../../../utils/db/database';
import { sha256Hex } from '../../../utils/feed-format/hash';
import { restart } from '../../../utils/outbox/delivery';
import type { RegistryClient } from '../../../utils/outbox/registry-client';
import type { InspectorSession } from '../../../utils/protocol/runtime/inspector';
import { createActionCourier } from './action-courier';
import { createActionOutbox } from './action-outbox';
import { createInspectorCalls } from './inspector-calls';
import { type CaptureApis, createEvidenceCapture } from './inspector-capture';
import type { InspectorHandlerDeps } from './inspector-handlers';
import { createInspectorService } from './inspector-service';
import { createInspectorSession } from './inspector-session';

export interface InspectorModeDeps {
  openDb(): Promise<Database>;
  registry: RegistryClient;
  now(): Date;
  random(): number;
  uuid(): string;
  wakeAt(at: Date | null): void;
  /** Signed in or out: the toolbar icon and title follow; every tab starts over. */
  modeChanged(session: InspectorSession): void;
  /** What the registry knows changed (an action saved or acknowledged): tabs and panels refresh. */
  viewsChanged(): void;
  openPanel(tabId: number): Promise<'panel' | 'window' | 'tab'>;
  focusChanged(tabId: number): void;
  /** The browser's tabs, for screenshot evidence of a listing's own tab. */
  tabs: CaptureApis;
}

/**
 * The browser's side (icon, side panel, telling tabs and panels to look again) comes in as
 * functions, so unit tests run the same assembly on fake-indexeddb and a fake registry.
 */
export function createInspectorMode(deps: InspectorModeDeps) {
  const actions = createActionOutbox(deps.openDb);
  const session = createInspectorSession({
    openDb: deps.openDb,
    registry: deps.registry,
    now: deps.now,
    onChange(current) {
      service.forgetAll();
      deps.modeChanged(current);
    },
  });
  const calls = createInspectorCalls({ session, registry: deps.registry });
  const courier = createActionCourier({
    actions,
    calls,
    now: deps.now,
    random: deps.random,
    wakeAt: deps.wakeAt,
    onDelivered(entry) {
      service.forget(entry.key);
      deps.viewsChanged();
    },
  });
  const service = createInspectorService({
    session,
    calls,
    actions,
    now: deps.now,
    uuid: deps.uuid,
    sha256: (bytes) => sha256Hex(bytes as Uint8Array<ArrayBuffer>),
    deliver() {
      deps.viewsChanged();
      void courier.deliverDue();
    },
  });
  const handlers: InspectorHandlerDeps = {
    inspector: service,
    session,
    openPanel: deps.openPanel,
    focusChanged: deps.focusChanged,
    capture: createEvidenceCapture({ apis: deps.tabs, now: deps.now }),
    async retryAction(id) {
      const now = deps.now();
      await actions.update(id, (entry) => {
        const stuck = (state: string) => state === 'refused' || state === 'expired';
        if (stuck(entry.delivery.state))
          return { ...entry, delivery: restart(entry.delivery, now) };
        if (entry.screenshot && stuck(entry.screenshot.delivery.state)) {
          return {
            ...entry,
            screenshot: { ...entry.screenshot, delivery: restart(entry.screenshot.delivery, now) },
          };
        }
        return null;
      });
      await courier.deliverDue();
    },
  };
  return { handlers, session, service, deliverDue: courier.deliverDue };
}

export type InspectorMode = ReturnType<typeof createInspectorMode>;
