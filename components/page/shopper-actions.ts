/**
 * What a shopper's presses on the page ask of the background: open the report dialog for a listing,
 * hide a seller's warnings. A failure is said to the shopper in a notice (notice.ts), never dropped.
 */
import { t } from '../../utils/i18n';
import { errorMessage } from '../../utils/protocol/error-message';
import type { sendMessage } from '../../utils/protocol/runtime/client';
import type { DraftListing } from '../../utils/protocol/runtime/report-drafts';
import type { ExtractedListing } from '../../utils/sites/engine/types';
import type { MuteHandler } from '../WarningActions';
import type { Notices } from './notice';

export interface ShopperActionDeps {
  send: typeof sendMessage;
  draftOf(listing: ExtractedListing): Promise<DraftListing>;
  /** Shows the report dialog of a draft over the page. */
  openFrame(token: string): void;
  /** After a seller was muted: the page starts over under the new mutes. */
  afterMute(): void;
  notices: Notices;
}

export function shopperActions(deps: ShopperActionDeps) {
  const failed = (key: 'noticeReportFailed' | 'noticeMuteFailed') => (error: unknown) =>
    deps.notices.show(t(key, errorMessage(error)));
  return {
    /** The report dialog for this listing, over the page. */
    openReport(listing: ExtractedListing): Promise<void> {
      return deps
        .draftOf(listing)
        .then((draft) => deps.send('openReportDraft', draft))
        .then(({ token }) => deps.openFrame(token))
        .catch(failed('noticeReportFailed'));
    },
    /**
     * "Hide warnings for this seller". Only a real click or key press by the shopper counts: a
     * script on the page could otherwise press the button for them.
     */
    mute(listing: ExtractedListing): MuteHandler | undefined {
      const sellerKey = listing.sellerKey;
      if (!sellerKey) return undefined;
      return (today, event) => {
        if (!event.isTrusted) return;
        const label = listing.sellerName?.slice(0, 200);
        void deps
          .send('muteSeller', { sellerKey, today, ...(label ? { label } : {}) })
          .then(() => deps.afterMute())
          .catch(failed('noticeMuteFailed'));
      };
    },
  };
}
