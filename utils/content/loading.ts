/**
 * A page still being parsed, as a script that starts with it (`document_start`) sees it: whether
 * the parser has gone past an element (its text is complete), and when the markup is complete.
 */

/**
 * Whether the parser has gone past this element: a node follows it or one of its ancestors. The
 * parser adds nodes in document order, so until then the element may still be missing text or
 * children (a title cut at a network packet's end, a card without its price yet).
 */
export function parsed(element: Element): boolean {
  for (let node: Node | null = element; node; node = node.parentNode) {
    if (node.nextSibling) return true;
  }
  return false;
}

/**
 * Calls `done` once the page's markup is parsed (DOMContentLoaded), and returns what stops
 * waiting. The listener is on the window, in the capture phase: registered before any script of
 * the page's own, it runs before any of theirs, so none can stop the event from reaching it.
 */
export function whenParsed(doc: Document, done: () => void): () => void {
  const view = doc.defaultView;
  if (!view) return () => undefined;
  view.addEventListener('DOMContentLoaded', done, { capture: true, once: true });
  return () => view.removeEventListener('DOMContentLoaded', done, { capture: true });
}
