/**
 * The page-wide listeners of our buttons inside cards (badges and the report action): one set per
 * window, not per badge. Seen from the window, a closed root hides what was pressed, so the
 * listeners ask our own root (originInside), and every event of ours stops at the window so it never
 * follows the card's link or reaches the page's handlers.
 */
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
  registerBadge(handlers);
}

/** Puts a badge's button under the page-wide listeners of its window. */
export function registerBadge(handlers: BadgeHandlers): void {
  badges.set(handlers.root.host, handlers);
  badges.set(handlers.button, handlers); // where a DOM does not retarget events at the window
  const view = handlers.root.ownerDocument.defaultView;
  if (view) listen(view);
}

/** What the page-wide listeners do for one badge's button. */
export interface BadgeHandlers {
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
export function isolate(element: HTMLElement): void {
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
