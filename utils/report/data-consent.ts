/**
 * Firefox's built-in consent to send data (utils/protocol/runtime/data-collection.ts): asked for
 * under the person's own press, checked before anything is queued. Browsers without it (Chrome,
 * whose store takes the consent line of the dialog and the privacy policy) always allow.
 */
import { browser } from 'wxt/browser';
import type { DataCategory } from '../protocol/runtime/data-collection';

type DataPermissions = { data_collection: string[] };
interface ConsentApis {
  /** The optional categories the manifest declares; undefined where the browser has no such consent. */
  declared(): readonly string[] | undefined;
  /** Whether this page may ask: Firefox gives our dialog no permissions API when it is framed. */
  canAsk(): boolean;
  contains(permissions: DataPermissions): Promise<boolean>;
  request(permissions: DataPermissions): Promise<boolean>;
}

function manifestConsent(): ConsentApis {
  const permissions = browser.permissions as unknown as
    | {
        contains(permissions: DataPermissions): Promise<boolean>;
        request(permissions: DataPermissions): Promise<boolean>;
      }
    | undefined;
  return {
    declared() {
      const manifest = browser.runtime.getManifest() as {
        browser_specific_settings?: {
          gecko?: { data_collection_permissions?: { optional?: string[] } };
        };
      };
      return manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional;
    },
    canAsk: () => permissions !== undefined,
    contains: (wanted) => (permissions ? permissions.contains(wanted) : Promise.resolve(false)),
    request: (wanted) => (permissions ? permissions.request(wanted) : Promise.resolve(false)),
  };
}

const wantedOf = (apis: ConsentApis, categories: readonly DataCategory[]) => {
  const declared = apis.declared();
  return declared ? categories.filter((category) => declared.includes(category)) : [];
};

/**
 * Asks for the categories a send needs. Called first thing in the press's handler (no await
 * before it): Firefox shows its prompt only while the press is being handled. True when granted,
 * when this browser has no such consent, or when this page cannot ask (the background then holds
 * the report to the consent: CONSENT_NEEDED).
 */
export function askToSend(
  categories: readonly DataCategory[],
  apis: ConsentApis = manifestConsent(),
): Promise<boolean> {
  const wanted = wantedOf(apis, categories);
  if (wanted.length === 0 || !apis.canAsk()) return Promise.resolve(true);
  return apis.request({ data_collection: wanted }).catch(() => false);
}

/** Whether the categories were granted already (the background's check before queueing). */
export async function maySend(
  categories: readonly DataCategory[],
  apis: ConsentApis = manifestConsent(),
): Promise<boolean> {
  const wanted = wantedOf(apis, categories);
  if (wanted.length === 0) return true;
  return apis.contains({ data_collection: wanted }).catch(() => false);
}

export type { ConsentApis };
