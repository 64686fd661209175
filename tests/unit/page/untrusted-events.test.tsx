/**
 * A page's script can dispatch events at anything it reaches; none of them acts on our warnings.
 * (happy-dom has no isTrusted: tests/unit/setup.ts makes events trusted, these mark theirs not.)
 */

import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../components/page/overlay';
import { attachPopover } from '../../../components/page/popover';
import type { ExtractedListing } from '../../../utils/sites/engine/types';
import { record } from '../../helpers/records';

function untrusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: false });
  return event;
}
const click = () =>
  untrusted(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));

describe("a page's synthetic events", () => {
  it('neither open a badge nor press a control in its popover', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const button = document.createElement('button');
    root.append(button);
    const pressed = vi.fn();
    const control = attachPopover(root, button, 'details', (container) => {
      const mute = document.createElement('button');
      mute.addEventListener('click', pressed);
      container.append(mute);
    });
    button.dispatchEvent(click());
    expect(control.isOpen).toBe(false);
    button.click(); // the shopper's own click (trusted here) opens it
    expect(control.isOpen).toBe(true);
    const mute = root.querySelector('[data-testid="soi-hang-popover"] button') as HTMLElement;
    mute.dispatchEvent(click());
    expect(pressed).not.toHaveBeenCalled();
    mute.click();
    expect(pressed).toHaveBeenCalledOnce();
  });

  it("never reach a banner's buttons, behind a closed shadow root", () => {
    // The test keeps the roots the overlay makes; the page has no such way in.
    const roots: ShadowRoot[] = [];
    const modes: string[] = [];
    const attach = Element.prototype.attachShadow;
    const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
      this: Element,
      init: ShadowRootInit,
    ) {
      const root = attach.call(this, init);
      roots.push(root);
      modes.push(init.mode);
      return root;
    });
    const anchor = document.createElement('h1');
    document.body.append(anchor);
    const pressed = vi.fn();
    const overlay = createOverlay(document, {
      badge: (doc) => doc.createElement('span'),
      details: () => undefined,
      badgeCss: '',
      popoverLabel: 'details',
      banner: (root) =>
        render(
          <button type="button" data-testid="mute-seller" onClick={pressed}>
            mute
          </button>,
          root,
        ),
      bannerCss: '',
      reportButton: (doc) => doc.createElement('button'),
      reportCss: '',
      onReport: () => undefined,
      inspector: () => undefined,
      erase: (container) => render(null, container),
      inspectorMarker: (doc) => doc.createElement('button'),
      inspectorCss: () => '',
      inspectorLabel: () => 'inspector',
    });
    const listing = {
      anchor,
      kind: 'product',
      itemKey: 'shopee:item:1.2',
    } as unknown as ExtractedListing;
    const verdict = {
      status: 'confirmed',
      subject: 'item',
      record: record('shopee:item:1.2'),
    } as const;
    overlay.mount(listing, verdict, null);
    spy.mockRestore();
    expect(modes).toEqual(['closed']);
    const host = anchor.previousElementSibling as HTMLElement;
    expect(host.shadowRoot).toBeNull(); // what a page's script sees
    const button = roots[0]?.querySelector('button') as HTMLElement;
    button.dispatchEvent(click());
    expect(pressed).not.toHaveBeenCalled();
    button.click();
    expect(pressed).toHaveBeenCalledOnce();
  });
});
