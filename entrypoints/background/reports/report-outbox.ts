/**
 * The reports' outbox: the one outbox store (utils/outbox/outbox-store.ts) on the `outbox` store,
 * with what reports alone ask of it: the reports of a listing, those made since a time, and this
 * install's client id.
 */
import type { Database } from '../../../utils/db/database';
import { createOutboxStore } from '../../../utils/outbox/outbox-store';
import { REPORT_OUTBOX } from '../../../utils/outbox/report-entry';

const CLIENT_ID_SETTING = 'clientId';

export function createReportOutbox(openDb: () => Promise<Database>, uuid: () => string) {
  const store = createOutboxStore(openDb, REPORT_OUTBOX);
  return {
    ...store,
    /** The reports of one listing (by the `byItem` index): what a new report of it may amend. */
    ofListing: (itemKey: string) => store.byIndex('byItem', itemKey),
    /** The reports made after `since` (by the `byCreated` index): the hourly limit's count. */
    madeSince: (since: Date) =>
      store.byIndex('byCreated', IDBKeyRange.lowerBound(since.toISOString(), true)),
    /** This install's random id, made once (ReportSchema.clientId). */
    async clientId(): Promise<string> {
      const db = await openDb();
      const tx = db.transaction('settings', 'readwrite');
      const stored = await tx.store.get(CLIENT_ID_SETTING);
      if (typeof stored === 'string') {
        await tx.done;
        return stored;
      }
      const id = uuid();
      await tx.store.put(id, CLIENT_ID_SETTING);
      await tx.done;
      return id;
    },
  };
}

export type ReportOutbox = ReturnType<typeof createReportOutbox>;
