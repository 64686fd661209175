import { describe, expect, it } from 'vitest';
import { applyStyles } from '../../../components/page/shadow-styles';

function shadowRoot(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  return host.attachShadow({ mode: 'open' });
}

describe('shared shadow-root styles', () => {
  it('styles every root, with one shared sheet where the browser allows it', () => {
    const [a, b] = [shadowRoot(), shadowRoot()];
    applyStyles(a, '.badge { color: red; }');
    applyStyles(b, '.badge { color: red; }');
    const styled = (root: ShadowRoot) =>
      root.adoptedStyleSheets.length === 1 || root.querySelector('style') !== null;
    expect(styled(a) && styled(b)).toBe(true);
    if (a.adoptedStyleSheets.length === 1)
      expect(a.adoptedStyleSheets[0]).toBe(b.adoptedStyleSheets[0]);
  });

  it('falls back to a <style> element, as text, where adopting a sheet is refused', () => {
    const root = shadowRoot();
    Object.defineProperty(root, 'adoptedStyleSheets', {
      get: () => [],
      set: () => {
        throw new TypeError('not allowed from this compartment');
      },
    });
    applyStyles(root, '.badge { color: red; }');
    expect(root.querySelector('style')?.textContent).toBe('.badge { color: red; }');
  });

  it('falls back where the assignment is silently dropped', () => {
    const root = shadowRoot();
    Object.defineProperty(root, 'adoptedStyleSheets', { get: () => [], set: () => undefined });
    applyStyles(root, '.x{}');
    expect(root.querySelector('style')).not.toBeNull();
  });
});
