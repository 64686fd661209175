/** When delivery and status checks run: the alarm that survives the worker, and the daily status alarm. */
import { describe, expect, it, vi } from 'vitest';
import { createReportWake, REPORT_ALARM, REPORT_STATUS_ALARM } from '../../../utils/outbox/wake';

function fakeAlarms() {
  const alarms = new Map<
    string,
    { when?: number; periodInMinutes?: number; delayInMinutes?: number }
  >();
  return {
    alarms,
    create: (
      name: string,
      info: { when?: number; periodInMinutes?: number; delayInMinutes?: number },
    ) => {
      alarms.set(name, info);
    },
    clear: async (name: string) => alarms.delete(name),
    get: async (name: string) => alarms.get(name),
  };
}

describe('report wake-ups', () => {
  it('keeps the next attempt as an alarm (and a timer while the worker lives), or none', async () => {
    vi.useFakeTimers();
    const api = fakeAlarms();
    const deliver = vi.fn(async () => undefined);
    const now = new Date('2026-12-03T08:00:00Z');
    vi.setSystemTime(now);
    const wake = createReportWake({
      alarms: api,
      now: () => now,
      deliver,
      refreshStatuses: async () => undefined,
    });
    wake.wakeAt(new Date(now.getTime() + 5_000));
    expect(api.alarms.get(REPORT_ALARM)).toEqual({ when: now.getTime() + 5_000 });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(deliver).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(deliver).toHaveBeenCalledTimes(1);
    wake.wakeAt(null);
    await Promise.resolve();
    expect(api.alarms.has(REPORT_ALARM)).toBe(false);
    vi.useRealTimers();
  });

  it('delivers at start, makes sure of the daily status alarm, and answers each alarm', async () => {
    const api = fakeAlarms();
    const deliver = vi.fn(async () => undefined);
    const refreshStatuses = vi.fn(async () => undefined);
    const wake = createReportWake({ alarms: api, now: () => new Date(), deliver, refreshStatuses });
    await wake.onStart();
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(api.alarms.get(REPORT_STATUS_ALARM)).toEqual({
      delayInMinutes: 1440,
      periodInMinutes: 1440,
    });
    await wake.onAlarm(REPORT_ALARM);
    await wake.onAlarm(REPORT_STATUS_ALARM);
    await wake.onAlarm('feed-sync');
    expect(deliver).toHaveBeenCalledTimes(2);
    expect(refreshStatuses).toHaveBeenCalledTimes(1);
  });
});
