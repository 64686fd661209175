/**
 * When report delivery runs again. A service worker may be stopped at any time, so the next attempt
 * is kept as an alarm (which wakes a stopped worker, and which the browser fires at once if its time
 * passed while the browser was closed); while the worker lives, a timer also fires it on time, since
 * Chrome delays alarms to at least 30 seconds. Report statuses are asked for once a day by a second
 * alarm.
 */
export const REPORT_ALARM = 'report-delivery';
export const REPORT_STATUS_ALARM = 'report-status';
const DAY_MINUTES = 24 * 60;

export interface ReportAlarmApi {
  create(
    name: string,
    info: { when?: number; periodInMinutes?: number; delayInMinutes?: number },
  ): Promise<void> | void;
  clear(name: string): Promise<boolean> | Promise<void> | void;
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
}

export function createReportWake(deps: {
  alarms: ReportAlarmApi;
  now(): Date;
  deliver(): Promise<void>;
  refreshStatuses(): Promise<void>;
}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    wakeAt(at: Date | null): void {
      clearTimeout(timer);
      if (!at) {
        void deps.alarms.clear(REPORT_ALARM);
        return;
      }
      const wait = Math.max(0, at.getTime() - deps.now().getTime());
      timer = setTimeout(() => void deps.deliver(), wait);
      void deps.alarms.create(REPORT_ALARM, { when: at.getTime() });
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
      if (name === REPORT_ALARM) await deps.deliver();
      if (name === REPORT_STATUS_ALARM) await deps.refreshStatuses();
    },
  };
}
