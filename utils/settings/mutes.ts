/**
 * What the mutes mean at a given moment. Pure functions over the preferences, shared by the
 * background (which applies them to lookups) and the options page and popup (which list and change
 * them).
 */
import type { Platform } from '../keys';
import type { Mute, Preferences } from './preferences';

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

const sameTarget = (a: MuteTarget, b: MuteTarget) => a.scope === b.scope && a.target === b.target;

/** Adds a mute, replacing any earlier one for the same target; expired mutes are dropped. */
export function withMute(preferences: Preferences, mute: Mute, now: Date): Preferences {
  return {
    ...preferences,
    mutes: [mute, ...preferences.mutes.filter((m) => !sameTarget(m, mute) && isActive(m, now))],
  };
}

/** Undoes the mute of a target. */
export function withoutMute(preferences: Preferences, target: MuteTarget): Preferences {
  return { ...preferences, mutes: preferences.mutes.filter((m) => !sameTarget(m, target)) };
}
