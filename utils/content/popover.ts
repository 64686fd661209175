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
  /** Built on first opening: a grid has dozens of badges and few are ever opened. */
  let popover: PopoverElement | null = null;
  let native = false;
  let isOpen = false;
  let pinned = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const place = (element: PopoverElement) => {
    const view = doc.defaultView;
    if (!native || !view) return;
    const badge = button.getBoundingClientRect();
    const width = Math.min(340, view.innerWidth - 2 * MARGIN);
    element.style.width = `${width}px`;
    element.style.left = `${Math.max(MARGIN, Math.min(badge.left, view.innerWidth - width - MARGIN))}px`;
    const below = badge.bottom + 6;
    const height = Math.min(element.offsetHeight || 320, view.innerHeight - 2 * MARGIN);
    element.style.top = `${below + height <= view.innerHeight - MARGIN ? below : Math.max(MARGIN, badge.top - 6 - height)}px`;
    element.style.maxHeight = `${view.innerHeight - 2 * MARGIN}px`;
  };

  const settle = (open: boolean) => {
    isOpen = open;
    button.setAttribute('aria-expanded', String(open));
    if (!open) {
      const wasInside = popover?.contains(root.activeElement) ?? false;
      pinned = false;
      if (wasInside) button.focus();
    }
  };

  const build = (): PopoverElement => {
    const element = doc.createElement('div') as PopoverElement;
    element.id = `soi-hang-popover-${++counter}`;
    element.className = 'popover';
    element.setAttribute('role', 'dialog');
    element.setAttribute('aria-label', label);
    element.setAttribute('data-testid', 'soi-hang-popover');
    native = typeof element.showPopover === 'function';
    if (native) element.setAttribute('popover', 'auto');
    else element.hidden = true;
    button.setAttribute('aria-controls', element.id);
    isolate(element, false);
    // The native popover tells us when it opens or closes, light dismiss and Escape included.
    element.addEventListener('toggle', (event) => {
      settle((event as Event & { newState?: string }).newState === 'open');
    });
    element.addEventListener('keydown', onKey);
    element.addEventListener('pointerenter', hover(true) as EventListener);
    element.addEventListener('pointerleave', hover(false) as EventListener);
    root.append(element);
    renderBody(element, () => control.close());
    return element;
  };

  const control: PopoverControl = {
    open(pin) {
      clearTimeout(timer);
      pinned ||= pin;
      popover ??= build();
      if (isOpen) return;
      if (native) {
        popover.showPopover?.();
        place(popover);
      } else {
        popover.hidden = false;
        settle(true);
      }
    },
    close() {
      clearTimeout(timer);
      if (!isOpen || !popover) return;
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

  function onKey(event: KeyboardEvent): void {
    event.stopPropagation();
    if (!native && event.key === 'Escape') control.close();
  }

  function hover(entering: boolean) {
    return (event: PointerEvent) => {
      if (event.pointerType !== 'mouse') return;
      clearTimeout(timer);
      if (entering && !isOpen) timer = setTimeout(() => control.open(false), OPEN_DELAY_MS);
      if (!entering && isOpen && !pinned) timer = setTimeout(() => control.close(), CLOSE_DELAY_MS);
    };
  }

  isolate(button, true);
  button.addEventListener('click', () => {
    if (isOpen && pinned) control.close();
    else control.open(true);
  });
  button.addEventListener('keydown', onKey);
  button.addEventListener('pointerenter', hover(true) as EventListener);
  button.addEventListener('pointerleave', hover(false) as EventListener);
  return control;
}

/** Pointer and click events on our UI never reach the card's link or the page's handlers. */
function isolate(element: HTMLElement, cancelClick: boolean): void {
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart']) {
    element.addEventListener(type, (event) => {
      event.stopPropagation();
      if (cancelClick && type === 'click') event.preventDefault();
    });
  }
}
