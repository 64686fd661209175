/**
 * The automatic feed sync: an alarm made sure of at every start and after every sync, and a sync at
 * once when a start comes an interval or more after the last one.
 */
import type { DataService } from '../data/data-service';

export const SYNC_ALARM = 'feed-sync';

/** The part of the alarms API the schedule uses. */
export interface SyncAlarmApi {
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  create(
    name: string,
    info: { delayInMinutes: number; periodInMinutes: number },
  ): Promise<void> | void;
}

/**
 * Firefox does not keep alarms across browser restarts and Chrome may clear them, so the alarm is
 * made sure of whenever the background starts and after every sync, whatever its outcome; a
 * background that starts long after the last sync (the browser was closed through a scheduled one)
 * syncs at once instead of waiting a whole interval more.
 */
export function createSyncSchedule(deps: {
  alarms: SyncAlarmApi;
  data: Pick<DataService, 'syncInterval' | 'syncNow' | 'syncDue'>;
}) {
  /** The periodic alarm at the current interval: created when missing or when the interval changed. */
  async function ensureAlarm(): Promise<void> {
    const minutes = await deps.data.syncInterval();
    const existing = await deps.alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes !== minutes) {
      await deps.alarms.create(SYNC_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
    }
  }

  async function syncThenSchedule(): Promise<void> {
    try {
      await deps.data.syncNow();
    } finally {
      await ensureAlarm();
    }
  }

  return {
    ensureAlarm,
    syncThenSchedule,

    /** At every background start: the alarm, and a sync now if the last one is an interval old. */
    async onStart(): Promise<void> {
      await ensureAlarm();
      if (await deps.data.syncDue()) await syncThenSchedule();
    },

    /** For alarms.onAlarm. */
    async onAlarm(name: string): Promise<void> {
      if (name === SYNC_ALARM) await syncThenSchedule();
    },
  };
}
