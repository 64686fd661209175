import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  MAX_MUTES,
  type Mute,
  PreferencesSchema,
} from '../../../utils/protocol/runtime/preferences';
import {
  activeMutes,
  endOfToday,
  isSitePaused,
  mutedSellers,
  withMute,
  withoutMute,
} from '../../../utils/settings/mutes';

const now = new Date(2026, 10, 28, 15, 30); // local time: "today" is the shopper's day
const later = (hours: number) => new Date(now.getTime() + hours * 3600_000);
const seller = (target: string, until?: Date): Mute => ({
  scope: 'seller',
  target,
  createdAt: now.toISOString(),
  ...(until ? { until: until.toISOString() } : {}),
});

describe('mutes', () => {
  it('a mute "for today" ends at the end of the local day', () => {
    const end = endOfToday(now);
    expect([end.getFullYear(), end.getMonth(), end.getDate()]).toEqual([2026, 10, 28]);
    expect([end.getHours(), end.getMinutes()]).toEqual([23, 59]);
    const prefs = withMute(DEFAULT_PREFERENCES, seller('shopee:seller:1', end), now);
    expect(mutedSellers(prefs, ['shopee:seller:1', 'shopee:seller:2'], later(1))).toEqual([
      'shopee:seller:1',
    ]);
    expect(mutedSellers(prefs, ['shopee:seller:1'], later(9))).toEqual([]); // the next morning
  });

  it('pauses one marketplace only, for as long as asked', () => {
    const pause: Mute = { scope: 'site', target: 'lazada', createdAt: now.toISOString() };
    const prefs = withMute(DEFAULT_PREFERENCES, pause, now);
    expect(isSitePaused(prefs, 'lazada', later(1000))).toBe(true);
    expect(isSitePaused(prefs, 'shopee', now)).toBe(false);
    expect(isSitePaused(withoutMute(prefs, pause), 'lazada', now)).toBe(false);
  });

  it('muting a target again replaces its earlier mute; expired mutes are dropped on the way', () => {
    let prefs = withMute(DEFAULT_PREFERENCES, seller('tiki:seller:1', later(1)), now);
    prefs = withMute(prefs, seller('tiki:seller:2', later(1)), now);
    prefs = withMute(prefs, seller('tiki:seller:1'), later(0.5)); // now for good
    expect(prefs.mutes.map((m) => [m.target, m.until ?? null])).toEqual([
      ['tiki:seller:1', null],
      ['tiki:seller:2', later(1).toISOString()],
    ]);
    prefs = withMute(prefs, seller('tiki:seller:3'), later(2)); // tiki:seller:2 has expired
    expect(prefs.mutes.map((m) => m.target)).toEqual(['tiki:seller:3', 'tiki:seller:1']);
    expect(activeMutes(prefs, later(2)).map((m) => m.target)).toHaveLength(2);
  });

  it('past the cap, a new mute drops the oldest instead of being refused', () => {
    const full = {
      ...DEFAULT_PREFERENCES,
      mutes: Array.from({ length: MAX_MUTES }, (_, i) => ({
        ...seller(`tiki:seller:${i}`),
        createdAt: new Date(now.getTime() - (i + 1) * 60_000).toISOString(), // 0 is the newest
      })),
    };
    expect(PreferencesSchema.safeParse(full).success).toBe(true);
    const prefs = withMute(full, seller('tiki:seller:99999'), now);
    expect(prefs.mutes).toHaveLength(MAX_MUTES);
    expect(prefs.mutes[0]?.target).toBe('tiki:seller:99999');
    expect(prefs.mutes.map((m) => m.target)).not.toContain(`tiki:seller:${MAX_MUTES - 1}`);
    expect(prefs.mutes.map((m) => m.target)).toContain(`tiki:seller:${MAX_MUTES - 2}`);
    expect(PreferencesSchema.safeParse(prefs).success).toBe(true);
  });

  it('stored preferences are checked: unknown sites, item keys as sellers and bad dates refused', () => {
    expect(PreferencesSchema.safeParse(DEFAULT_PREFERENCES).success).toBe(true);
    for (const mute of [
      { scope: 'site', target: 'amazon', createdAt: now.toISOString() },
      { scope: 'seller', target: 'shopee:item:1.2', createdAt: now.toISOString() },
      { scope: 'seller', target: 'shopee:seller:1', createdAt: 'yesterday' },
    ]) {
      expect(PreferencesSchema.safeParse({ language: 'vi', mutes: [mute] }).success).toBe(false);
    }
  });
});
