/**
 * The first run: the onboarding page opens in a tab once, when the extension is installed (never on
 * an update or a browser update), and a stored flag keeps it from opening again.
 */
import * as z from 'zod/mini';

/** The key in storage.local that says the onboarding page was opened, and when. */
export const FIRST_RUN_KEY = 'onboardingShown';

const FirstRunSchema = z.object({ at: z.iso.datetime({ offset: true }) });

/** The part of storage.local it uses. */
export interface FirstRunStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface FirstRunDeps {
  storage: FirstRunStorage;
  openTab(url: string): Promise<unknown>;
  /** The onboarding page's address in this extension. */
  pageUrl: string;
  now(): Date;
}

/** What runtime.onInstalled gives: `install`, `update`, `chrome_update`, `shared_module_update`. */
export interface InstalledDetails {
  reason: string;
}

export function createFirstRun(deps: FirstRunDeps) {
  return {
    /** Opens the onboarding page on an install, unless a stored flag says it was shown. */
    async onInstalled(details: InstalledDetails): Promise<boolean> {
      if (details.reason !== 'install') return false;
      const stored = await deps.storage.get(FIRST_RUN_KEY);
      // Anything unreadable under the key counts as not shown: a broken flag must not hide it forever.
      if (FirstRunSchema.safeParse(stored[FIRST_RUN_KEY]).success) return false;
      // The flag first: a second install event while the tab opens finds it and opens none.
      await deps.storage.set({ [FIRST_RUN_KEY]: { at: deps.now().toISOString() } });
      await deps.openTab(deps.pageUrl);
      return true;
    },
  };
}
