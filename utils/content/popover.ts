/**
 * The details popover of a card's badge. It lives in the badge's shadow root but is shown in the
 * browser's top layer (the Popover API), so a card's `overflow: hidden`, transforms or the page's
 * z-indexes cannot clip or cover it; it is placed under the badge, inside the viewport.
 *
 * Click, Enter or Space on the badge pins it open; Escape, a click elsewhere or the close button
 * closes it, and focus goes back to the badge. A mouse resting on the badge opens it too. Its body
 * is rendered on first opening only: a grid has dozens of badges and few are ever opened. A click
 * on the badge never reaches the card's link or the page's handlers.
 */
const OPEN_DELAY_MS = 300;
const CLOSE_DELAY_MS = 250;
const MARGIN = 8;
let counter = 0;

type PopoverElement = HTMLElement & {
  showPopover?: () => void;
  hidePopover?: () => void;
};

export interface PopoverControl {
  open(pinned: boolean): void;
  close(): void;
  readonly isOpen: boolean;
}

export function attachPopover(
  root: ShadowRoot,
  button: HTMLElement,
  label: string,
  renderBody: (container: HTMLElement, close: () => void) => void,
): PopoverControl {
  const doc = root.ownerDocument;
  const popover = doc.createElement('div') as PopoverElement;
  const id = `soi-hang-popover-${++counter}`;
  popover.id = id;
  popover.className = 'popover';
  popover.setAttribute('role', 'dialog');
  popover.setAttribute('aria-label', label);
  popover.setAttribute('data-testid', 'soi-hang-popover');
  const native = typeof popover.showPopover === 'function';
  if (native) popover.setAttribute('popover', 'auto');
  else popover.hidden = true;
  button.setAttribute('aria-controls', id);
  root.append(popover);

  let rendered = false;
  let isOpen = false;
  let pinned = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const place = () => {
    const view = doc.defaultView;
    if (!native || !view) return;
    const badge = button.getBoundingClientRect();
    const width = Math.min(340, view.innerWidth - 2 * MARGIN);
    popover.style.width = `${width}px`;
    popover.style.left = `${Math.max(MARGIN, Math.min(badge.left, view.innerWidth - width - MARGIN))}px`;
    const below = badge.bottom + 6;
    const roomBelow = view.innerHeight - below - MARGIN;
    popover.style.top = `${roomBelow >= 200 ? below : Math.max(MARGIN, badge.top - 6 - Math.min(popover.offsetHeight || 320, view.innerHeight - 2 * MARGIN))}px`;
    popover.style.maxHeight = `${view.innerHeight - 2 * MARGIN}px`;
  };

  const settle = (open: boolean) => {
    isOpen = open;
    button.setAttribute('aria-expanded', String(open));
    if (!open) {
      const wasInside = popover.contains(root.activeElement);
      pinned = false;
      if (wasInside) button.focus();
    }
  };

  const control: PopoverControl = {
    open(pin) {
      clearTimeout(timer);
      pinned ||= pin;
      if (!rendered) {
        renderBody(popover, () => control.close());
        rendered = true;
      }
      if (isOpen) return;
      if (native) {
        popover.showPopover?.();
        place();
      } else {
        popover.hidden = false;
        settle(true);
      }
    },
    close() {
      clearTimeout(timer);
      if (!isOpen) return;
      if (native) popover.hidePopover?.();
      else {
        popover.hidden = true;
        settle(false);
      }
    },
    get isOpen() {
      return isOpen;
    },
  };

  // The native popover tells us when it opens or closes, light dismiss and Escape included.
  popover.addEventListener('toggle', (event) => {
    settle((event as Event & { newState?: string }).newState === 'open');
  });
  // Keep every click, pointer and key on our UI away from the card's link and the page's handlers.
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart']) {
    button.addEventListener(type, (event) => {
      event.stopPropagation();
      if (type === 'click') event.preventDefault();
    });
    popover.addEventListener(type, (event) => event.stopPropagation());
  }
  button.addEventListener('click', () => {
    if (isOpen && pinned) control.close();
    else control.open(true);
  });
  popover.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (!native && event.key === 'Escape') control.close();
  });
  button.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (!native && event.key === 'Escape') control.close();
  });
  const hover = (entering: boolean) => (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    clearTimeout(timer);
    if (entering && !isOpen) timer = setTimeout(() => control.open(false), OPEN_DELAY_MS);
    if (!entering && isOpen && !pinned) timer = setTimeout(() => control.close(), CLOSE_DELAY_MS);
    if (!entering && !isOpen) timer = undefined;
  };
  for (const element of [button, popover]) {
    element.addEventListener('pointerenter', hover(true) as EventListener);
    element.addEventListener('pointerleave', hover(false) as EventListener);
  }
  return control;
}
