/** When the outboxes' courier and status checks run: the alarm that survives the worker, and the daily status alarm. */
import { describe, expect, it, vi } from 'vitest';
import { createOutboxWake, DELIVERY_ALARM, REPORT_STATUS_ALARM } from '../../../utils/outbox/wake';

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
    const wake = createOutboxWake({
      alarms: api,
      now: () => now,
      deliver,
      refreshStatuses: async () => undefined,
    });
    wake.wakeAt('reports', new Date(now.getTime() + 5_000));
    expect(api.alarms.get(DELIVERY_ALARM)).toEqual({ when: now.getTime() + 5_000 });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(deliver).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(deliver).toHaveBeenCalledTimes(1);
    wake.wakeAt('reports', null);
    await Promise.resolve();
    expect(api.alarms.has(DELIVERY_ALARM)).toBe(false);
    vi.useRealTimers();
  });

  it('delivers at start, makes sure of the daily status alarm, and answers each alarm', async () => {
    const api = fakeAlarms();
    const deliver = vi.fn(async () => undefined);
    const refreshStatuses = vi.fn(async () => undefined);
    const wake = createOutboxWake({ alarms: api, now: () => new Date(), deliver, refreshStatuses });
    await wake.onStart();
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(api.alarms.get(REPORT_STATUS_ALARM)).toEqual({
      delayInMinutes: 1440,
      periodInMinutes: 1440,
    });
    await wake.onAlarm(DELIVERY_ALARM);
    await wake.onAlarm(REPORT_STATUS_ALARM);
    await wake.onAlarm('feed-sync');
    expect(deliver).toHaveBeenCalledTimes(2);
    expect(refreshStatuses).toHaveBeenCalledTimes(1);
  });

  it('sets the one alarm for whichever outbox is due first, and clears it when none waits', () => {
    vi.useFakeTimers();
    const api = fakeAlarms();
    const now = new Date('2026-12-03T08:00:00Z');
    const wake = createOutboxWake<'reports' | 'actions'>({
      alarms: api,
      now: () => now,
      deliver: async () => undefined,
      refreshStatuses: async () => undefined,
    });
    wake.wakeAt('reports', new Date(now.getTime() + 60_000));
    wake.wakeAt('actions', new Date(now.getTime() + 5_000));
    expect(api.alarms.get(DELIVERY_ALARM)).toEqual({ when: now.getTime() + 5_000 });
    wake.wakeAt('actions', null);
    expect(api.alarms.get(DELIVERY_ALARM)).toEqual({ when: now.getTime() + 60_000 });
    wake.wakeAt('reports', null);
    expect(api.alarms.has(DELIVERY_ALARM)).toBe(false);
    vi.useRealTimers();
  });
});
