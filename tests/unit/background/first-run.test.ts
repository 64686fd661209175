import { describe, expect, it } from 'vitest';
import {
  createFirstRun,
  FIRST_RUN_KEY,
  type FirstRunStorage,
} from '../../../entrypoints/background/onboarding/first-run';

function setup(initial: Record<string, unknown> = {}) {
  const stored: Record<string, unknown> = { ...initial };
  const storage: FirstRunStorage = {
    get: async (key) => (key in stored ? { [key]: stored[key] } : {}),
    set: async (items) => void Object.assign(stored, items),
  };
  const opened: string[] = [];
  const firstRun = createFirstRun({
    storage,
    openTab: async (url) => opened.push(url),
    pageUrl: 'chrome-extension://id/onboarding.html',
    now: () => new Date('2026-12-07T10:00:00Z'),
  });
  return { stored, opened, firstRun };
}

describe('the first run', () => {
  it('opens the onboarding page on install and stores that it did', async () => {
    const { stored, opened, firstRun } = setup();
    expect(await firstRun.onInstalled({ reason: 'install' })).toBe(true);
    expect(opened).toEqual(['chrome-extension://id/onboarding.html']);
    expect(stored[FIRST_RUN_KEY]).toEqual({ at: '2026-12-07T10:00:00.000Z' });
  });

  it('opens it once: a second install event finds the flag', async () => {
    const { opened, firstRun } = setup();
    await firstRun.onInstalled({ reason: 'install' });
    expect(await firstRun.onInstalled({ reason: 'install' })).toBe(false);
    expect(opened).toHaveLength(1);
  });

  it('never opens it on an update of the extension or the browser', async () => {
    const { opened, stored, firstRun } = setup();
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update'])
      expect(await firstRun.onInstalled({ reason })).toBe(false);
    expect(opened).toEqual([]);
    expect(stored).toEqual({});
  });

  it('opens it when the stored flag is not one it wrote', async () => {
    const { opened, firstRun } = setup({ [FIRST_RUN_KEY]: 'yes' });
    expect(await firstRun.onInstalled({ reason: 'install' })).toBe(true);
    expect(opened).toHaveLength(1);
  });
});
