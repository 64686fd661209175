/**
 * Only the shopper acts on our warnings. A page's script can dispatch a click on any element it can
 * reach; events it makes are not trusted (`isTrusted` false), and are stopped before any of our
 * controls hears them. The badges' own button is guarded where its page-wide listener runs
 * (popover.ts); this guards a popover's and a banner's controls.
 */
const ACTIONS = ['click', 'keydown', 'pointerdown', 'mousedown', 'submit', 'change'];

const dropUntrusted = (event: Event) => {
  if (event.isTrusted) return;
  event.stopImmediatePropagation();
  event.preventDefault();
};

/** Stops, before its controls, every action event inside `root` that the shopper did not make. */
export function acceptTrustedOnly(root: EventTarget): void {
  for (const type of ACTIONS) root.addEventListener(type, dropUntrusted, { capture: true });
}
