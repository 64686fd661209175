/**
 * The content runner: one per page, shared by every site's content script.
 *
 *   page DOM ──MutationObserver (one)──┐
 *   wxt:locationchange ──reset()───────┤ schedule(): one scan for the mutations of a task, at most one a frame
 *                                      ▼
 *   scan(): adapter.extract(document, url, read)   errors caught and counted, never thrown to the page
 *          │ cards read by an earlier scan come back as the same objects, unread (`read`, by link)
 *          │ listings not seen before (WeakMap anchor → item key marks processed cards)
 *          ▼
 *   lookup(keys, titles) ── one runtime message per batch ──▶ background index
 *          │ hits
 *          ▼
 *   verdictFor(listing) ──▶ overlay.mount(listing, verdict)      stats ──▶ reportStatus (popup)
 *          │ no warning: a product or shop page's own listing gets overlay.offerReport (cards: when hovered)
 *
 * Our own UI hosts are ignored by the observer, so mounting a badge never triggers another scan.
 */

import { withoutControlCharacters } from '../protocol/control-characters';
import { MAX_LISTED } from '../protocol/limits';
import type { ResponseOf } from '../protocol/runtime/messages';
import type { ListedListing, PageStatus } from '../protocol/runtime/page-status';
import { signalVerdict, type Verdict, verdictFor } from '../protocol/runtime/verdict';
import type { ExtractedListing, ReadCards, SiteAdapter } from '../sites/engine/types';
import type { EarlyAnswer } from './early-answer';
import { isPageMutation } from './hosts';
import { parsed, whenParsed } from './loading';
import { chunk, type TitleToMatch, titleToMatch, toLookUp } from './lookup-batch';
import type { Overlay } from './overlay-contract';
import { listingToReport } from './report-target';

/** What the background answers a lookup with, as the message map defines it. */
export type LookupResult = ResponseOf<'lookup'>;

export interface RunnerDeps {
  adapter: SiteAdapter;
  doc: Document;
  currentUrl(): URL;
  lookup(keys: string[], titles: TitleToMatch[]): Promise<LookupResult>;
  reportStatus(status: PageStatus): void;
  overlay: Overlay;
  /** Runs the callback soon, before the next paint where it can (scan-timing.ts in the page). */
  schedule(callback: () => void): void;
  /** Inspector mode is on: shows what the registry knows about these listings (asynchronously). */
  inspect?(listings: ExtractedListing[]): void;
  /**
   * Started while the page is still parsed (a script run at `document_start`) on a product's
   * address: its own listing is read as soon as its title is parsed, and nothing else is read
   * before the page's markup is complete (loading.ts). `early` asks about what the address names
   * at once, so that the answer is in when the title is parsed (early-answer.ts).
   */
  productWhileLoading?: {
    early(lookup: (keys: string[]) => Promise<LookupResult>): EarlyAnswer | null;
  };
}

export interface Runner {
  start(): void;
  stop(): void;
  /** The page navigated without reloading: forget everything and read it again. */
  reset(): void;
  /** Scans now instead of on the next frame (tests, benchmarks). */
  scanNow(): Promise<void>;
  /** The popup's list: brings the listing with this id into view. */
  reveal(id: number): boolean;
  /** The listing read from this element or its nearest card or title above it, if any. */
  listingAt(node: Node | null): ExtractedListing | null;
  /**
   * The listing to report from outside the page (popup, menu, shortcut): the one whose address is
   * `url`, else the product the page is about, else the card last hovered or focused.
   */
  listingFor(url: string | undefined, lastCard: Element | null): ExtractedListing | null;
  readonly status: PageStatus;
}

export function createRunner(deps: RunnerDeps): Runner {
  const { adapter, doc, overlay } = deps;
  /** Each processed anchor's listing (its item key tells a reused card from the same one). */
  let marks = new WeakMap<Element, ExtractedListing>();
  /** Cards read by earlier scans of this page, by link: a scan reads only the cards new to it. */
  let read: ReadCards = new WeakMap();
  /** Anchors whose listing has a warning (shown or muted): reading them again cannot add one. */
  let warned = new WeakSet<Element>();
  let generation = 0;
  let scheduled = false;
  /** Nodes were removed since the last scan: our warnings or their cards may be gone. */
  let removals = false;
  let observer: MutationObserver | null = null;
  const status: PageStatus = {
    platform: adapter.platform,
    adapterVersion: adapter.version,
    pageKind: 'other',
    checked: 0,
    flagged: 0,
    unreadable: 0,
    errors: 0,
    muted: 0,
    paused: false,
    listings: [],
  };
  /** The anchors of listed listings, by their id in `status.listings`. */
  let listed = new Map<number, Element>();
  let nextId = 1;
  let lastReported = '';
  /** While the page is parsed: its own product was looked up, the rest waits for its end. */
  let productRead = false;
  /** While the page is parsed: the answer for its address's keys, asked at the start. */
  let early: EarlyAnswer | null = null;
  let stopWaiting: (() => void) | null = null;

  const report = () => {
    const snapshot = JSON.stringify(status);
    if (snapshot === lastReported) return;
    lastReported = snapshot;
    deps.reportStatus({ ...status });
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    deps.schedule(() => void scan());
  };

  async function scan(): Promise<void> {
    scheduled = false;
    if (removals) {
      removals = false;
      overlay.sweep();
    }
    if (status.paused) return; // until the popup un-pauses and resets us
    const loading = doc.readyState === 'loading';
    if (loading && (productRead || !deps.productWhileLoading)) return; // until it is parsed
    const scanGeneration = generation;
    let fresh: ExtractedListing[];
    let revised: ExtractedListing[];
    try {
      const extraction = adapter.extract(doc, deps.currentUrl(), read, loading);
      status.pageKind = extraction.pageKind;
      status.unreadable = extraction.unreadable;
      // A page of a kind the adapter reads, read empty: the popup says so and offers a layout report.
      if (extraction.unread) {
        status.unread = true;
        status.cardLike = extraction.cardLike ?? 0;
      } else {
        delete status.unread;
        delete status.cardLike;
      }
      // While the page is parsed, only its own product, once the parser has gone past its title
      // (a title or card read half-parsed would be looked up and reported cut short).
      const listings = loading
        ? extraction.listings.filter((one) => parsed(one.anchor))
        : extraction.listings;
      // Until its title is parsed, a look once a frame: watching every node the parser adds
      // would cost a large page more than the look does.
      if (loading && listings.length === 0) schedule();
      else if (loading) productRead = true; // the rest is read once the page is parsed
      ({ fresh, revised } = toLookUp(listings, marks, warned));
    } catch {
      status.errors++;
      report();
      return;
    }
    for (const listing of fresh) {
      if (marks.has(listing.anchor)) overlay.unmount(listing.anchor); // the card now shows another item
      warned.delete(listing.anchor);
      marks.set(listing.anchor, listing);
    }
    for (const listing of revised) marks.set(listing.anchor, listing);
    status.checked += fresh.length;
    // With new listings the status goes out once their lookup is answered; without, right away.
    if (fresh.length === 0 && revised.length === 0) {
      report();
      return;
    }
    // A product its address's early answer may decide goes alone, not behind the page's cards.
    const own = early ? fresh.filter((one) => one.kind === 'product') : [];
    const batches = [
      ...(own.length > 0 ? [own] : []),
      ...chunk(own.length > 0 ? fresh.filter((one) => one.kind !== 'product') : fresh),
      ...(revised.length > 0 ? [revised] : []),
    ];
    await Promise.all(batches.map((batch) => lookupBatch(batch, scanGeneration)));
  }

  async function lookupBatch(batch: ExtractedListing[], scanGeneration: number): Promise<void> {
    const keys = new Set<string>();
    const titles: TitleToMatch[] = [];
    for (const listing of batch) {
      keys.add(listing.itemKey);
      if (listing.sellerKey) keys.add(listing.sellerKey);
      const title = titleToMatch(listing);
      if (title) titles.push(title);
    }
    try {
      const full = () => deps.lookup([...keys], titles);
      const result = await (early ? early.answerFor(batch, [...keys], full) : full());
      if (scanGeneration !== generation) return; // the page moved on while we waited
      if (result.view?.paused) {
        pause();
        return;
      }
      const hits = new Map(result.hits.map((record) => [record.key, record]));
      const products = new Map(result.products?.map((m) => [m.itemKey, m.productKey]));
      const contacts = new Map<string, string[]>();
      for (const { itemKey, contactKey } of result.contacts ?? []) {
        contacts.set(itemKey, [...(contacts.get(itemKey) ?? []), contactKey]);
      }
      const signals = new Map(result.signals?.map((m) => [m.itemKey, m.evidence]));
      const mutedSellers = new Set(result.view?.mutedSellers);
      if (result.view?.inspector) deps.inspect?.(batch);
      for (const listing of batch) {
        const evidence = signals.get(listing.itemKey);
        const verdict =
          verdictFor(
            listing,
            hits,
            products.get(listing.itemKey) ?? null,
            contacts.get(listing.itemKey),
          ) ?? (evidence ? signalVerdict(evidence, new Date()) : null);
        if (marks.get(listing.anchor)?.itemKey !== listing.itemKey) continue;
        if (!verdict) {
          if (listing.kind !== 'card') offerReport(listing);
          continue;
        }
        warned.add(listing.anchor);
        const muted = listing.sellerKey !== null && mutedSellers.has(listing.sellerKey);
        // A muted seller's warnings go, except a confirmed one on its product page: collapsed.
        const collapsed = muted && listing.kind !== 'card' && verdict.status === 'confirmed';
        list(listing, verdict, muted);
        if (muted) status.muted++;
        else status.flagged++;
        if (muted && !collapsed) {
          if (listing.kind !== 'card') offerReport(listing);
          continue;
        }
        try {
          overlay.mount(listing, verdict, result.data, collapsed);
        } catch {
          status.errors++;
        }
      }
    } catch {
      if (scanGeneration === generation) status.errors++;
    }
    report();
  }

  /** Watches the page for its changes (again, after a pause while it was parsed). */
  function watch(): void {
    // href too: SPAs reuse a card's link element for another item and only change its address.
    // The document, not its root: a script that starts with the page may run before the root.
    observer?.observe(doc, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['href'],
    });
  }

  function offerReport(listing: ExtractedListing): void {
    try {
      overlay.offerReport(listing);
    } catch {
      status.errors++;
    }
  }

  /** For the popup: the name a card's address carries, else its title. */
  function list(listing: ExtractedListing, verdict: Verdict, muted: boolean): void {
    if (status.listings.length >= MAX_LISTED) return;
    const id = nextId++;
    const entry: ListedListing = {
      id,
      // The page's own words: control characters dropped, as the report dialog does.
      title: withoutControlCharacters(listing.matchName ?? listing.title ?? listing.itemKey).slice(
        0,
        200,
      ),
      status: verdict.status,
      subject: verdict.subject,
      contested: verdict.status !== 'heuristic' && verdict.record.appeal === 'pending',
      ...(verdict.status !== 'heuristic' && verdict.record.demo ? { demo: true as const } : {}),
      muted,
    };
    status.listings.push(entry);
    listed.set(id, listing.anchor);
  }

  function pause(): void {
    overlay.clear();
    Object.assign(status, { paused: true, flagged: 0, muted: 0, listings: [] });
    listed = new Map();
    report();
  }

  return {
    status,
    start() {
      observer = new MutationObserver((records) => {
        let page = false;
        for (const record of records) {
          if (record.removedNodes.length > 0) removals = true;
          if (!page && isPageMutation(record)) page = true;
        }
        // The page's own changes, or its removal of one of our warnings (which comes back).
        if (page || removals) schedule();
      });
      if (doc.readyState === 'loading') {
        // The end of the page's markup: everything is read and watched from then on (a listener
        // the page's own scripts cannot keep from us, loading.ts). Until then only a product
        // page's own title is looked for.
        stopWaiting = whenParsed(doc, () => {
          stopWaiting = null;
          // Nothing was watched meanwhile: a warning the page removed while it was parsed is
          // looked for by the sweep, and comes back with the scan.
          removals = true;
          watch();
          schedule();
        });
        if (deps.productWhileLoading) {
          early = deps.productWhileLoading.early((keys) => deps.lookup(keys, []));
          schedule();
        }
        return;
      }
      watch();
      schedule();
    },
    stop() {
      stopWaiting?.();
      stopWaiting = null;
      observer?.disconnect();
      observer = null;
      overlay.clear();
    },
    reset() {
      generation++;
      early = null;
      marks = new WeakMap();
      read = new WeakMap();
      warned = new WeakSet();
      overlay.clear();
      listed = new Map();
      Object.assign(status, {
        pageKind: 'other',
        checked: 0,
        flagged: 0,
        unreadable: 0,
        muted: 0,
        paused: false,
        listings: [],
      });
      schedule();
    },
    scanNow: scan,
    reveal(id) {
      const anchor = listed.get(id);
      return anchor ? overlay.reveal(anchor) : false;
    },
    listingAt,
    listingFor(url, lastCard) {
      return listingToReport(adapter, doc, deps.currentUrl(), url, () =>
        lastCard ? listingAt(lastCard) : null,
      );
    },
  };

  function listingAt(node: Node | null): ExtractedListing | null {
    for (
      let element = node instanceof Element ? node : (node?.parentElement ?? null);
      element;
      element = element.parentElement
    ) {
      const listing = marks.get(element);
      if (listing) return listing.anchor.isConnected ? listing : null;
    }
    return null;
  }
}
