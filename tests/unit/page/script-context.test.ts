/**
 * Our content scripts' context (in place of WXT's): it says nothing to the page, no event of the
 * page's stops it, it stops once the extension's runtime is gone, and it hears the page's address
 * change without a new document.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../../components/page/script-context';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (globalThis as { navigation?: unknown }).navigation;
  history.replaceState(null, '', 'https://shopee.vn/');
});

describe("a content script's context", () => {
  it('tells the page nothing when it starts, and no event the page sends stops it', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const ctx = new ContentScriptContext();
    ctx.addEventListener(window, 'wxt:locationchange', () => undefined);
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    // What WXT's context stopped on: a page can send it, naming the extension and the script.
    const name = `${fakeBrowser.runtime.id}:shopee:wxt:content-script-started`;
    const detail = { contentScriptName: 'shopee', messageId: 'forged' };
    document.dispatchEvent(new CustomEvent(name, { detail }));
    window.postMessage({ type: name, ...detail }, '*');
    expect(ctx.isValid).toBe(true);
  });

  it('stops once the extension was reloaded or removed: its runtime has no id', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext();
    const stopped = vi.fn();
    ctx.onInvalidated(stopped);
    const frame = vi.fn();
    ctx.requestAnimationFrame(frame);
    vi.advanceTimersByTime(50);
    expect(frame).toHaveBeenCalledOnce();
    const id = fakeBrowser.runtime.id;
    try {
      (fakeBrowser.runtime as { id?: string }).id = undefined;
      ctx.requestAnimationFrame(frame);
      vi.advanceTimersByTime(50);
      expect(frame).toHaveBeenCalledOnce(); // not again: the script is left behind
      expect(ctx.isValid).toBe(false);
      expect(stopped).toHaveBeenCalledOnce();
    } finally {
      (fakeBrowser.runtime as { id?: string }).id = id;
    }
  });

  it("hears the page's address change, once a change, where there is no Navigation API", () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext();
    const changed = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', changed);
    vi.advanceTimersByTime(2000);
    expect(changed).not.toHaveBeenCalled();
    history.pushState(null, '', '/search?keyword=sua');
    vi.advanceTimersByTime(1000);
    expect(changed).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(3000);
    expect(changed).toHaveBeenCalledOnce();
  });

  it("hears it from the Navigation API once the page's entry changed, never from a navigation that did not happen", () => {
    const navigation = new EventTarget();
    (globalThis as { navigation?: unknown }).navigation = navigation;
    const ctx = new ContentScriptContext();
    const changed = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', changed);
    const entryChanged = () => navigation.dispatchEvent(new Event('currententrychange'));
    // A navigation that starts and is cancelled, or an event the page sends: the address is the same.
    navigation.dispatchEvent(new Event('navigate'));
    entryChanged();
    expect(changed).not.toHaveBeenCalled();
    history.pushState(null, '', '/Sua-bot-mau-A-900g-i.0000000007.0000000102');
    entryChanged();
    expect(changed).toHaveBeenCalledOnce();
    entryChanged();
    expect(changed).toHaveBeenCalledOnce();
  });
});
