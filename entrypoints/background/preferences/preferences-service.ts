/**
 * The shopper's preferences, kept in the database's settings store and checked on every read: a
 * stored value that no longer passes its schema gives the defaults instead of an error. Held in
 * memory for the worker's life, since the background is their only writer.
 */
import type { Database } from '../../../utils/db/database';
import { headOfKey, isPlatform } from '../../../utils/protocol/keys';
import {
  DEFAULT_PREFERENCES,
  type Preferences,
  PreferencesSchema,
  type Signal,
} from '../../../utils/protocol/runtime/preferences';
import { isSitePaused, mutedSellers, newMute, withMute } from '../../../utils/settings/mutes';

const PREFERENCES_SETTING = 'preferences';

export interface LookupView {
  language: Preferences['language'];
  paused: boolean;
  mutedSellers: string[];
}

/** What the background itself needs of the preferences to answer a lookup. */
export interface LookupChoices {
  view: LookupView;
  signalsOff: readonly Signal[];
  /** The reviewer's demo switch is on (demo-record.ts). */
  demoRecord: boolean;
}

export type PreferencesService = ReturnType<typeof createPreferencesService>;

export function createPreferencesService(deps: { openDb(): Promise<Database>; now(): Date }) {
  let cached: Promise<Preferences> | null = null;
  /** No usable IndexedDB: preferences live in memory for this worker's life (lookups go on). */
  let memoryOnly = false;

  async function get(): Promise<Preferences> {
    cached ??= (async () => {
      try {
        const db = await deps.openDb();
        const stored = PreferencesSchema.safeParse(await db.get('settings', PREFERENCES_SETTING));
        return stored.success ? stored.data : DEFAULT_PREFERENCES;
      } catch {
        memoryOnly = true;
        return DEFAULT_PREFERENCES;
      }
    })();
    return cached;
  }

  async function set(preferences: Preferences): Promise<Preferences> {
    const checked = PreferencesSchema.parse(preferences);
    if (!memoryOnly) {
      try {
        const db = await deps.openDb();
        await db.put('settings', checked, PREFERENCES_SETTING);
      } catch {
        memoryOnly = true;
      }
    }
    cached = Promise.resolve(checked);
    return checked;
  }

  return {
    get,
    set,

    async muteSeller(request: { sellerKey: string; label?: string; today: boolean }) {
      const now = deps.now();
      const target = { scope: 'seller' as const, target: request.sellerKey };
      await set(withMute(await get(), newMute(target, now, request.today, request.label), now));
    },

    /** What a page needs to know to show the answer to a lookup of these keys, and the signals off. */
    async choicesFor(keys: readonly string[]): Promise<LookupChoices> {
      const preferences = await get();
      const now = deps.now();
      // The keys were checked on arrival: the platform is the first key's prefix, and seller keys
      // are told by their second part, without parsing 200 keys again on every lookup.
      const head = keys[0] ? headOfKey(keys[0]) : '';
      const platform = isPlatform(head) ? head : null;
      const sellers = platform ? keys.filter((key) => key.startsWith(`${platform}:seller:`)) : [];
      return {
        view: {
          language: preferences.language,
          paused: platform !== null && isSitePaused(preferences, platform, now),
          mutedSellers: mutedSellers(preferences, sellers, now),
        },
        signalsOff: preferences.signalsOff ?? [],
        demoRecord: preferences.demoRecord === true,
      };
    },
  };
}
