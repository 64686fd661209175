import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSyncSchedule, SYNC_ALARM } from '../../../entrypoints/background/sync/sync-schedule';
import { DEFAULT_SYNC_MINUTES } from '../../../utils/protocol/limits';
import type { DataStatus } from '../../../utils/protocol/runtime/sync-status';

function schedule(options: { due: boolean; failing?: boolean }) {
  const data = {
    syncInterval: vi.fn(async () => DEFAULT_SYNC_MINUTES),
    syncDue: vi.fn(async () => options.due),
    syncNow: vi.fn(async () => {
      if (options.failing) throw new Error('offline');
      return {} as DataStatus;
    }),
  };
  return { data, schedule: createSyncSchedule({ alarms: fakeBrowser.alarms, data }) };
}

describe('the automatic sync', () => {
  it('a background started with no alarm creates it, and does not sync when none is due', async () => {
    const { data, schedule: s } = schedule({ due: false });
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
    await s.onStart();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({
      periodInMinutes: DEFAULT_SYNC_MINUTES,
    });
    expect(data.syncNow).not.toHaveBeenCalled();
  });

  it('a background started an interval after the last sync syncs at once', async () => {
    const { data, schedule: s } = schedule({ due: true });
    await s.onStart();
    expect(data.syncNow).toHaveBeenCalledOnce();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeDefined();
  });

  it('the alarm syncs, and is there again after a sync that failed', async () => {
    const { data, schedule: s } = schedule({ due: false, failing: true });
    await expect(s.onAlarm(SYNC_ALARM)).rejects.toThrow('offline');
    expect(data.syncNow).toHaveBeenCalledOnce();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeDefined();
    await s.onAlarm('scam-block-list');
    expect(data.syncNow).toHaveBeenCalledOnce();
  });
});
