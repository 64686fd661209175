/**
 * Our UI in a page as a locator of its own (`ours(page, 'soi-hang-badge')`), the same on open and
 * closed roots: it reads through the debugging protocol (closed-roots.ts) and acts as the shopper
 * does, with the real mouse and keyboard.
 */
import type { Page } from 'playwright-core';
import { type Box, rootsOf, sessionOf } from './closed-roots';
import { eventually } from './harness';

/** One step from a root (or the elements found so far) into what it holds. */
interface Step {
  selector: string;
  hasText?: string;
  has?: string;
  /** For a role: the accessible name it must contain (case aside). */
  name?: string;
  nth?: number;
}

/** What a query names: hosts of a kind (those whose root holds `hostHas`, the nth), then steps. */
interface Query {
  host: string;
  hostHas?: string;
  hostNth?: number;
  steps: Step[];
}

const ROLES: Record<string, string> = {
  button: 'button, [role="button"]',
  link: 'a[href], [role="link"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  dialog: 'dialog, [role="dialog"]',
};

/**
 * The elements a query names, in the page: `roots` are the hosts' shadow roots (open or closed),
 * handed over by the debugging protocol. Runs in the page, so it is written as plain JavaScript.
 */
function resolveIn(roots: ShadowRoot[], query: Query): Element[] {
  let chosen = roots;
  if (query.hostHas) chosen = chosen.filter((root) => root.querySelector(query.hostHas as string));
  if (query.hostNth !== undefined) {
    const one = chosen[query.hostNth < 0 ? chosen.length + query.hostNth : query.hostNth];
    chosen = one ? [one] : [];
  }
  if (query.steps.length === 0) return chosen.map((root) => root.host);
  let found: Array<Element | ShadowRoot> = chosen;
  for (const step of query.steps) {
    let next: Element[] = [];
    for (const scope of found)
      for (const element of scope.querySelectorAll(step.selector))
        if (!next.includes(element)) next.push(element);
    const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (step.has) next = next.filter((element) => element.querySelector(step.has as string));
    if (step.hasText !== undefined)
      next = next.filter((element) =>
        words(element.textContent).includes(words(step.hasText as string)),
      );
    if (step.name !== undefined)
      next = next.filter((element) =>
        words(element.getAttribute('aria-label') ?? element.textContent).includes(
          words(step.name as string),
        ),
      );
    if (step.nth !== undefined) {
      const one = next[step.nth < 0 ? next.length + step.nth : step.nth];
      next = one ? [one] : [];
    }
    found = next;
  }
  return found as Element[];
}

/**
 * Runs `fn` in the page on the elements a query names (and the roots they were found in); its
 * result must be JSON-serialisable.
 */
async function onElements<T>(
  page: Page,
  query: Query,
  /** The source of a function `(elements, arg, roots) => T`. */
  fn: string,
  arg: unknown,
): Promise<T> {
  const roots = await rootsOf(page, query.host);
  const cdp = await sessionOf(page);
  const { result: doc } = await cdp.send('Runtime.evaluate', { expression: 'document' });
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: doc.objectId as string,
    functionDeclaration: `function (query, arg, ...roots) {
      const resolve = ${resolveIn.toString()};
      return (${fn})(resolve(roots, query), arg, roots);
    }`,
    arguments: [
      { value: query },
      { value: arg ?? null },
      ...roots.map((objectId) => ({ objectId })),
    ],
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'probe failed');
  return result.value as T;
}

/** Where an element is, when it is shown: the test Playwright's locators use for "visible". */
function visibleBox(element: Element | undefined): Box | null {
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') return null;
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}

type State = 'attached' | 'detached' | 'visible' | 'hidden';

/**
 * Our UI in a page as a locator of its own, for roots open or closed: the hosts of a kind, then
 * selectors inside their roots. It reads through the debugging protocol and acts as the shopper
 * does: `click` and `hover` are the real mouse at the element's middle (once nothing else of ours
 * covers it), `press` is a real key where the focus is.
 */
export class Ours {
  constructor(
    readonly page: Page,
    private readonly query: Query,
  ) {}

  private with(change: (query: Query) => Query): Ours {
    return new Ours(this.page, change(structuredClone(this.query)));
  }

  private withStep(step: Step): Ours {
    return this.with((query) => ({ ...query, steps: [...query.steps, step] }));
  }

  private withLast(change: Partial<Step>): Ours {
    return this.with((query) => {
      const last = query.steps.at(-1);
      if (!last)
        return {
          ...query,
          ...(change.nth !== undefined ? { hostNth: change.nth } : {}),
          ...(change.has ? { hostHas: change.has } : {}),
        };
      Object.assign(last, change);
      return query;
    });
  }

  /** Elements inside these (a CSS selector, optionally only those whose text holds `hasText`). */
  locator(selector: string, options: { hasText?: string; has?: string } = {}): Ours {
    return this.withStep({ selector, ...options });
  }

  getByTestId(id: string): Ours {
    return this.locator(`[data-testid="${id}"]`);
  }

  /** Elements of a role (button, link, checkbox, dialog) whose name holds `name`. */
  getByRole(role: keyof typeof ROLES, options: { name?: string } = {}): Ours {
    return this.withStep({ selector: ROLES[role] ?? `[role="${role}"]`, name: options.name });
  }

  /** Only those holding an element that matches `has` (on hosts: whose root holds it). */
  filter(options: { has?: string; hasText?: string }): Ours {
    return this.withLast(options);
  }

  nth(index: number): Ours {
    return this.withLast({ nth: index });
  }

  first(): Ours {
    return this.nth(0);
  }

  last(): Ours {
    return this.nth(-1);
  }

  count(): Promise<number> {
    return onElements<number>(this.page, this.query, '(elements) => elements.length', null);
  }

  /** Runs `fn` on every element found (none: an empty list). */
  evaluateAll<T, A = null>(fn: (elements: Element[], arg: A) => T, arg?: A): Promise<T> {
    return onElements<T>(this.page, this.query, fn.toString(), arg);
  }

  /** Runs `fn` on the first element found, once there is one. */
  evaluate<T, A = null>(fn: (element: Element, arg: A) => T, arg?: A): Promise<T> {
    return eventually(
      () =>
        onElements<{ value: T } | undefined>(
          this.page,
          this.query,
          `(elements, arg) => elements[0] ? { value: (${fn.toString()})(elements[0], arg) } : undefined`,
          arg as A,
        ),
      `${this} to evaluate`,
    ).then((found) => found.value);
  }

  /** Runs `fn` on the shadow roots of the hosts (before any step). */
  evaluateRoots<T, A = null>(fn: (roots: ShadowRoot[], arg: A) => T, arg?: A): Promise<T> {
    return onElements<T>(
      this.page,
      { host: this.query.host, steps: [] },
      `(elements, arg, roots) => (${fn.toString()})(roots, arg)`,
      arg as A,
    );
  }

  textContent(): Promise<string | null> {
    return this.evaluate((element) => element.textContent);
  }

  getAttribute(name: string): Promise<string | null> {
    return this.evaluate((element, attribute) => element.getAttribute(attribute), name);
  }

  /** Where the first element is on screen, when it is shown (else null, at once). */
  async boundingBox(): Promise<Box | null> {
    return onElements<Box | null>(
      this.page,
      this.query,
      `(elements) => (${visibleBox.toString()})(elements[0])`,
      null,
    );
  }

  async isVisible(): Promise<boolean> {
    return (await this.boundingBox()) !== null;
  }

  /** Waits until the first element is visible (default), hidden, attached or detached. */
  async waitFor(options: { state?: State; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'visible';
    await eventually(
      async () => {
        const seen = await onElements<{ attached: boolean; visible: boolean }>(
          this.page,
          this.query,
          `(elements) => ({ attached: elements.length > 0, visible: (${visibleBox.toString()})(elements[0]) !== null })`,
          null,
        );
        const met =
          state === 'attached'
            ? seen.attached
            : state === 'detached'
              ? !seen.attached
              : state === 'visible'
                ? seen.visible
                : !seen.visible;
        return met ? true : undefined;
      },
      `${this} ${state}`,
      options.timeout,
    );
  }

  /** Moves the focus to the first element, as Tab landing on it would. */
  async focus(): Promise<void> {
    await this.waitFor({ state: 'attached' });
    const focused = await this.evaluate((element) => {
      (element as HTMLElement).focus();
      const root = element.getRootNode() as Document | ShadowRoot;
      return root.activeElement === element;
    });
    if (!focused) throw new Error(`could not focus ${this}`);
  }

  /** A real key typed with the focus on the first element. */
  async press(key: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press(key);
  }

  /**
   * The middle of the first element, scrolled into view, once it is shown and is what is under
   * that point (nothing of ours, nor of the page inside our root, covers it).
   */
  private async middle(): Promise<{ x: number; y: number }> {
    return eventually(async () => {
      const found = await onElements<{ x: number; y: number } | undefined>(
        this.page,
        this.query,
        `(elements) => {
          const element = elements[0];
          if (!element) return undefined;
          const seen = element.getBoundingClientRect();
          // Scrolled only when not in view: scrolling moves the page under a resting pointer.
          if (seen.top < 0 || seen.left < 0 || seen.bottom > innerHeight || seen.right > innerWidth)
            element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
          const box = (${visibleBox.toString()})(element);
          if (!box) return undefined;
          const x = box.x + box.width / 2;
          const y = box.y + box.height / 2;
          const root = element.getRootNode();
          const hit = root.elementFromPoint ? root.elementFromPoint(x, y) : null;
          return hit && (hit === element || element.contains(hit)) ? { x, y } : undefined;
        }`,
        null,
      );
      return found ?? undefined;
    }, `${this} shown and reachable`);
  }

  /** A real mouse press on the first element, as the shopper makes it. */
  async click(): Promise<void> {
    const { x, y } = await this.middle();
    await this.page.mouse.click(x, y);
  }

  /** The mouse resting on the first element. */
  async hover(): Promise<void> {
    const { x, y } = await this.middle();
    await this.page.mouse.move(x, y);
  }

  toString(): string {
    const { host, hostHas, hostNth, steps } = this.query;
    return [
      `${host}${hostHas ? `:has(${hostHas})` : ''}${hostNth !== undefined ? `[${hostNth}]` : ''}`,
      ...steps.map(
        (step) =>
          `${step.selector}${step.hasText ? ` "${step.hasText}"` : ''}${step.name ? ` named "${step.name}"` : ''}${step.nth !== undefined ? `[${step.nth}]` : ''}`,
      ),
    ].join(' >> ');
  }
}

/** Our hosts of a kind in a page (`soi-hang-badge`, `soi-hang-banner`…), as a locator. */
export function ours(page: Page, host: string): Ours {
  return new Ours(page, { host, steps: [] });
}
