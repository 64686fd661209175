import { describe, expect, it, vi } from 'vitest';
import { stopBadgeListeners } from '../../../components/page/badge-listeners';
import { attachPopover } from '../../../components/page/popover';

function setup() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  root.append(button);
  const render = vi.fn((container: HTMLElement, close: () => void) => {
    const closer = document.createElement('button');
    closer.textContent = 'close';
    closer.addEventListener('click', close);
    container.append(closer);
  });
  const control = attachPopover(root, button, 'Warning details', render);
  const popover = () => root.querySelector<HTMLElement>('[data-testid="soi-hang-popover"]');
  return { host, root, button, render, control, popover };
}

describe('badge popover', () => {
  it('is built on first opening only, named, and linked to its badge', () => {
    const { button, render, control, popover } = setup();
    expect(popover()).toBeNull();
    control.open(true);
    control.close();
    control.open(true);
    expect(render).toHaveBeenCalledOnce();
    expect(popover()?.getAttribute('role')).toBe('dialog');
    expect(popover()?.getAttribute('aria-label')).toBe('Warning details');
    expect(button.getAttribute('aria-controls')).toBe(popover()?.id);
  });

  it('opens only once a body drawn later is there, never empty', () => {
    const host = document.body.appendChild(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    const button = root.appendChild(document.createElement('button'));
    let drawn: () => void = () => undefined;
    const control = attachPopover(root, button, 'Warning details', (container, _close, done) => {
      drawn = () => {
        container.append('details');
        done();
      };
      return false; // its code is still loading
    });
    control.open(true);
    expect(control.isOpen).toBe(false);
    expect(button.getAttribute('aria-expanded')).not.toBe('true');
    drawn();
    expect(control.isOpen).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });

  it("keeps clicks on the badge from the card's link and the page", () => {
    const { host, button } = setup();
    const link = document.createElement('a');
    link.href = '#card';
    host.before(link);
    link.append(host);
    const pageHeard = vi.fn();
    document.addEventListener('click', pageHeard);
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    button.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(pageHeard).not.toHaveBeenCalled();
    document.removeEventListener('click', pageHeard);
  });

  it("a click on the popover's text never follows the card's link; its own controls keep theirs", () => {
    const { host, root, control, popover } = setup();
    const link = document.createElement('a');
    link.href = '#card';
    host.before(link);
    link.append(host);
    control.open(true);
    const text = document.createElement('p');
    text.textContent = 'Nguồn: …';
    const source = document.createElement('a');
    source.href = 'https://example.org/';
    source.append(document.createElement('span'));
    popover()?.append(text, source);
    const clickOn = (target: Element) => {
      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
      target.dispatchEvent(click);
      return click.defaultPrevented;
    };
    expect(clickOn(text)).toBe(true);
    expect(clickOn(popover() as HTMLElement)).toBe(true);
    expect(clickOn(source.firstElementChild as Element)).toBe(false);
    expect(clickOn(popover()?.querySelector('button') as HTMLElement)).toBe(false);
    expect(root.contains(text)).toBe(true);
  });

  it('a click pins it open, a second click or its close button closes it and returns focus', () => {
    const { button, control, popover } = setup();
    button.click();
    expect(control.isOpen || popover()?.matches(':popover-open')).toBeTruthy();
    popover()?.querySelector('button')?.click();
    expect(control.isOpen).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('leaves the page alone once the content script stops', () => {
    const { button, control } = setup();
    stopBadgeListeners(window);
    const pageHeard = vi.fn();
    document.addEventListener('click', pageHeard);
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(control.isOpen).toBe(false);
    expect(pageHeard).toHaveBeenCalledOnce();
    document.removeEventListener('click', pageHeard);
  });
});
