/**
 * What the extension's own pages (popup, options) do for reports: open the report dialog as a window
 * on a new draft, and the link check's dependencies (a local lookup, a host permission asked for at
 * the shopper's request, a short link followed).
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../protocol/runtime/client';
import type { RequestOf } from '../protocol/runtime/messages';
import type { LinkCheckDeps, ListingReading } from './link-check';
import { openWindowOrTab, REPORT_WINDOW } from './open-window';

export async function openReportWindow(draft: RequestOf<'createReportDraft'>): Promise<void> {
  const { token } = await sendMessage('createReportDraft', draft);
  const url = `${browser.runtime.getURL('/report.html')}?draft=${token}`;
  await openWindowOrTab(url, REPORT_WINDOW);
}

/** A listing known only by its link: its ids, its address, and the time it was checked. */
export function reportLinkedListing(reading: ListingReading, now: Date): Promise<void> {
  return openReportWindow({
    origin: 'popup',
    listing: {
      platform: reading.platform,
      itemKey: reading.itemKey,
      ...(reading.sellerKey ? { sellerKey: reading.sellerKey } : {}),
      title: reading.itemKey,
      url: reading.url,
      seenAt: now.toISOString(),
    },
  });
}

export const linkCheckDeps: LinkCheckDeps = {
  lookup: (keys) => sendMessage('lookup', { keys }),
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  async follow(url) {
    const response = await fetch(url, { redirect: 'follow', credentials: 'omit' });
    return response.url;
  },
};
