/**
 * Puts our UI into the page (the Overlay of utils/content/overlay-contract.ts): a badge inside a
 * flagged card, a banner before a flagged product's title, "Báo cáo" under an unflagged product's
 * title. Each lives in its own shadow root (the page's CSS cannot reach in, ours cannot leak out),
 * styled by one shared sheet per kind, and built from data, never from HTML strings. What is drawn
 * after a click or on a product page (details, banner, inspector sections) is drawn by the views,
 * which may load its code first (load-page-ui.ts): the overlay itself holds no renderer.
 */
import {
  BADGE_HOST,
  BANNER_HOST,
  INSPECTOR_HOST,
  REPORT_BUTTON_HOST,
} from '../../utils/content/hosts';
import type { InspectedListing, Overlay } from '../../utils/content/overlay-contract';
import type { DataInfo } from '../../utils/protocol/records';
import type { Verdict } from '../../utils/protocol/runtime/verdict';
import type { ExtractedListing } from '../../utils/sites/engine/types';
import { isolateButton } from './badge-listeners';
import { attachPopover, type PopoverControl } from './popover';
import { SHADOW_MODE } from './shadow-mode';
import { applyStyles } from './shadow-styles';
import { acceptTrustedOnly } from './trusted';

export interface OverlayViews {
  /** Cards: many per page, so plain DOM built from text rather than a component render each. */
  badge(doc: Document, listing: ExtractedListing, verdict: Verdict): HTMLElement;
  /**
   * Draws a badge's popover body into its container when it is first opened. False: the body
   * comes a moment later (its code is loading), and `drawn` is called then; the popover waits.
   */
  details(
    container: HTMLElement,
    listing: ExtractedListing,
    verdict: Verdict,
    data: DataInfo | null,
    close: () => void,
    drawn: () => void,
  ): unknown;
  badgeCss: string;
  /** The accessible name of a badge's popover. */
  popoverLabel: string;
  /** Product pages: draws the one banner into its element in the banner's root. */
  banner(
    container: HTMLElement,
    listing: ExtractedListing,
    verdict: Verdict,
    data: DataInfo | null,
    collapsed: boolean,
  ): void;
  bannerCss: string;
  /** "Báo cáo" for a listing with no warning; its press opens the report dialog. */
  reportButton(doc: Document, listing: ExtractedListing): HTMLElement;
  reportCss: string;
  onReport(listing: ExtractedListing): void;
  /**
   * Inspector mode: draws the section (a product page's, or a card marker's popover body; for
   * that one, false and then `drawn` as for `details`).
   */
  inspector(
    container: Element | ShadowRoot,
    listing: ExtractedListing,
    view: InspectedListing,
    drawn?: () => void,
  ): unknown;
  /** Takes down what details, banner or inspector drew into a container. */
  erase(container: Element | ShadowRoot): void;
  /** A card's inspector marker: a few words on a button. */
  inspectorMarker(doc: Document, view: InspectedListing): HTMLElement;
  /** Asked at each mount: inspector mode's styles and words reach a page after it starts. */
  inspectorCss(): string;
  inspectorLabel(): string;
}

/**
 * Where a host goes: first inside its card (`inside`), or before or after a product's title. Data,
 * not closures: a grid mounts dozens of hosts and keeps them while their cards are shown.
 */
type Side = 'inside' | 'before' | 'after';

interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  anchor: Element;
  side: Side;
  /** Where the views drew (the banner's root, a badge's popover once opened), to erase it. */
  rendered: Element | ShadowRoot | null;
  popover: PopoverControl | null;
}

/**
 * The element a view draws into, in a root that already holds its styles: a render replaces what
 * its container holds, and where the styles cannot be adopted (Firefox) they are a <style> element
 * in the root, which a render into the root itself took away.
 */
function drawnInto(root: ShadowRoot): HTMLElement {
  return root.appendChild(root.ownerDocument.createElement('div'));
}

/** Puts the host where it belongs (again, after the page removed or moved it). */
function place({ host, anchor, side }: Mounted): void {
  if (side === 'inside') anchor.prepend(host);
  else anchor[side](host);
}

/** The node a host must stay a child of, so a host the page moved to another card goes back. */
const home = ({ anchor, side }: Mounted): Node | null =>
  side === 'inside' ? anchor : anchor.parentNode;

export function createOverlay(doc: Document, views: OverlayViews): Overlay {
  const mounted = new Map<Element, Mounted>();
  /** Inspector mode's hosts, apart from the shopper's warnings (either may come and go alone). */
  const inspected = new Map<Element, Mounted>();

  const unmountInspector = (anchor: Element) => {
    const entry = inspected.get(anchor);
    if (!entry) return;
    entry.popover?.close();
    if (entry.rendered) views.erase(entry.rendered);
    entry.host.remove();
    inspected.delete(anchor);
  };

  const unmount = (anchor: Element) => {
    const entry = mounted.get(anchor);
    if (!entry) return;
    entry.popover?.close();
    if (entry.rendered) views.erase(entry.rendered);
    entry.host.remove();
    mounted.delete(anchor);
    arrange(anchor);
  };

  /**
   * A card with both the shopper's badge and the inspector's marker: the marker takes the row under
   * the badge (inspector.css), so neither covers the other whatever their lengths.
   */
  function arrange(anchor: Element): void {
    const marker = inspected.get(anchor)?.host;
    if (marker?.getAttribute('data-kind') !== 'card') return;
    const badge = mounted.get(anchor)?.host;
    marker.toggleAttribute('data-below-badge', badge?.localName === BADGE_HOST);
  }

  return {
    mount(listing, verdict, data, collapsed = false) {
      unmount(listing.anchor);
      const isCard = listing.kind === 'card';
      const host = doc.createElement(isCard ? BADGE_HOST : BANNER_HOST);
      const root = host.attachShadow({ mode: SHADOW_MODE });
      const { anchor } = listing;
      const side = isCard ? 'inside' : 'before';
      const entry: Mounted = { host, root, anchor, side, rendered: null, popover: null };
      if (isCard) {
        applyStyles(root, views.badgeCss);
        const badge = views.badge(doc, listing, verdict);
        root.append(badge);
        entry.popover = attachPopover(
          root,
          badge,
          views.popoverLabel,
          (container, close, drawn) => {
            entry.rendered = container;
            return views.details(container, listing, verdict, data, close, drawn);
          },
        );
      } else {
        applyStyles(root, views.bannerCss);
        acceptTrustedOnly(root);
        const container = drawnInto(root);
        views.banner(container, listing, verdict, data, collapsed);
        entry.rendered = container;
      }
      place(entry);
      mounted.set(anchor, entry);
      arrange(anchor);
    },
    offerReport(listing) {
      if (mounted.has(listing.anchor)) return;
      const isCard = listing.kind === 'card';
      const host = doc.createElement(REPORT_BUTTON_HOST);
      host.setAttribute('data-kind', listing.kind);
      const root = host.attachShadow({ mode: SHADOW_MODE });
      applyStyles(root, views.reportCss);
      const button = views.reportButton(doc, listing);
      root.append(button);
      const press = () => views.onReport(listing);
      if (isCard) {
        // Inside the card's link: the page-wide listeners keep the press from following it.
        isolateButton(root, button, press);
      } else {
        acceptTrustedOnly(root);
        button.addEventListener('click', (event) => {
          event.stopPropagation();
          press();
        });
      }
      const { anchor } = listing;
      // A product's "Báo cáo tin đăng này" goes right under its title, on every site, where the
      // shopper's eye is after reading the name (a warning banner goes above it instead).
      const entry: Mounted = {
        host,
        root,
        anchor,
        side: isCard ? 'inside' : 'after',
        rendered: null,
        popover: null,
      };
      place(entry);
      mounted.set(anchor, entry);
      arrange(anchor);
    },
    inspect(listing, view) {
      const { anchor } = listing;
      unmountInspector(anchor);
      if (view.entries.length === 0 && !view.error) return;
      const isCard = listing.kind === 'card';
      const host = doc.createElement(INSPECTOR_HOST);
      host.setAttribute('data-kind', listing.kind);
      const root = host.attachShadow({ mode: SHADOW_MODE });
      applyStyles(root, views.inspectorCss());
      acceptTrustedOnly(root);
      const side = isCard ? 'inside' : 'before';
      const entry: Mounted = { host, root, anchor, side, rendered: null, popover: null };
      if (isCard) {
        const marker = views.inspectorMarker(doc, view);
        root.append(marker);
        entry.popover = attachPopover(
          root,
          marker,
          views.inspectorLabel(),
          (container, _, drawn) => {
            entry.rendered = container;
            return views.inspector(container, listing, view, drawn);
          },
        );
      } else {
        const container = drawnInto(root);
        views.inspector(container, listing, view);
        entry.rendered = container;
      }
      place(entry);
      inspected.set(anchor, entry);
      arrange(anchor);
    },
    has: (anchor) => mounted.has(anchor),
    unmount(anchor) {
      unmount(anchor);
      unmountInspector(anchor);
    },
    sweep() {
      for (const [anchor, entry] of inspected) {
        if (!anchor.isConnected) unmountInspector(anchor);
        else if (entry.host.parentNode !== home(entry)) place(entry);
      }
      for (const [anchor, entry] of mounted) {
        // A card gone from the page: nothing of it is kept (infinite scroll sessions stay light).
        if (!anchor.isConnected) unmount(anchor);
        // The page removed our warning, or moved it onto another card: it comes back to its own.
        else if (entry.host.parentNode !== home(entry)) place(entry);
      }
    },
    get size() {
      return mounted.size;
    },
    clear() {
      for (const anchor of [...mounted.keys()]) unmount(anchor);
      for (const anchor of [...inspected.keys()]) unmountInspector(anchor);
    },
    reveal(anchor) {
      const entry = mounted.get(anchor);
      if (!entry) return false;
      entry.host.scrollIntoView({ block: 'center', behavior: 'smooth' });
      // The badge, or the banner's first action.
      entry.root.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
      return true;
    },
  };
}
