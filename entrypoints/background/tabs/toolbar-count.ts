/**
 * The toolbar icon's count of a tab's flagged listings: a badge in the warnings' red, empty when
 * nothing on the tab is flagged.
 */
import type { browser as BrowserApi } from 'wxt/browser';

/** The warnings' red (components/badge.css): the count reads as the badges on the page do. */
export const FLAGGED_BADGE_COLOUR = '#b3261e';

type ActionApi = Pick<
  NonNullable<(typeof BrowserApi)['action']>,
  'setBadgeBackgroundColor' | 'setBadgeText'
>;

export function createToolbarCount(action: ActionApi) {
  return async function showCount(tabId: number, flagged: number): Promise<void> {
    try {
      await action.setBadgeBackgroundColor({ tabId, color: FLAGGED_BADGE_COLOUR });
      await action.setBadgeText({ tabId, text: flagged > 0 ? String(flagged) : '' });
    } catch {
      // the tab may have closed meanwhile
    }
  };
}
