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
  badges.set(root.host, popover);
  badges.set(button, popover); // where a DOM does not retarget events at the window
  const view = root.ownerDocument.defaultView;
  if (view) listen(view);
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

/**
 * Another button of ours inside a card (the report action of an unflagged card): pressed by the
 * shopper only, and its events stop at the window like a badge's, so it never follows the card's link.
 */
export function isolateButton(root: ShadowRoot, button: HTMLElement, press: () => void): void {
  const handlers: BadgeHandlers = {
    root,
    button,
    press,
    key: (event) => event.stopPropagation(),
    hover: () => undefined,
  };
  badges.set(root.host, handlers);
  badges.set(button, handlers);
  const view = root.ownerDocument.defaultView;
  if (view) listen(view);
}

/** What the page-wide listeners do for one badge's button. */
interface BadgeHandlers {
  /** The badge's shadow root: our own reference, the only way into it when it is closed. */
  root: ShadowRoot;
  button: HTMLElement;
  press(): void;
  key(event: KeyboardEvent): void;
  hover(entering: boolean, event: PointerEvent): void;
}

/** Every badge by its host element in the page, for the page-wide listeners. */
const badges = new WeakMap<EventTarget, BadgeHandlers>();
/** The page-wide listeners of each window, to remove them when the content script stops. */
const listening = new WeakMap<Window, AbortController>();
const ISOLATED = [
  'click',
  'auxclick', // a middle click: its default opens the card's link in a new tab
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
];

/** The badge whose button an event comes from (seen from the window, its target is our host). */
function fromButton(event: Event): BadgeHandlers | null {
  const badge = event.target ? badges.get(event.target) : undefined;
  if (!badge) return null;
  const origin = originInside(event, badge);
  return origin instanceof Node && badge.button.contains(origin) ? badge : null;
}

/**
 * Which of our elements an event started at. Through an open root the event's path says so. A
 * closed root (what shoppers install) hides its insides from a listener on the window: the path
 * starts at our host. The root itself still answers, from our own reference to it: a key goes to
 * what has the focus in it, a pointer to what is under it, a click made by Enter or Space (no
 * pointer: `detail` 0) to the focused control, and a pointer leaving the host leaves our button
 * (between the button and its popover, inside the root, the page is not told at all).
 */
function originInside(event: Event, badge: BadgeHandlers): EventTarget | null {
  const first = event.composedPath()[0] ?? event.target;
  const { root } = badge;
  if (first !== root.host) return first;
  if (event.type === 'keydown' || (event.type === 'click' && (event as MouseEvent).detail === 0))
    return root.activeElement;
  if (event.type === 'pointerout') return badge.button;
  const point = pointOf(event);
  return point ? root.elementFromPoint(point.x, point.y) : null;
}

function pointOf(event: Event): { x: number; y: number } | null {
  if ('clientX' in event) {
    const mouse = event as MouseEvent;
    return { x: mouse.clientX, y: mouse.clientY };
  }
  const touch = (event as TouchEvent).changedTouches?.[0];
  return touch ? { x: touch.clientX, y: touch.clientY } : null;
}

/**
 * One set of listeners for every badge of a page, on its window in the capture phase: a grid of
 * dozens of badges adds no listener of its own, and an event from a badge's button stops before
 * any listener of the page below the window hears it (so a click never follows the card's link).
 * Events from an open popover are left to go on to its own controls; the popover stops them
 * (`isolate`).
 */
function listen(view: Window): void {
  if (listening.has(view)) return;
  const stopped = new AbortController();
  listening.set(view, stopped);
  const onEvent = (event: Event) => {
    // A page's script may dispatch events at our host; only the shopper's own count.
    if (!event.isTrusted) return;
    const badge = fromButton(event);
    if (!badge) return;
    event.stopPropagation();
    if (event.type === 'click') {
      event.preventDefault();
      badge.press();
    } else if (event.type === 'auxclick') {
      event.preventDefault();
    } else if (event.type === 'keydown') {
      badge.key(event as KeyboardEvent);
    } else if (event.type === 'pointerover' || event.type === 'pointerout') {
      const pointer = event as PointerEvent;
      // Between the badge and its popover, or within the badge: the pointer has not left our UI.
      if (pointer.relatedTarget === pointer.target) return;
      badge.hover(event.type === 'pointerover', pointer);
    }
  };
  for (const type of [...ISOLATED, 'keydown', 'pointerover', 'pointerout']) {
    view.addEventListener(type, onEvent, { capture: true, signal: stopped.signal });
  }
}

/** Removes the page-wide listeners (the content script stops: the extension was updated or disabled). */
export function stopBadgeListeners(view: Window): void {
  listening.get(view)?.abort();
  listening.delete(view);
}

/** What in a popover acts on a click of its own (its default is kept). */
const OUR_CONTROLS = 'a[href], button, input, select, textarea, label, summary, [contenteditable]';

/**
 * Pointer and click events on our UI never reach the card's link or the page's handlers. Where the
 * badge sits inside the card's link (Sendo, TikTok, Facebook), a click on the popover's text is a
 * click inside that link too, and its default would follow it: a click that no control of ours
 * took has its default prevented (stopping it is not enough).
 */
function isolate(element: HTMLElement): void {
  for (const type of ISOLATED) element.addEventListener(type, stop);
  const keepInside = (event: Event) => {
    for (const node of event.composedPath()) {
      if (node === element) break;
      if ((node as Element).matches?.(OUR_CONTROLS)) return;
    }
    event.preventDefault();
  };
  element.addEventListener('click', keepInside);
  element.addEventListener('auxclick', keepInside);
}

const stop = (event: Event) => event.stopPropagation();
