/** A page still being parsed: when an element is whole, and the end of the markup. */
import { describe, expect, it, vi } from 'vitest';
import { parsed, whenParsed } from '../../../utils/content/loading';

describe('a page still being parsed', () => {
  it('counts an element as parsed once a node follows it or one of its ancestors', () => {
    document.body.innerHTML = '<main><div><h1>Sữa bột</h1></div></main>';
    const title = document.querySelector('h1') as Element;
    expect(parsed(title)).toBe(false); // the parser may still be inside it
    title.parentElement?.append(document.createTextNode(' '));
    expect(parsed(title)).toBe(true);
    document.body.innerHTML = '<main><div><h1>Sữa bột mẫu A</h1></div></main><footer></footer>';
    expect(parsed(document.querySelector('h1') as Element)).toBe(true);
  });

  it("hears the end of the markup before any listener of the page's own, which cannot stop it", () => {
    const done = vi.fn();
    const stop = whenParsed(document, done);
    // Registered after ours, as every script of the page is: it stops the event for the rest.
    const stopper = (event: Event) => event.stopImmediatePropagation();
    window.addEventListener('DOMContentLoaded', stopper, true);
    document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
    expect(done).toHaveBeenCalledOnce();
    window.removeEventListener('DOMContentLoaded', stopper, true);
    stop();
  });

  it('stops waiting when asked', () => {
    const done = vi.fn();
    whenParsed(document, done)();
    document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
    expect(done).not.toHaveBeenCalled();
  });
});
