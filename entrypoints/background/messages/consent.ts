/**
 * Nothing is queued for the registry that Firefox's data consent does not cover: a report from a
 * badge's chip (a content script cannot ask) is refused until the shopper has allowed it once in
 * the report dialog, and the page says so in the shopper's words.
 */
import { CONSENT_NEEDED, reportCategories } from '../../../utils/protocol/runtime/data-collection';
import { maySend } from '../../../utils/report/data-consent';

export async function holdToConsent(contact: string | undefined): Promise<void> {
  if (await maySend(reportCategories(contact))) return;
  throw new Error(CONSENT_NEEDED);
}
