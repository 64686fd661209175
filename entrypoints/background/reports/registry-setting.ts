/**
 * The registry reports go to: the build's default (SOI_HANG_REGISTRY_URL, read by wxt.config.ts)
 * unless the shopper set another in the options; kept in the database's settings store.
 */
import type { Database } from '../../../utils/db/database';
import type { RegistrySetting } from './report-service';

declare const __SOI_HANG_REGISTRY__: string | null;

export const DEFAULT_REGISTRY_URL: string | null = __SOI_HANG_REGISTRY__;

const SETTING = 'registryUrl';

export function createRegistrySetting(openDb: () => Promise<Database>): RegistrySetting {
  return {
    async get() {
      const stored = await (await openDb()).get('settings', SETTING);
      return typeof stored === 'string' || stored === null ? stored : undefined;
    },
    async set(url) {
      const db = await openDb();
      if (url === undefined) await db.delete('settings', SETTING);
      else await db.put('settings', url, SETTING);
    },
  };
}
