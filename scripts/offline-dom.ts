/**
 * Saved marketplace pages as documents, parsed by happy-dom in a window of its own that never loads
 * anything (captures are full of iframes, trackers and stylesheets) and keeps quiet about it.
 */
import { Window } from 'happy-dom';

export const OFFLINE_SETTINGS = {
  disableIframePageLoading: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
};

const quiet = Object.fromEntries(
  ['log', 'info', 'warn', 'error', 'debug', 'trace'].map((name) => [name, () => undefined]),
) as unknown as Console;

export function parseOffline(html: string, url: string): Document {
  const window = new Window({ url, console: quiet, settings: OFFLINE_SETTINGS });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/**
 * The page inside a saved file: HTML as it is, or HTML kept in a JavaScript template literal
 * (`var page = \`<html>…\``) by the tool that saved it. Null when the file holds no page.
 */
export function pageFromSavedFile(text: string, fileName: string): string | null {
  let content = text;
  if (/\.(?:js|ts|mjs)$/.test(fileName)) {
    const first = text.indexOf('`');
    const last = text.lastIndexOf('`');
    if (first < 0 || last <= first) return null;
    content = text
      .slice(first + 1, last)
      .replace(/\\`/g, '`')
      .replace(/\\\$\{/g, '${');
  }
  return /<(?:!doctype|html|head|body|div|a)\b/i.test(content) ? content : null;
}

/** A Chrome "save page as" file records its address in a comment at the top. */
export function savedFromUrl(html: string): string | null {
  return html.match(/<!-- saved from url=\(\d+\)(\S+) -->/)?.[1] ?? null;
}
