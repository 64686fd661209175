/**
 * What the mutes mean at a given moment. Pure functions over the preferences, shared by the
 * background (which applies them to lookups) and the options page and popup (which list and change
 * them).
 */
import type { Platform } from '../protocol/keys';
import { MAX_MUTES, type Mute, type Preferences } from '../protocol/runtime/preferences';

export type MuteTarget = Pick<Mute, 'scope' | 'target'>;

const isActive = (mute: Mute, now: Date) =>
  mute.until === undefined || Date.parse(mute.until) > now.getTime();

/** The mutes still in force, newest first. */
export function activeMutes(preferences: Preferences, now: Date): Mute[] {
  return preferences.mutes
    .filter((mute) => isActive(mute, now))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function isSitePaused(preferences: Preferences, platform: Platform, now: Date): boolean {
  return preferences.mutes.some(
    (mute) => mute.scope === 'site' && mute.target === platform && isActive(mute, now),
  );
}

/** Which of these seller keys are muted now. */
export function mutedSellers(
  preferences: Preferences,
  sellerKeys: Iterable<string>,
  now: Date,
): string[] {
  const muted = new Set(
    preferences.mutes
      .filter((mute) => mute.scope === 'seller' && isActive(mute, now))
      .map((mute) => mute.target),
  );
  return [...new Set(sellerKeys)].filter((key) => muted.has(key));
}

/** The last moment of the shopper's local day: a mute "for today" ends there. */
export function endOfToday(now: Date): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}

/**
 * A mute of this target from now on: until undone, or only until the end of today. A seller's may
 * carry the name the page showed, to list it by.
 */
export function newMute(target: MuteTarget, now: Date, today: boolean, label?: string): Mute {
  return {
    ...target,
    createdAt: now.toISOString(),
    ...(label && target.scope === 'seller' ? { label } : {}),
    ...(today ? { until: endOfToday(now).toISOString() } : {}),
  } as Mute;
}

/** Pauses Soi Hàng on a marketplace (until undone, or for today) or resumes it. */
export function withSitePaused(
  preferences: Preferences,
  platform: Platform,
  paused: boolean,
  now: Date,
  today = false,
): Preferences {
  const target = { scope: 'site' as const, target: platform };
  return paused
    ? withMute(preferences, newMute(target, now, today), now)
    : withoutMute(preferences, target);
}

const sameTarget = (a: MuteTarget, b: MuteTarget) => a.scope === b.scope && a.target === b.target;

/**
 * Adds a mute, replacing any earlier one for the same target; expired mutes are dropped, and past
 * MAX_MUTES the oldest go, so the newest choice is never the one refused.
 */
export function withMute(preferences: Preferences, mute: Mute, now: Date): Preferences {
  const kept = preferences.mutes
    .filter((m) => !sameTarget(m, mute) && isActive(m, now))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, MAX_MUTES - 1);
  return { ...preferences, mutes: [mute, ...kept] };
}

/** Undoes the mute of a target. */
export function withoutMute(preferences: Preferences, target: MuteTarget): Preferences {
  return { ...preferences, mutes: preferences.mutes.filter((m) => !sameTarget(m, target)) };
}
