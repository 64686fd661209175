/**
 * One stylesheet shared by every badge and banner shadow root: a constructable sheet where the
 * browser lets a content script adopt it, a <style> element (text only) where it does not (Firefox
 * content scripts cannot hand page-compartment arrays to adoptedStyleSheets).
 */
const sheets = new Map<string, CSSStyleSheet | null>();

/** One sheet per stylesheet text, built on first use (banner styles only on product pages). */
function sharedSheet(css: string): CSSStyleSheet | null {
  let sheet = sheets.get(css);
  if (sheet !== undefined) return sheet;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  } catch {
    sheet = null;
  }
  sheets.set(css, sheet);
  return sheet;
}

/** Whether adopting works here: learnt from the first root, then trusted (reading it back allocates). */
let adoptionWorks: boolean | undefined;

export function applyStyles(root: ShadowRoot, css: string): void {
  const sheet = adoptionWorks === false ? null : sharedSheet(css);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      // Firefox's content-script sandbox may drop the assignment without throwing.
      adoptionWorks ??= root.adoptedStyleSheets.length === 1;
      if (adoptionWorks) return;
    } catch {
      adoptionWorks = false;
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}
