/**
 * Our closed shadow roots in Firefox, read over WebDriver BiDi. A page's own script gets null for
 * them; BiDi's serialisation of an element carries its shadow root whatever its mode (with a
 * shared id), so the tests reach inside as Chromium's do through CDP (../closed-roots.ts), and
 * press what they find with real input. puppeteer-core 24 keeps the remote value and the realm
 * that turns it into a handle out of its public types: the two calls are typed here, once.
 */
import type { ElementHandle, JSHandle, Page } from 'puppeteer-core';
import { eventually } from '../harness';

interface RemoteNode {
  type: string;
  value?: { shadowRoot?: RemoteNode | null };
}
interface BidiElement {
  remoteValue(): RemoteNode;
}
interface BidiFrame {
  mainRealm(): { createHandle(value: RemoteNode): JSHandle<ShadowRoot> };
}

/** The shadow roots of every element matching `hostSelector` in the page, closed ones included. */
export async function rootsOf(page: Page, hostSelector: string): Promise<JSHandle<ShadowRoot>[]> {
  const realm = (page.mainFrame() as unknown as BidiFrame).mainRealm();
  const hosts = await page.$$(hostSelector);
  return hosts.flatMap((host) => {
    const root = (host as unknown as BidiElement).remoteValue().value?.shadowRoot;
    return root ? [realm.createHandle(root)] : [];
  });
}

/** The text of our roots under these hosts, one string per host. */
export async function rootTexts(page: Page, hostSelector: string): Promise<string[]> {
  const roots = await rootsOf(page, hostSelector);
  return Promise.all(
    roots.map((root) =>
      root.evaluate((node) => {
        // The text a person reads: not the stylesheet's.
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        let text = '';
        for (let at = walker.nextNode(); at; at = walker.nextNode())
          if (at.parentElement?.localName !== 'style') text += at.textContent ?? '';
        return text;
      }),
    ),
  );
}

/** The first element matching `selector` inside our roots under these hosts, once one is there. */
export function inRoots(
  page: Page,
  hostSelector: string,
  selector: string,
): Promise<ElementHandle<Element>> {
  return eventually(async () => {
    for (const root of await rootsOf(page, hostSelector)) {
      const found = await root.evaluateHandle(
        (node, wanted) => node.querySelector(wanted),
        selector,
      );
      const element = found.asElement();
      if (element) return element as ElementHandle<Element>;
    }
    return undefined;
  }, `${selector} inside ${hostSelector}`);
}
