/**
 * Loads the page UI chunk (entrypoints/page-ui.ts) the first time a content script has something
 * to draw beyond a badge: a badge's details once opened, a product page's banner, inspector
 * sections, a report's draft. A grid where nothing is opened never loads it, so every marketplace page starts with
 * the small script only (the size test in tests/e2e/built-packages.e2e.ts holds it).
 *
 * Why a web-accessible chunk, loaded with `import()`: WXT builds each content script as one
 * classic script, and a content script's dynamic import of an extension URL runs the module in
 * the content script's own realm (Chrome's isolated world, Firefox's sandbox), where it leaves its
 * UI under PAGE_UI_KEY: the page's scripts never see it, and the chunk's code runs with our
 * closures (mutes, reports) as before. Drawing in the background or in a framed extension page
 * instead would cost a message or a frame on every opening and change how the popover sits in the
 * page. What it reveals: like report.html (already web-accessible to the same marketplace pages), a
 * page can fetch the file and so tell that Soi Hàng is installed; the code is the published source.
 */
import { PAGE_UI_KEY, type PageUi } from './page-ui-contract';
import { traceStep } from './trace-step';

/**
 * Runs `use` with the chunk: now when it is loaded (true), else once it is, if `container` is
 * still shown (false).
 */
export type WithPageUi = (container: Node, use: (ui: PageUi) => void) => boolean;

export interface PageUiLoader {
  draw: WithPageUi;
  /** The chunk if it is loaded (nothing was drawn before it was: erasing never loads it). */
  loaded(): PageUi | null;
  /** Starts loading it now, for a drawing that is likely to come (a product page's banner). */
  preload(): void;
  /** The chunk, once loaded (a report's draft is made by it). */
  load(): Promise<PageUi>;
}

/** A module by its address: `import()` in the content script (tests give their own). */
type ImportModule = (url: string) => Promise<unknown>;
const importModule: ImportModule = (url) => import(/* @vite-ignore */ url);

export function pageUiLoader(
  url: () => string,
  onError: (error: unknown) => void,
  load: ImportModule = importModule,
): PageUiLoader {
  const registered = () => (globalThis as Record<symbol, PageUi | undefined>)[PAGE_UI_KEY] ?? null;
  let ui: PageUi | null = null;
  /** The chunk if it is here: loaded by us, or injected with the page (a Shopee product address). */
  const current = () => (ui ??= registered());
  let loading: Promise<PageUi> | null = null;

  const start = (): Promise<PageUi> => {
    const here = current();
    if (here) return Promise.resolve(here);
    loading ??= load(url()).then(() => {
      traceStep('chunk-loaded');
      const loaded = registered();
      if (!loaded) throw new Error('the page UI chunk did not register');
      ui = loaded;
      return loaded;
    });
    // A failed load is tried again at the next drawing (the extension may have been reloaded).
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };

  return {
    draw(container, use) {
      const here = current();
      if (here) {
        use(here);
        return true;
      }
      // A drawing that fails after the load goes the same way as a failed load: never to the page.
      start()
        .then((loaded) => {
          if (container.isConnected) use(loaded);
        })
        .catch(onError);
      return false;
    },
    loaded: current,
    preload() {
      start().catch(() => undefined); // said at the drawing, which tries again
    },
    load: start,
  };
}
