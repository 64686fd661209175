/**
 * A shopper's failed action on the page is said, not swallowed: opening the report dialog or hiding
 * a seller, with the background refusing, shows a notice in our own host that goes away by itself.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotices, NOTICE_MS } from '../../../components/page/notice';
import { shopperActions } from '../../../components/page/shopper-actions';
import { isOwnHost } from '../../../utils/content/hosts';
import { setLanguage } from '../../../utils/i18n';
import { ProtocolError, type sendMessage } from '../../../utils/protocol/runtime/client';
import type { DraftListing } from '../../../utils/protocol/runtime/report-drafts';
import type { ExtractedListing } from '../../../utils/sites/engine/types';

const listing = {
  kind: 'product',
  itemKey: 'shopee:item:1.2',
  sellerKey: 'shopee:seller:1',
  sellerName: 'Shop Mẫu',
} as unknown as ExtractedListing;

const failing = (async () => {
  throw new ProtocolError('internal', 'the background is restarting');
}) as unknown as typeof sendMessage;

function bed(send: typeof sendMessage) {
  const openFrame = vi.fn();
  const afterMute = vi.fn();
  const notices = createNotices(document, '.notice{}');
  const actions = shopperActions({
    send,
    draftOf: async () => ({}) as DraftListing,
    openFrame,
    afterMute,
    notices,
  });
  return { actions, openFrame, afterMute };
}

/** Our roots are closed: the test keeps each one as it is attached, to read the notice in it. */
const roots: ShadowRoot[] = [];
const attach = Element.prototype.attachShadow;
beforeEach(() => {
  roots.length = 0;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
});

const shownNotice = () => roots.at(-1)?.querySelector('[data-testid="soi-hang-notice"]') ?? null;

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe("a shopper's failed action on the page", () => {
  it('opening the report dialog: says it failed and why, in our own host, then goes', async () => {
    vi.useFakeTimers();
    setLanguage('vi');
    const { actions, openFrame } = bed(failing);
    await actions.openReport(listing);
    expect(openFrame).not.toHaveBeenCalled();
    const host = document.querySelector('soi-hang-notice');
    expect(host && isOwnHost(host)).toBe(true);
    const notice = shownNotice();
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('chưa mở được hộp thoại báo cáo');
    expect(notice?.textContent).toContain('the background is restarting');
    expect(notice?.children).toHaveLength(0); // text only
    vi.advanceTimersByTime(NOTICE_MS);
    expect(document.querySelector('soi-hang-notice')).toBeNull();
  });

  it('hiding a seller: says so in English too, and the page does not start over', async () => {
    setLanguage('en');
    const { actions, afterMute } = bed(failing);
    const mute = actions.mute(listing);
    mute?.(false, { isTrusted: true } as Event);
    await vi.waitFor(() => expect(document.querySelector('soi-hang-notice')).not.toBeNull());
    expect(afterMute).not.toHaveBeenCalled();
    expect(shownNotice()?.getAttribute('role')).toBe('alert');
    expect(shownNotice()?.textContent).toContain(
      "could not hide this seller's warnings".replace("'", '\u2019'),
    );
    setLanguage('vi');
  });

  it('a press the page made is ignored, and success shows nothing', async () => {
    const ok = (async () => ({
      token: 'f0e0d0c0-0b0a-4098-8765-43210fedcba9',
    })) as unknown as typeof sendMessage;
    const { actions, openFrame } = bed(ok);
    await actions.openReport(listing);
    expect(openFrame).toHaveBeenCalledWith('f0e0d0c0-0b0a-4098-8765-43210fedcba9');
    expect(document.querySelector('soi-hang-notice')).toBeNull();
    const { actions: failingActions } = bed(failing);
    failingActions.mute(listing)?.(false, { isTrusted: false } as Event);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('soi-hang-notice')).toBeNull();
  });
});
