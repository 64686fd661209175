/**
 * The background's side of reporting (DESIGN.md §7): a report is saved to the outbox before
 * anything is sent, amended or limited per install, listed, retried, deleted.
 */
import { sha256Hex } from '../../../utils/feed-format/hash';
import type { Screenshot } from '../../../utils/outbox/deliverable';
import { newDelivery, restart } from '../../../utils/outbox/delivery';
import type { ReportEntry } from '../../../utils/outbox/report-entry';
import { decodeScreenshot } from '../../../utils/outbox/screenshot-bytes';
import { type Report, ReportSchema } from '../../../utils/protocol/registry/report';
import type { DataCategory } from '../../../utils/protocol/runtime/data-collection';
import type {
  ReportContext,
  ReportList,
  SubmitReport,
  SubmitReportReply,
} from '../../../utils/protocol/runtime/report-messages';
import { snapshotBytes } from '../../../utils/report/snapshot';
import { amend, amendableEntry, HOUR_MS, rateLimitedUntil } from './client-limits';
import type { ReportCalls } from './report-calls';
import { createReportCourier } from './report-courier';
import type { ReportOutbox } from './report-outbox';
import { progressOf, viewOf } from './report-progress';

export interface RegistrySetting {
  /** The shopper's registry address; undefined: the build's default. */
  get(): Promise<string | null | undefined>;
  set(url: string | null | undefined): Promise<void>;
}

export interface ReportServiceDeps {
  outbox: ReportOutbox;
  registry: ReportCalls;
  registrySetting: RegistrySetting;
  /** SOI_HANG_REGISTRY_URL at build time. */
  defaultRegistryUrl: string | null;
  version: string;
  now(): Date;
  random(): number;
  uuid(): string;
  /** Asks to be woken (`deliverDue`) at this time, or not at all. */
  wakeAt(at: Date | null): void;
  /** Whether Firefox's data consent still covers a report's categories (report-courier.ts). */
  maySend(categories: readonly DataCategory[]): Promise<boolean>;
}

export type ReportService = ReturnType<typeof createReportService>;

/**
 * Delivered to the registry with retries until it is acknowledged, across worker shutdowns, browser
 * restarts and offline periods (the caller wakes `deliverDue` from an alarm, the `online` event,
 * every start and every new report). The report's id is its idempotency key, so a retry after a
 * lost answer is never counted twice. Its screenshot goes up once the report is acknowledged.
 * Nothing is dropped: only the shopper deletes a report.
 */
export function createReportService(deps: ReportServiceDeps) {
  const { outbox } = deps;
  /** Read once per worker (every lookup asks, for the appeal link); the background is its only writer. */
  let registryChoice: Promise<string | null> | null = null;

  function registryUrl(): Promise<string | null> {
    registryChoice ??= deps.registrySetting.get().then(
      (chosen) => (chosen === undefined ? deps.defaultRegistryUrl : chosen),
      () => deps.defaultRegistryUrl,
    );
    return registryChoice;
  }

  const courier = createReportCourier({
    outbox,
    registry: deps.registry,
    registryUrl,
    now: deps.now,
    random: deps.random,
    wakeAt: deps.wakeAt,
    maySend: deps.maySend,
  });
  const { deliverDue, refreshStatuses } = courier;

  async function list(): Promise<ReportList> {
    const { entries } = await outbox.all();
    const views = entries.map(viewOf).reverse(); // newest first
    return {
      reports: views,
      undelivered: views.filter(
        (view) => !['sent', 'received', 'in_review', 'decided'].includes(view.progress),
      ).length,
      registryUrl: await registryUrl(),
      defaultRegistryUrl: deps.defaultRegistryUrl,
    };
  }

  async function screenshotOf(
    input: SubmitReport['screenshot'],
    now: Date,
  ): Promise<Screenshot | undefined> {
    return input ? decodeScreenshot(input, now) : undefined;
  }

  async function submit(input: SubmitReport): Promise<SubmitReportReply> {
    const now = deps.now();
    const base = await registryUrl();
    const note = input.note?.trim();
    const contact = input.contact?.trim();
    const screenshot = await screenshotOf(input.screenshot, now);
    const earlier = amendableEntry(
      await outbox.ofListing(input.listing.itemKey),
      input.listing.itemKey,
      now,
    );
    if (earlier) {
      const amended = amend(earlier, { reasons: input.reasons, note, contact }, now);
      const withShot = screenshot && !earlier.screenshot ? { ...amended, screenshot } : amended;
      ReportSchema.parse(withShot.report);
      await outbox.put(withShot);
      void deliverDue();
      return {
        outcome: 'amended',
        id: earlier.id,
        progress: progressOf(withShot),
        registryUrl: withShot.registryUrl,
      };
    }
    const until = rateLimitedUntil(await outbox.madeSince(new Date(now.getTime() - HOUR_MS)), now);
    if (until) return { outcome: 'limited', until: until.toISOString() };
    const id = deps.uuid();
    const report: Report = ReportSchema.parse({
      id,
      listing: input.listing,
      reasons: input.reasons,
      ...(note ? { note } : {}),
      ...(contact ? { contact } : {}),
      snapshotSha256: await sha256Hex(snapshotBytes(input.listing)),
      clientId: await outbox.clientId(),
      version: deps.version,
    });
    const entry: ReportEntry = {
      id,
      report,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      revision: 1,
      registryUrl: base,
      delivery: newDelivery(now, base !== null),
      ...(screenshot ? { screenshot } : {}),
    };
    await outbox.put(entry);
    void deliverDue();
    return { outcome: 'saved', id, progress: progressOf(entry), registryUrl: base };
  }

  return {
    submit,
    deliverDue,
    hurry: courier.hurry,
    list,
    registryUrl,
    refreshStatuses,

    async listFresh(refresh: boolean): Promise<ReportList> {
      if (refresh) {
        await deliverDue();
        await refreshStatuses(true);
      }
      return list();
    },

    /** "Thử lại" on one report (refused or expired included), or every waiting one now. */
    async retry(id?: string): Promise<ReportList> {
      const now = deps.now();
      const base = await registryUrl();
      const { entries } = await outbox.all();
      for (const entry of entries) {
        if (id !== undefined && entry.id !== id) continue;
        const stuck = ['pending', 'refused', 'expired'].includes(entry.delivery.state);
        const local = entry.delivery.state === 'local' && base !== null;
        const shotStuck =
          entry.screenshot !== undefined &&
          ['pending', 'refused', 'expired'].includes(entry.screenshot.delivery.state);
        if (!stuck && !local && !shotStuck) continue;
        // "Gửi ngay" hurries what waits; only "Thử lại" on one report sends a refused one again.
        if (id === undefined && entry.delivery.state === 'refused') continue;
        await outbox.update(entry.id, (current) => ({
          ...current,
          ...(current.registryUrl === null && base !== null ? { registryUrl: base } : {}),
          delivery: stuck || local ? restart(current.delivery, now) : current.delivery,
          ...(current.screenshot && shotStuck
            ? {
                screenshot: {
                  ...current.screenshot,
                  delivery: restart(current.screenshot.delivery, now),
                },
              }
            : {}),
        }));
      }
      await deliverDue();
      return list();
    },

    async remove(ids: readonly string[]): Promise<ReportList> {
      await outbox.remove(ids);
      return list();
    },

    /** A new registry: reports kept locally for want of one now go to it. */
    async setRegistryUrl(url: string | null): Promise<ReportList> {
      await deps.registrySetting.set(url === null ? undefined : url);
      registryChoice = null;
      const base = await registryUrl();
      if (base !== null) {
        const now = deps.now();
        const { entries } = await outbox.all();
        for (const entry of entries) {
          if (entry.delivery.state !== 'local') continue;
          await outbox.update(entry.id, (current) =>
            current.delivery.state === 'local'
              ? { ...current, registryUrl: base, delivery: restart(current.delivery, now) }
              : null,
          );
        }
        void deliverDue();
      }
      return list();
    },

    async context(itemKey: string): Promise<ReportContext> {
      const earlier = amendableEntry(await outbox.ofListing(itemKey), itemKey, deps.now());
      return {
        registryUrl: await registryUrl(),
        ...(earlier
          ? {
              earlier: {
                createdAt: earlier.createdAt,
                reasons: earlier.report.reasons,
                ...(earlier.report.note ? { note: earlier.report.note } : {}),
              },
            }
          : {}),
      };
    },
  };
}
