/**
 * Reports on the one courier (utils/outbox/courier.ts), and the registry asked now and then what
 * became of each delivered report.
 */
import { createCourier } from '../../../utils/outbox/courier';
import type { ReportEntry } from '../../../utils/outbox/report-entry';
import {
  type DataCategory,
  reportCategories,
} from '../../../utils/protocol/runtime/data-collection';
import type { ReportCalls, SendResult } from './report-calls';
import type { ReportOutbox } from './report-outbox';

/** A delivered report's status is asked again after this long (and whenever "Báo cáo của tôi" opens). */
const STATUS_EVERY_MS = 24 * 60 * 60 * 1000;

export interface CourierDeps {
  outbox: ReportOutbox;
  registry: ReportCalls;
  /** The registry a report without one of its own goes to. */
  registryUrl(): Promise<string | null>;
  now(): Date;
  random(): number;
  wakeAt(at: Date | null): void;
  /**
   * Whether Firefox's data consent still covers these categories (utils/report/data-consent.ts):
   * withdrawn after a report was saved, the report waits in the outbox and nothing is sent.
   */
  maySend(categories: readonly DataCategory[]): Promise<boolean>;
}

/**
 * A report goes to its own registry (or, when it has none yet, the shopper's), its screenshot once
 * the report is acknowledged, and a receipt is kept even when the report was amended on the way.
 */
export function createReportCourier(deps: CourierDeps) {
  const { outbox, registry } = deps;

  const courier = createCourier<ReportEntry, string, SendResult>(
    {
      // No registry (none set, or set to nothing), or no consent any more: the report waits where
      // it is.
      target: async (entry) => {
        if (!(await deps.maySend(reportCategories(entry.report.contact)))) return null;
        return (entry.registryUrl ?? (await deps.registryUrl())) || null;
      },
      send: (entry, base) => registry.sendReport(base, entry.report),
      answered(current, sent, result, { target: base, answeredAt, advance }) {
        const receipt =
          result.kind === 'acknowledged'
            ? {
                deliveredRevision: sent.revision,
                receivedAt: current.receivedAt ?? result.receivedAt ?? answeredAt.toISOString(),
              }
            : {};
        // Amended while this revision was on its way: the newer one is still to be sent.
        if (current.revision !== sent.revision) return { ...current, ...receipt };
        return { ...current, ...receipt, registryUrl: base, delivery: advance(current.delivery) };
      },
      acknowledged: (entry) => entry.deliveredRevision !== undefined,
      sendScreenshot: (entry, shot, base) =>
        registry.sendScreenshot(base, entry.id, shot.bytes, shot.mediaType),
    },
    deps,
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

  return { deliverDue: courier.deliverDue, hurry: courier.hurry, refreshStatuses };
}

export type ReportCourier = ReturnType<typeof createReportCourier>;
