import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageUiLoader } from '../../../components/page/load-page-ui';
import { PAGE_UI_KEY, type PageUi } from '../../../components/page/page-ui-contract';

const CHUNK = 'chrome-extension://soi-hang/page-ui.js';
const registered = () => (globalThis as Record<symbol, PageUi | undefined>)[PAGE_UI_KEY];

/** Loading the chunk, as import() does: it runs and registers its UI (entrypoints/page-ui.ts). */
async function importChunk(url: string): Promise<unknown> {
  await Promise.resolve();
  if (url !== CHUNK) throw new Error(`cannot load ${url}`);
  (globalThis as Record<symbol, unknown>)[PAGE_UI_KEY] ??= { erase() {} };
  return {};
}

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[PAGE_UI_KEY];
  document.body.replaceChildren();
});

describe('the page UI chunk', () => {
  it('is loaded on the first drawing only, then used at once', async () => {
    const url = vi.fn(() => CHUNK);
    const loader = pageUiLoader(url, () => undefined, importChunk);
    const shown = document.body.appendChild(document.createElement('div'));
    expect(loader.loaded()).toBeNull(); // nothing drawn yet: nothing loaded
    const first = new Promise<PageUi>((resolve) => loader.draw(shown, resolve));
    expect(await first).toBe(registered());
    let now: PageUi | null = null;
    loader.draw(shown, (ui) => {
      now = ui;
    });
    expect(now).toBe(registered()); // in the same task: no load, no microtask
    expect(url).toHaveBeenCalledTimes(1);
  });

  it('is used as it is, never loaded again, when the manifest injected it with the page', async () => {
    const load = vi.fn(importChunk);
    (globalThis as Record<symbol, unknown>)[PAGE_UI_KEY] = { erase() {} };
    const loader = pageUiLoader(
      () => CHUNK,
      () => undefined,
      load,
    );
    loader.preload();
    expect(loader.loaded()).toBe(registered());
    const shown = document.body.appendChild(document.createElement('div'));
    let now: PageUi | null = null;
    loader.draw(shown, (ui) => {
      now = ui;
    });
    expect(now).toBe(registered()); // in the same task, as the banner is drawn
    expect(await loader.load()).toBe(registered());
    expect(load).not.toHaveBeenCalled();
  });

  it('draws nothing into a container the page no longer shows', async () => {
    const loader = pageUiLoader(
      () => CHUNK,
      () => undefined,
      importChunk,
    );
    const gone = document.createElement('div');
    const use = vi.fn();
    loader.draw(gone, use);
    await vi.waitFor(() => expect(loader.loaded()).not.toBeNull());
    expect(use).not.toHaveBeenCalled();
  });

  it('says a failed load to its caller, never to the page, and tries again at the next drawing', async () => {
    const onError = vi.fn();
    const url = vi
      .fn<() => string>()
      .mockReturnValueOnce('chrome-extension://soi-hang/gone.js')
      .mockReturnValue(CHUNK);
    const loader = pageUiLoader(url, onError, importChunk);
    const shown = document.body.appendChild(document.createElement('div'));
    loader.draw(shown, () => undefined);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    const drawn = new Promise<PageUi>((resolve) => loader.draw(shown, resolve));
    expect(await drawn).toBe(registered());
  });

  it('may be loaded ahead of its first drawing (a product page), and once only', async () => {
    const url = vi.fn(() => CHUNK);
    const loader = pageUiLoader(url, () => undefined, importChunk);
    loader.preload();
    await vi.waitFor(() => expect(loader.loaded()).toBe(registered()));
    let now: PageUi | null = null;
    loader.draw(document.body, (ui) => {
      now = ui;
    });
    expect(now).toBe(registered());
    expect(url).toHaveBeenCalledTimes(1);
  });
});
