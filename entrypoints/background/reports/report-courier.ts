/**
 * The courier of the outbox: sends whatever is due (a report, then its screenshot once the report is
 * acknowledged), records each answer with the delivery state machine (utils/report/delivery.ts), and
 * asks to be woken for the next attempt. Calls made while it runs make it look again rather than run
 * twice, so a report is never sent by two loops at once. Also asks the registry, now and then, what
 * became of each delivered report.
 */
import {
  afterAttempt,
  deliveryPass,
  isDue,
  nextWake,
  serialDelivery,
} from '../../../utils/outbox/delivery';
import type { RegistryClient } from '../../../utils/outbox/registry-client';
import type { OutboxEntry } from '../../../utils/outbox/report-entry';
import type { OutboxStore } from './report-outbox';

/** A delivered report's status is asked again after this long (and whenever "Báo cáo của tôi" opens). */
const STATUS_EVERY_MS = 24 * 60 * 60 * 1000;

export interface CourierDeps {
  outbox: OutboxStore;
  registry: RegistryClient;
  /** The registry a report without one of its own goes to. */
  registryUrl(): Promise<string | null>;
  now(): Date;
  random(): number;
  wakeAt(at: Date | null): void;
}

export function createReportCourier(deps: CourierDeps) {
  const { outbox, registry } = deps;

  /** One attempt at whatever of this report is due: the report, then its screenshot. */
  async function deliverOne(entry: OutboxEntry): Promise<void> {
    const now = deps.now();
    const base = entry.registryUrl ?? (await deps.registryUrl());
    if (!base) return;
    if (isDue(entry.delivery, now)) {
      const revision = entry.revision;
      const result = await registry.sendReport(base, entry.report);
      const answeredAt = deps.now();
      await outbox.update(entry.id, (current) => {
        const acknowledged = result.kind === 'acknowledged';
        const receipt = acknowledged
          ? {
              deliveredRevision: revision,
              receivedAt: current.receivedAt ?? result.receivedAt ?? answeredAt.toISOString(),
            }
          : {};
        // Amended while this revision was on its way: the newer one is still to be sent.
        if (current.revision !== revision) return { ...current, ...receipt };
        return {
          ...current,
          ...receipt,
          registryUrl: base,
          delivery: afterAttempt(current.delivery, result, answeredAt, deps.random),
        };
      });
    }
    const current = await outbox.get(entry.id);
    const shot = current?.screenshot;
    if (
      !current ||
      !shot ||
      current.deliveredRevision === undefined ||
      !isDue(shot.delivery, deps.now())
    )
      return;
    const result = await registry.sendScreenshot(base, current.id, shot.bytes, shot.mediaType);
    const answeredAt = deps.now();
    await outbox.update(current.id, (latest) =>
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
  }

  /** Sends whatever is due; calls made while it runs make it look again rather than run twice. */
  const deliverDue = serialDelivery(
    async () => deliveryPass((await outbox.all()).entries, deps.now, outbox.update, deliverOne),
    async () => deps.wakeAt(nextWake((await outbox.all()).entries)),
  );

  async function refreshStatuses(force: boolean): Promise<void> {
    const { entries } = await outbox.all();
    const now = deps.now();
    for (const entry of entries) {
      if (entry.delivery.state !== 'delivered' || !entry.registryUrl) continue;
      if (entry.status?.state === 'decided') continue;
      if (
        !force &&
        entry.status &&
        now.getTime() - Date.parse(entry.status.checkedAt) < STATUS_EVERY_MS
      )
        continue;
      const status = await registry.status(entry.registryUrl, entry.id);
      if (!status) continue;
      const checkedAt = deps.now().toISOString();
      await outbox.update(entry.id, (current) => ({
        ...current,
        status: {
          state: status.state,
          checkedAt,
          ...(status.decision
            ? {
                decision: {
                  status: status.decision.status,
                  decidedAt: status.decision.decidedAt,
                  ...(status.decision.summary ? { summary: status.decision.summary.vi } : {}),
                },
              }
            : {}),
        },
      }));
    }
  }

  return {
    deliverDue,
    refreshStatuses,

    /**
     * Back online: everything waiting is due now rather than at the end of its backoff (the window
     * and the attempt count stay, so a registry that is still down is not hammered).
     */
    async hurry(): Promise<void> {
      const now = deps.now().toISOString();
      const { entries } = await outbox.all();
      const early = (delivery: OutboxEntry['delivery']) =>
        delivery.state === 'pending' ? { ...delivery, nextAttemptAt: now } : delivery;
      for (const entry of entries) {
        if (entry.delivery.state !== 'pending' && entry.screenshot?.delivery.state !== 'pending')
          continue;
        await outbox.update(entry.id, (current) => ({
          ...current,
          delivery: early(current.delivery),
          ...(current.screenshot
            ? {
                screenshot: { ...current.screenshot, delivery: early(current.screenshot.delivery) },
              }
            : {}),
        }));
      }
      await deliverDue();
    },
  };
}

export type ReportCourier = ReturnType<typeof createReportCourier>;
