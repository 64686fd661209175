/**
 * Wires the runner to a real page: the request port for lookups, runtime messages for status and
 * mutes, the overlay with our components, animation frames and navigation events from WXT's
 * content-script context (which stops everything when the extension is updated or disabled), and
 * the popup's requests to this tab.
 */
import { browser } from 'wxt/browser';
import type { EarlyAnswer } from '../../utils/content/early-answer';
import { createRunner, type LookupResult, type Runner } from '../../utils/content/runner';
import { scanScheduler } from '../../utils/content/scan-timing';
import {
  addWords,
  type Catalogues,
  getLanguage,
  setLanguage,
  t,
  useCatalogues,
} from '../../utils/i18n';
import { CONTENT_SCRIPT_MESSAGES } from '../../utils/messages/content-script';
import { errorMessage } from '../../utils/protocol/error-message';
import type { Ids } from '../../utils/protocol/listing-urls';
import type { ReportReason } from '../../utils/protocol/registry/report';
import { sendMessage } from '../../utils/protocol/runtime/client';
import { CONSENT_NEEDED } from '../../utils/protocol/runtime/data-collection';
import { createPortTransport, REQUEST_PORT } from '../../utils/protocol/runtime/port-transport';
import { readTabRequest } from '../../utils/protocol/runtime/tab-requests';
import type { ExtractedListing, SiteAdapter } from '../../utils/sites/engine/types';
import badgeCss from '../badge.css?inline';
import { badgeElement } from '../badge-element';
import bannerCss from '../banner.css?inline';
import type { QuickOutcome, QuickReportActions } from '../QuickReport';
import { reportButtonElement } from '../report-button';
import reportCss from '../report-button.css?inline';
import { stopBadgeListeners } from './badge-listeners';
import { inspectBatch, inspectorViews } from './inspector-views';
import { pageUiLoader } from './load-page-ui';
import type { Notices } from './notice';
import { createOverlay } from './overlay';
import { watchCardsForReport } from './report-hover';
import type { PageContext } from './script-context';
import { shopperActions } from './shopper-actions';
import { traceStep } from './trace-step';

/**
 * Given by a script that starts with the page (Shopee's): how to ask at once about what a
 * product's address names (early-answer.ts), which the other sites' scripts do not carry.
 */
export type AddressAnswer = (
  platform: SiteAdapter['platform'],
  ids: Ids,
  lookup: (keys: string[]) => Promise<LookupResult>,
) => EarlyAnswer | null;

export function startSite(
  ctx: PageContext,
  adapter: SiteAdapter,
  startsWithPage?: { addressAnswer: AddressAnswer },
): void {
  traceStep('start');
  useCatalogues(CONTENT_SCRIPT_MESSAGES);
  let runner: Runner | null = null;
  /** From the latest lookup's answer: where a seller contests a warning. */
  let registryUrl: string | null = null;
  /** The words in the shopper's language arrived with a lookup's answer. */
  let haveWords = false;
  const requests = createPortTransport(() => browser.runtime.connect({ name: REQUEST_PORT }));
  // What a shopper sees after a click, and a product page's banner: drawn by the page UI chunk.
  const pageUi = pageUiLoader(
    () => browser.runtime.getURL('/page-ui.js'),
    // Never thrown into the page: the badge and its label are already there, and the next
    // opening tries the load again.
    () => undefined,
  );
  const withUi = pageUi.draw;
  /** What the address names: on a product page, its item (and seller), whose banner may come. */
  const addressIds = adapter.idsFromUrl(new URL(location.href));
  // A product page's banner is drawn by the chunk: on a product page it loads while the page is
  // read and looked up, not after the answer (a grid never loads it unasked). On a Shopee product
  // address the manifest has already injected it, and it is not loaded again (load-page-ui.ts).
  if (addressIds) pageUi.preload();

  // The report dialog's frame and the failure notices come after a press: the chunk has them too.
  // The document itself: a script that starts with the page (Shopee's) may run before its root.
  const page = document;
  const notices: Notices = {
    show: (text) => withUi(page, (ui) => ui.notices.show(text)),
    close: () => pageUi.loaded()?.notices.close(),
  };
  const closeFrame = (token?: string) => pageUi.loaded()?.frame.close(token);
  // A report's draft is made by the chunk too (a grid where nothing is reported never loads it),
  // of the page as it is at the press.
  const draftOf = (listing: ExtractedListing) => {
    const [at, now] = [location.href, new Date()];
    return pageUi.load().then((ui) => ui.draft(listing, at, now, adapter.idsFromUrl));
  };
  const actions = shopperActions({
    send: sendMessage,
    draftOf,
    // The report dialog over the page: report.html in our frame.
    openFrame: (token) =>
      withUi(page, (ui) =>
        ui.frame.open(
          `${browser.runtime.getURL('/report.html')}?draft=${token}&framed=1`,
          token,
          t('reportFrameTitle'),
        ),
      ),
    afterMute: () => runner?.reset(),
    notices,
  });
  const onMute = actions.mute;
  const openReport = (listing: ExtractedListing) => void actions.openReport(listing);

  /** A flagged card's chips: one press saves a report with that reason. */
  const quickReport = (listing: ExtractedListing): QuickReportActions => ({
    async send(reason: ReportReason, event: Event): Promise<QuickOutcome> {
      if (!event.isTrusted) return { kind: 'failed', message: 'not a press by the shopper' };
      try {
        const { listing: facts } = await draftOf(listing);
        const reply = await sendMessage('submitReport', { listing: facts, reasons: [reason] });
        return reply.outcome === 'limited' ? { kind: 'limited' } : { kind: 'saved' };
      } catch (error) {
        const message = errorMessage(error);
        // Firefox's data consent is asked for only in the dialog (a page cannot ask): say where.
        return {
          kind: 'failed',
          message: message === CONSENT_NEEDED ? t('dataConsentNeeded') : message,
        };
      }
    },
    open(event: Event) {
      if (event.isTrusted) openReport(listing);
    },
  });

  const overlay = createOverlay(document, {
    badge: (doc, _listing, verdict) => badgeElement(doc, verdict),
    details(container, listing, verdict, data, close, drawn) {
      return withUi(container, (ui) => {
        const props = {
          verdict,
          data,
          onMute: onMute(listing),
          report: quickReport(listing),
          registryUrl,
          onClose: close,
        };
        ui.details(container, props, getLanguage());
        drawn();
      });
    },
    badgeCss,
    get popoverLabel() {
      return t('popoverLabel'); // in the language of the latest answer
    },
    banner(container, listing, verdict, data, collapsed) {
      traceStep('banner-host');
      withUi(container, (ui) => {
        const props = {
          verdict,
          data,
          collapsed,
          shop: listing.kind === 'shop',
          registryUrl,
          onMute: onMute(listing),
          onReport: (event: Event) => {
            if (event.isTrusted) openReport(listing);
          },
        };
        ui.banner(container, props, getLanguage());
        traceStep('banner-drawn');
      });
    },
    bannerCss,
    reportButton: (doc, listing) => reportButtonElement(doc, listing.kind),
    reportCss,
    onReport: openReport,
    // "Xử lý": a failure, or inspector mode gone off meanwhile, is shown in the section.
    erase: (container) => pageUi.loaded()?.erase(container),
    ...inspectorViews(withUi, async (listing) => {
      const { opened } = await sendMessage('inspectListing', await draftOf(listing));
      if (opened === 'off') throw new Error(t('inspectorModeWentOff'));
    }),
  });
  runner = createRunner({
    adapter,
    doc: document,
    // A script that starts with the page (Shopee's) reads a product page while it loads: what its
    // address names is asked about at once, and the product once its title is parsed. Any other
    // page is read once its markup is parsed.
    ...(startsWithPage &&
      addressIds && {
        productWhileLoading: {
          early: (lookup) => startsWithPage.addressAnswer(adapter.platform, addressIds, lookup),
        },
      }),
    currentUrl: () => new URL(location.href),
    async lookup(keys, titles) {
      // Until the words in the shopper's language came (this script carries Vietnamese only).
      const words = haveWords ? {} : { words: true as const };
      traceStep('lookup-sent');
      const result = await sendMessage(
        'lookup',
        titles.length > 0 ? { keys, titles, ...words } : { keys, ...words },
        requests,
      );
      traceStep('lookup-answered');
      if (result.view) {
        const { language } = result.view;
        if (result.view.words && language !== 'vi') {
          const arrived: Catalogues = { vi: {}, en: {} };
          arrived[language] = result.view.words;
          addWords(arrived);
          haveWords = true;
        }
        setLanguage(language);
        registryUrl = result.view.registryUrl ?? null;
      }
      return result;
    },
    // Status only feeds the popup; losing one (worker restarting) is harmless, the next one follows.
    reportStatus: (status) => void sendMessage('pageStatus', status).catch(() => undefined),
    overlay,
    schedule: scanScheduler({
      now: () => performance.now(),
      soon: (callback) => queueMicrotask(() => ctx.isValid && callback()),
      nextFrame: (callback) => void ctx.requestAnimationFrame(callback),
    }),
    inspect(listings) {
      void inspectBatch(overlay, listings, (keys, needWords) =>
        sendMessage('inspectorLookup', needWords ? { keys, words: true } : { keys }, requests),
      ).catch(() => undefined);
    },
  });
  runner.start();
  const hover = watchCardsForReport(window, (node) => runner?.listingAt(node) ?? null, overlay);
  ctx.addEventListener(window, 'wxt:locationchange', () => runner?.reset());
  // The popup asks this tab to show a listing, or to start over after a pause or mute changed.
  const answerTabRequest = (raw: unknown): unknown => {
    const request = readTabRequest(raw);
    if (request?.type === 'reveal') return runner?.reveal(request.id) ?? false;
    if (request?.type === 'refresh') {
      runner?.reset();
      return true;
    }
    if (request?.type === 'listing') {
      const listing = runner?.listingFor(request.url, hover.lastCard()) ?? null;
      // Null for a listing whose draft cannot be made (the chunk did not load): none to report.
      return listing ? draftOf(listing).catch(() => null) : null;
    }
    if (request?.type === 'page') {
      // The page's own listing, read now by the adapter's rules (a grid has none).
      const here = new URL(location.href);
      const own = adapter.extract(document, here).listings.find((one) => one.kind === 'product');
      return { url: here.href, itemKey: own?.itemKey ?? null };
    }
    if (request?.type === 'closeReport') {
      closeFrame(request.token);
      return true;
    }
    return undefined;
  };
  // Answered through sendResponse: content scripts use the browser's own API (no polyfill), and
  // Chrome's does not take a promise returned by a listener as the answer. An answer still to
  // come (a draft) keeps the channel open by returning true.
  const onTabRequest = (
    raw: unknown,
    _sender: unknown,
    sendResponse: (answer: unknown) => void,
  ) => {
    const answer = answerTabRequest(raw);
    if (answer instanceof Promise) {
      void answer.then(sendResponse);
      return true;
    }
    if (answer !== undefined) sendResponse(answer);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onTabRequest);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onTabRequest);
    runner?.stop();
    hover.stop();
    closeFrame();
    notices.close();
    stopBadgeListeners(window);
  });
}
