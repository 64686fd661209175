/**
 * When the outboxes' courier runs again: one alarm for every outbox, set for whichever is due
 * first, and a daily alarm that asks what became of delivered reports.
 */

/** The delivery alarm's name since reports alone had one: a browser keeps alarms across updates. */
export const DELIVERY_ALARM = 'report-delivery';
export const REPORT_STATUS_ALARM = 'report-status';
const DAY_MINUTES = 24 * 60;

export interface OutboxAlarmApi {
  create(
    name: string,
    info: { when?: number; periodInMinutes?: number; delayInMinutes?: number },
  ): Promise<void> | void;
  clear(name: string): Promise<boolean> | Promise<void> | void;
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
}

/**
 * A service worker may be stopped at any time, so the next attempt is kept as an alarm (which wakes
 * a stopped worker, and which the browser fires at once if its time passed while the browser was
 * closed); while the worker lives, a timer also fires it on time, since Chrome delays alarms to at
 * least 30 seconds.
 *
 * `K`: the outboxes (reports, inspector actions) that each ask for their own next time.
 */
export function createOutboxWake<K extends string>(deps: {
  alarms: OutboxAlarmApi;
  now(): Date;
  /** Sends whatever is due in every outbox. */
  deliver(): Promise<void>;
  refreshStatuses(): Promise<void>;
}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Each outbox's next time, as it last asked. */
  const wakes = new Map<K, Date | null>();

  function schedule(at: Date | null): void {
    clearTimeout(timer);
    if (!at) {
      void deps.alarms.clear(DELIVERY_ALARM);
      return;
    }
    const wait = Math.max(0, at.getTime() - deps.now().getTime());
    timer = setTimeout(() => void deps.deliver(), wait);
    void deps.alarms.create(DELIVERY_ALARM, { when: at.getTime() });
  }

  return {
    /** One outbox's next time (null: nothing waits there); the alarm is set for the earliest. */
    wakeAt(outbox: K, at: Date | null): void {
      wakes.set(outbox, at);
      const times = [...wakes.values()].filter((time): time is Date => time !== null);
      schedule(times.length === 0 ? null : new Date(Math.min(...times.map(Number))));
    },
    /** At every start: whatever is due goes now, and the daily status alarm is made sure of. */
    async onStart(): Promise<void> {
      if (!(await deps.alarms.get(REPORT_STATUS_ALARM))) {
        await deps.alarms.create(REPORT_STATUS_ALARM, {
          delayInMinutes: DAY_MINUTES,
          periodInMinutes: DAY_MINUTES,
        });
      }
      await deps.deliver();
    },
    async onAlarm(name: string): Promise<void> {
      if (name === DELIVERY_ALARM) await deps.deliver();
      if (name === REPORT_STATUS_ALARM) await deps.refreshStatuses();
    },
  };
}

export type OutboxWake<K extends string> = ReturnType<typeof createOutboxWake<K>>;
