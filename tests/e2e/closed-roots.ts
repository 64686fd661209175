/**
 * Our UI as a shopper meets it on the release build: inside closed shadow roots that neither the
 * page nor Playwright's selectors can enter. The debugging protocol can (it walks every root), so
 * these probes read what a root holds and where its controls are; the shopper's own actions are
 * then real input at those places: a mouse press, a key typed where the focus is. Nothing here
 * opens a root or hands one to the page. `ours(page, host)` (ours.ts) wraps them as a locator of our own
 * (`.locator()`, `.getByTestId()`, `.click()`, `.press()`, `.waitFor()`…) that reads the same on
 * closed and open roots, so a suite reads alike on either build.
 */
import type { CDPSession, Page } from 'playwright-core';
import { eventually } from './harness';

/** One control of ours: a host in the page (its nth match), and a selector inside its root. */
export interface InRoot {
  host: string;
  nth?: number;
  /** Inside the host's shadow root; none: the root itself. */
  inner?: string;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

export function sessionOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  shadowRoots?: DomNode[];
}

/** The remote object of each matching host's shadow root, open or closed, in page order. */
export async function rootsOf(page: Page, host: string): Promise<string[]> {
  const cdp = await sessionOf(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: DomNode };
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: root.nodeId,
    selector: host,
  });
  const objects: string[] = [];
  for (const nodeId of nodeIds) {
    const { node } = (await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true })) as {
      node: DomNode;
    };
    const shadow = node.shadowRoots?.[0];
    if (!shadow) continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (object.objectId) objects.push(object.objectId);
  }
  return objects;
}

/** How many hosts of this kind the page holds that have a root of ours. */
export async function hostCount(page: Page, host: string): Promise<number> {
  return (await rootsOf(page, host)).length;
}

/**
 * Runs `fn` on a host's shadow root (given as its only argument with `arg`) and answers its
 * JSON-serialisable result; undefined when the page has no such host.
 */
export async function withRoot<T, A = null>(
  page: Page,
  target: { host: string; nth?: number },
  fn: (root: ShadowRoot, arg: A) => T,
  arg?: A,
): Promise<T | undefined> {
  const roots = await rootsOf(page, target.host);
  const objectId = roots[target.nth ?? 0];
  if (!objectId) return undefined;
  const cdp = await sessionOf(page);
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
    arguments: [{ value: arg ?? null }],
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'probe failed');
  return result.value as T;
}

/** What a control (or the whole root) says, as text; null when it is not there. */
export async function textIn(page: Page, target: InRoot): Promise<string | null> {
  const text = await withRoot(
    page,
    target,
    (root, inner) => {
      const node = inner ? root.querySelector(inner) : root;
      return node ? (node.textContent ?? '') : null;
    },
    target.inner ?? null,
  );
  return text ?? null;
}

/** An attribute of a control inside a root. */
export async function attributeIn(
  page: Page,
  target: InRoot & { inner: string },
  name: string,
): Promise<string | null> {
  const value = await withRoot(
    page,
    target,
    (root, [inner, attribute]) => root.querySelector(inner)?.getAttribute(attribute) ?? null,
    [target.inner, name] as const,
  );
  return value ?? null;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a control is on screen (viewport pixels), when it is shown. */
export async function boxIn(page: Page, target: InRoot & { inner: string }): Promise<Box | null> {
  const box = await withRoot(
    page,
    target,
    (root, inner) => {
      const element = root.querySelector(inner);
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const hidden =
        rect.width === 0 ||
        rect.height === 0 ||
        style.visibility === 'hidden' ||
        style.display === 'none';
      return hidden ? null : { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    target.inner,
  );
  return box ?? null;
}

/** Whether a control is shown (laid out, not hidden). */
export async function isShown(page: Page, target: InRoot & { inner: string }): Promise<boolean> {
  return (await boxIn(page, target)) !== null;
}

/** Waits until a control is shown (or, with `hidden`, until it is not). */
export function waitShown(
  page: Page,
  target: InRoot & { inner: string },
  state: 'shown' | 'hidden' = 'shown',
  timeoutMs = 15_000,
): Promise<true> {
  return eventually(
    async () => ((await isShown(page, target)) === (state === 'shown') ? true : undefined),
    `${target.host} ${target.inner} ${state}`,
    timeoutMs,
  );
}

/** The middle of a control, scrolled into view first. */
async function centreOf(page: Page, target: InRoot & { inner: string }) {
  await withRoot(
    page,
    target,
    (root, inner) => {
      const element = root.querySelector(inner);
      const seen = element?.getBoundingClientRect();
      // Scrolled only when not in view: scrolling moves the page under a resting pointer.
      if (
        seen &&
        (seen.top < 0 || seen.left < 0 || seen.bottom > innerHeight || seen.right > innerWidth)
      )
        element?.scrollIntoView({ block: 'center' });
    },
    target.inner,
  );
  const box = await eventually(
    () => boxIn(page, target).then((b) => b ?? undefined),
    `${target.inner} shown`,
  );
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse press on a control, as the shopper makes it. */
export async function clickIn(page: Page, target: InRoot & { inner: string }): Promise<void> {
  const { x, y } = await centreOf(page, target);
  await page.mouse.click(x, y);
}

/** The mouse resting on a control. */
export async function hoverIn(page: Page, target: InRoot & { inner: string }): Promise<void> {
  const { x, y } = await centreOf(page, target);
  await page.mouse.move(x, y);
}

/**
 * Moves the keyboard focus to a control (as Tab would land on it) and types a key there: the key
 * events are real input, dispatched where the focus is.
 */
export async function pressIn(
  page: Page,
  target: InRoot & { inner: string },
  key: string,
): Promise<void> {
  const focused = await withRoot(
    page,
    target,
    (root, inner) => {
      const element = root.querySelector<HTMLElement>(inner);
      element?.focus();
      return element !== null && root.activeElement === element;
    },
    target.inner,
  );
  if (!focused) throw new Error(`could not focus ${target.host} ${target.inner}`);
  await page.keyboard.press(key);
}

/** The data-testid of what has the focus inside a host's root (null: nothing of ours). */
export async function focusedIn(page: Page, target: { host: string; nth?: number }) {
  const id = await withRoot(
    page,
    target,
    (root) => root.activeElement?.getAttribute('data-testid') ?? null,
  );
  return id ?? null;
}
