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
import { type BadgeHandlers, isolate, registerBadge } from './badge-listeners';
import { acceptTrustedOnly } from './trusted';

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

/**
 * Draws a popover's body. It returns false when the body comes a moment later (its code is still
 * loading) and then calls `drawn`: the popover shows once its body is there, never empty.
 */
type RenderBody = (container: HTMLElement, close: () => void, drawn: () => void) => unknown;

/** What the page-wide listeners ask of a badge's popover. */
type PopoverActions = PopoverControl & Pick<BadgeHandlers, 'press' | 'key' | 'hover'>;

/**
 * A badge's popover until the shopper first reaches it: what to build it from and nothing else (no
 * closures, no timers), so a grid of dozens of badges costs one small object each. Its control
 * (createPopover) is made at the first press, key or hover, and its element at the first opening.
 */
class LazyPopover implements PopoverControl, BadgeHandlers {
  private control: PopoverActions | null = null;
  constructor(
    readonly root: ShadowRoot,
    readonly button: HTMLElement,
    private readonly label: string,
    private readonly renderBody: RenderBody,
  ) {}

  private actions(): PopoverActions {
    this.control ??= createPopover(this.root, this.button, this.label, this.renderBody);
    return this.control;
  }

  open(pinned: boolean): void {
    this.actions().open(pinned);
  }

  close(): void {
    this.control?.close();
  }

  get isOpen(): boolean {
    return this.control?.isOpen ?? false;
  }

  press(): void {
    this.actions().press();
  }

  key(event: KeyboardEvent): void {
    this.actions().key(event);
  }

  hover(entering: boolean, event: PointerEvent): void {
    this.actions().hover(entering, event);
  }
}

export function attachPopover(
  root: ShadowRoot,
  button: HTMLElement,
  label: string,
  renderBody: RenderBody,
): PopoverControl {
  const popover = new LazyPopover(root, button, label, renderBody);
  registerBadge(popover);
  return popover;
}

function createPopover(
  root: ShadowRoot,
  button: HTMLElement,
  label: string,
  renderBody: RenderBody,
): PopoverActions {
  const doc = root.ownerDocument;
  /** Built on first opening: a grid has dozens of badges and few are ever opened. */
  let popover: PopoverElement | null = null;
  let native = false;
  /** Its body is drawn (see RenderBody); until then an opening waits for it. */
  let ready = false;
  let waiting = false;
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
    acceptTrustedOnly(element);
    isolate(element);
    // The native popover tells us when it opens or closes, light dismiss and Escape included.
    element.addEventListener('toggle', (event) => {
      settle((event as Event & { newState?: string }).newState === 'open');
    });
    element.addEventListener('keydown', onKey);
    element.addEventListener('pointerenter', hover(true) as EventListener);
    element.addEventListener('pointerleave', hover(false) as EventListener);
    root.append(element);
    if (renderBody(element, () => control.close(), onDrawn) !== false) ready = true;
    return element;
  };

  /** The body is drawn; an opening asked for before it was shows now. */
  function onDrawn(): void {
    ready = true;
    if (popover && waiting) show(popover);
  }

  function show(element: PopoverElement): void {
    waiting = false;
    if (native) {
      element.showPopover?.();
      place(element);
      // Open now: the toggle event that also says so comes a task later, and until then the
      // button would still read as collapsed and a second press would try to show it again.
      settle(true);
    } else {
      element.hidden = false;
      settle(true);
    }
  }

  const control: PopoverControl = {
    open(pin) {
      clearTimeout(timer);
      pinned ||= pin;
      popover ??= build();
      if (isOpen) return;
      if (ready) show(popover);
      else waiting = true;
    },
    close() {
      clearTimeout(timer);
      waiting = false;
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

  return Object.assign(control, {
    press() {
      if (isOpen && pinned) control.close();
      else control.open(true);
    },
    key: onKey,
    hover: (entering: boolean, event: PointerEvent) => hover(entering)(event),
  });
}
