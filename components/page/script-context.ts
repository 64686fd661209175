/**
 * Our content scripts' context, built in place of WXT's `ContentScriptContext` (wxt.config.ts
 * aliases `wxt/utils/content-script-context` to this file for content scripts): what they use of
 * it, and nothing a page can see or use.
 *
 * Why not WXT's: it announces every start to the page (`window.postMessage` naming the extension's
 * id and the script), and stops itself when a `CustomEvent` of that name reaches the document. A
 * page's script can send that event, and every warning went with it (tests/e2e/page-cannot-touch).
 * That mechanism is for a newer copy of a script injected into the same document, which we never
 * do: the manifest injects ours once per document. A script left behind by an extension update or
 * removal is told by its runtime, whose id is gone, as WXT also checks. It was also about 2 KB gzip
 * of every content script and a message event the page had to handle on every load.
 */
import { browser } from 'wxt/browser';

/** What start-site.ts uses of a content script's context (WXT's type has all of it too). */
export interface PageContext {
  readonly isValid: boolean;
  onInvalidated(callback: () => void): () => void;
  requestAnimationFrame(callback: FrameRequestCallback): number;
  /** `wxt:locationchange`: the page's address changed without a new document (history, SPA). */
  addEventListener(target: Window, type: 'wxt:locationchange', handler: () => void): void;
}

/** How often an address change is looked for where the Navigation API is missing (Firefox ESR). */
const LOCATION_POLL_MS = 1000;

interface NavigationLike {
  addEventListener(
    type: 'currententrychange',
    listener: () => void,
    options: { signal: AbortSignal },
  ): void;
}

/** Made by WXT's content script entry, which gives it the script's name and options (unused). */
export class ContentScriptContext implements PageContext {
  private readonly controller = new AbortController();
  private readonly onLocation: Array<() => void> = [];

  /** False once the extension was reloaded, updated or removed: its runtime has no id any more. */
  get isValid(): boolean {
    if (!this.controller.signal.aborted && browser.runtime?.id == null) {
      this.controller.abort();
    }
    return !this.controller.signal.aborted;
  }

  onInvalidated(callback: () => void): () => void {
    const { signal } = this.controller;
    signal.addEventListener('abort', callback);
    return () => signal.removeEventListener('abort', callback);
  }

  /**
   * A frame callback that does not run once the context is invalid. (WXT's also added a listener
   * to cancel it on invalidation, one more per frame asked for, kept for the page's life.)
   */
  requestAnimationFrame(callback: FrameRequestCallback): number {
    return requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
  }

  /** Only `wxt:locationchange`, heard here and never sent through the page as an event. */
  addEventListener(_target: Window, _type: 'wxt:locationchange', handler: () => void): void {
    if (this.onLocation.push(handler) === 1) this.watchLocation();
  }

  private watchLocation(): void {
    const { signal } = this.controller;
    let last = location.href;
    const changedTo = (href: string) => {
      if (href === last || !this.isValid) return;
      last = href;
      for (const handler of this.onLocation) handler();
    };
    // Once the page's current entry has changed, not when a navigation starts (`navigate`): a
    // navigation the page cancels or that fails never changes the address, and an event the page
    // sends carries nothing we read (the address is read from `location`).
    const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener('currententrychange', () => changedTo(location.href), {
        signal,
      });
      return;
    }
    const timer = setInterval(() => changedTo(location.href), LOCATION_POLL_MS);
    this.onInvalidated(() => clearInterval(timer));
  }
}
