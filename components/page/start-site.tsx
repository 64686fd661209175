/**
 * Wires the runner to a real page: the request port for lookups, runtime messages for status and
 * mutes, the overlay with our components, animation frames and navigation events from WXT's
 * content-script context (which stops everything when the extension is updated or disabled), and
 * the popup's requests to this tab.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { draftListingOf } from '../../utils/content/report-listing';
import { createRunner, type Runner } from '../../utils/content/runner';
import { scanScheduler } from '../../utils/content/scan-timing';
import { setLanguage, t, useCatalogues } from '../../utils/i18n';
import { CONTENT_MESSAGES } from '../../utils/messages/content';
import { errorMessage } from '../../utils/protocol/error-message';
import type { ReportReason } from '../../utils/protocol/registry/report';
import { sendMessage } from '../../utils/protocol/runtime/client';
import { CONSENT_NEEDED } from '../../utils/protocol/runtime/data-collection';
import { createPortTransport, REQUEST_PORT } from '../../utils/protocol/runtime/port-transport';
import { readTabRequest } from '../../utils/protocol/runtime/tab-requests';
import type { ExtractedListing, SiteAdapter } from '../../utils/sites/engine/types';
import { BadgeDetails } from '../BadgeDetails';
import { Banner } from '../Banner';
import badgeCss from '../badge.css?inline';
import { badgeElement } from '../badge-element';
import bannerCss from '../banner.css?inline';
import noticeCss from '../notice.css?inline';
import type { QuickOutcome, QuickReportActions } from '../QuickReport';
import { reportButtonElement } from '../report-button';
import reportCss from '../report-button.css?inline';
import warningCss from '../warning.css?inline';
import { inspectBatch, inspectorViews } from './inspector-views';
import { createNotices } from './notice';
import { createOverlay } from './overlay';
import { stopBadgeListeners } from './popover';
import { createReportFrame } from './report-frame';
import { watchCardsForReport } from './report-hover';
import { shopperActions } from './shopper-actions';

export function startSite(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  useCatalogues(CONTENT_MESSAGES);
  let runner: Runner | null = null;
  /** From the latest lookup's answer: where a seller contests a warning. */
  let registryUrl: string | null = null;
  const requests = createPortTransport(() => browser.runtime.connect({ name: REQUEST_PORT }));

  const frame = createReportFrame(document);
  const notices = createNotices(document, noticeCss);
  const draftOf = (listing: ExtractedListing) =>
    draftListingOf(listing, location.href, new Date(), adapter.idsFromUrl);
  const actions = shopperActions({
    send: sendMessage,
    draftOf,
    // The report dialog over the page: report.html in our frame.
    openFrame: (token) =>
      frame.open(
        `${browser.runtime.getURL('/report.html')}?draft=${token}&framed=1`,
        token,
        t('reportFrameTitle'),
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
        const { listing: facts } = draftOf(listing);
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
    details: (listing, verdict, data, close) => (
      <BadgeDetails
        verdict={verdict}
        data={data}
        onMute={onMute(listing)}
        report={quickReport(listing)}
        registryUrl={registryUrl}
        onClose={close}
      />
    ),
    badgeCss: badgeCss + warningCss,
    get popoverLabel() {
      return t('popoverLabel'); // in the language of the latest answer
    },
    banner: (listing, verdict, data, collapsed) => (
      <Banner
        verdict={verdict}
        data={data}
        collapsed={collapsed}
        shop={listing.kind === 'shop'}
        registryUrl={registryUrl}
        onMute={onMute(listing)}
        onReport={(event) => {
          if (event.isTrusted) openReport(listing);
        }}
      />
    ),
    bannerCss: bannerCss + warningCss,
    reportButton: (doc, listing) => reportButtonElement(doc, listing.kind),
    reportCss,
    onReport: openReport,
    // "Xử lý": a failure, or inspector mode gone off meanwhile, is shown in the section.
    ...inspectorViews(async (listing) => {
      const { opened } = await sendMessage('inspectListing', draftOf(listing));
      if (opened === 'off') throw new Error(t('inspectorModeWentOff'));
    }),
  });
  runner = createRunner({
    adapter,
    doc: document,
    currentUrl: () => new URL(location.href),
    async lookup(keys, titles) {
      const result = await sendMessage(
        'lookup',
        titles.length > 0 ? { keys, titles } : { keys },
        requests,
      );
      if (result.view) {
        setLanguage(result.view.language);
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
  const onTabRequest = (raw: unknown) => {
    const request = readTabRequest(raw);
    if (request?.type === 'reveal') return Promise.resolve(runner?.reveal(request.id) ?? false);
    if (request?.type === 'refresh') {
      runner?.reset();
      return Promise.resolve(true);
    }
    if (request?.type === 'listing') {
      const listing = runner?.listingFor(request.url, hover.lastCard()) ?? null;
      return Promise.resolve(listing ? draftOf(listing) : null);
    }
    if (request?.type === 'page') {
      // The page's own listing, read now by the adapter's rules (a grid has none).
      const here = new URL(location.href);
      const own = adapter.extract(document, here).listings.find((one) => one.kind === 'product');
      return Promise.resolve({ url: here.href, itemKey: own?.itemKey ?? null });
    }
    if (request?.type === 'closeReport') {
      frame.close(request.token);
      return Promise.resolve(true);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onTabRequest);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onTabRequest);
    runner?.stop();
    hover.stop();
    frame.close();
    notices.close();
    stopBadgeListeners(window);
  });
}
