/**
 * One stylesheet shared by every badge and banner shadow root: a constructable sheet where the
 * browser lets a content script adopt it, a <style> element (text only) where it does not (Firefox
 * content scripts cannot hand page-compartment arrays to adoptedStyleSheets).
 */
let shared: CSSStyleSheet | null | undefined;

function sharedSheet(css: string): CSSStyleSheet | null {
  if (shared !== undefined) return shared;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shared = sheet;
  } catch {
    shared = null;
  }
  return shared;
}

export function applyStyles(root: ShadowRoot, css: string): void {
  const sheet = sharedSheet(css);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      // Firefox's content-script sandbox may drop the assignment without throwing.
      if (root.adoptedStyleSheets.length === 1) return;
    } catch {
      // fall through to a <style> element
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}
