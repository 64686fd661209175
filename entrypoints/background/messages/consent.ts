/**
 * Nothing is queued for the registry that Firefox's data consent does not cover: a report from a
 * badge's chip (a content script cannot ask) is refused until the shopper has allowed it once in
 * the report dialog, and the page says so in the shopper's words; inspector mode is not entered
 * without its own.
 */
import { CONSENT_NEEDED, type DataCategory } from '../../../utils/protocol/runtime/data-collection';
import { maySend } from '../../../utils/report/data-consent';

export async function holdToConsent(categories: readonly DataCategory[]): Promise<void> {
  if (await maySend(categories)) return;
  throw new Error(CONSENT_NEEDED);
}
