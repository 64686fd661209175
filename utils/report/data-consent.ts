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
  contains(permissions: DataPermissions): Promise<boolean>;
  request(permissions: DataPermissions): Promise<boolean>;
}

function manifestConsent(): ConsentApis {
  const permissions = browser.permissions as unknown as {
    contains(permissions: DataPermissions): Promise<boolean>;
    request(permissions: DataPermissions): Promise<boolean>;
  };
  return {
    declared() {
      const manifest = browser.runtime.getManifest() as {
        browser_specific_settings?: {
          gecko?: { data_collection_permissions?: { optional?: string[] } };
        };
      };
      return manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional;
    },
    contains: (wanted) => permissions.contains(wanted),
    request: (wanted) => permissions.request(wanted),
  };
}

const wantedOf = (apis: ConsentApis, categories: readonly DataCategory[]) => {
  const declared = apis.declared();
  return declared ? categories.filter((category) => declared.includes(category)) : [];
};

/**
 * Asks for the categories a send needs. Called first thing in the press's handler (no await
 * before it): Firefox shows its prompt only while the press is being handled. True when granted,
 * or when this browser has no such consent.
 */
export function askToSend(
  categories: readonly DataCategory[],
  apis: ConsentApis = manifestConsent(),
): Promise<boolean> {
  const wanted = wantedOf(apis, categories);
  if (wanted.length === 0) return Promise.resolve(true);
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
