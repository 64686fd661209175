/**
 * What the background does for each message. Dependencies come in as arguments so the handlers run
 * the same in unit tests (fake-indexeddb, fake browser) and in the extension.
 */

import { browser } from 'wxt/browser';
import { pageWords } from '../../../utils/messages/content-script';
import { platformOfUrl } from '../../../utils/protocol/platform-of-url';
import type { LayoutReport } from '../../../utils/protocol/registry/layout-report';
import {
  LAYOUT_REPORT_DATA,
  reportCategories,
} from '../../../utils/protocol/runtime/data-collection';
import type { Handlers } from '../../../utils/protocol/runtime/dispatch';
import { openWindowOrTab, REPORT_WINDOW } from '../../../utils/report/open-window';
import { dataUrlBytes } from '../../../utils/report/screenshot';
import type { DataService } from '../data/data-service';
import {
  createInspectorHandlers,
  type InspectorHandlerDeps,
} from '../inspector/inspector-handlers';
import { demoRecordFor } from '../preferences/demo-record';
import type { PreferencesService } from '../preferences/preferences-service';
import type { DraftStore } from '../reports/draft-store';
import type { ReportService } from '../reports/report-service';
import type { TabStatusStore } from '../tabs/tab-status';
import { holdToConsent } from './consent';
import { holdToOwnMarketplace } from './own-marketplace';

export interface BackgroundDeps {
  data: DataService;
  preferences: PreferencesService;
  reports: ReportService;
  drafts: DraftStore;
  tabs: TabStatusStore;
  /** Shows the tab's flagged count on the toolbar icon. */
  showCount(tabId: number, flagged: number): Promise<void>;
  /** Sends a layout report (counts only) to the registry the shopper's reports go to. */
  sendLayoutReport(report: LayoutReport): Promise<void>;
  /** Lets a listed domain open for the rest of the session ("continue anyway"). */
  allowDomain(domain: string): Promise<void>;
  /** Inspector mode (inspector-handlers.ts). */
  inspectorMode: InspectorHandlerDeps;
  now(): Date;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    ...createInspectorHandlers(deps.inspectorMode),
    async lookup(request, { sender }) {
      const {
        view: choices,
        signalsOff,
        demoRecord,
      } = await deps.preferences.choicesFor(request.keys);
      // Without a readable database the page is still answered, as a shopper's.
      const inspector = await deps.inspectorMode.session
        .signedInAs()
        .then((name) => name !== null)
        .catch(() => false);
      const words = request.words ? pageWords(choices.language) : undefined;
      const view = {
        ...choices,
        registryUrl: await deps.reports.registryUrl(),
        ...(inspector ? { inspector } : {}),
        ...(words ? { words } : {}),
      };
      // Paused on this marketplace: nothing is looked up, nothing shown.
      if (view.paused) return { hits: [], data: null, view };
      const found = await deps.data.lookup(request, signalsOff);
      const demo = demoRecord
        ? demoRecordFor(sender.url, request.keys, view.language, deps.now())
        : null;
      // The demo never hides what the data holds about the same listing.
      if (demo && !found.hits.some((hit) => hit.key === demo.key))
        return { ...found, hits: [...found.hits, demo], view };
      return { ...found, view };
    },
    async muteSeller(request, { sender }) {
      // A page may hide only its own marketplace's sellers: the key must be a seller of the
      // platform the sending tab is on.
      const platform = platformOfUrl(sender.url);
      if (!platform || !request.sellerKey.startsWith(`${platform}:seller:`)) {
        throw new Error(`a page on ${platform ?? 'this site'} cannot mute ${request.sellerKey}`);
      }
      await deps.preferences.muteSeller(request);
      return { ok: true };
    },
    async submitReport(request, { sender, senderKind }) {
      if (senderKind !== 'extension-page') {
        holdToOwnMarketplace(sender.url, request.listing);
        if (request.screenshot) throw new Error('a page cannot attach a screenshot');
      }
      await holdToConsent(reportCategories(request.contact));
      return deps.reports.submit(request);
    },
    async openReportDraft(request, { sender, senderKind }) {
      if (senderKind !== 'extension-page') holdToOwnMarketplace(sender.url, request.listing);
      const tabId = sender.tab?.id;
      return {
        token: await deps.drafts.create({
          origin: 'page',
          ...request,
          ...(tabId !== undefined ? { tabId } : {}),
        }),
      };
    },
    async createReportDraft(request) {
      return { token: await deps.drafts.create(request) };
    },
    async getReportDraft({ token }) {
      const { screenshot, ...draft } = await deps.drafts.get(token);
      const bytes = screenshot ? dataUrlBytes(screenshot.dataUrl) : 0;
      return {
        draft: {
          ...draft,
          ...(screenshot ? { screenshot: { dataUrl: screenshot.dataUrl, bytes } } : {}),
        },
        context: await deps.reports.context(draft.listing.itemKey),
      };
    },
    async openDraftWindow({ token, choices }) {
      await deps.drafts.get(token);
      // The window starts from what the shopper chose and wrote in the frame.
      if (choices) await deps.drafts.remember(token, choices);
      await openWindowOrTab(
        `${browser.runtime.getURL('/report.html')}?draft=${token}`,
        REPORT_WINDOW,
      );
      return { ok: true as const };
    },
    async submitDraft({ token, withScreenshot, ...choices }) {
      const draft = await deps.drafts.get(token);
      await holdToConsent(reportCategories(choices.contact));
      return deps.reports.submit({
        listing: draft.listing,
        ...choices,
        ...(withScreenshot && draft.screenshot ? { screenshot: draft.screenshot } : {}),
      });
    },
    listReports: ({ refresh }) => deps.reports.listFresh(refresh ?? false),
    retryReports: ({ id }) => deps.reports.retry(id),
    deleteReports: ({ ids }) => deps.reports.remove(ids),
    setRegistryUrl: ({ url }) => deps.reports.setRegistryUrl(url),
    getPreferences: () => deps.preferences.get(),
    setPreferences: (preferences) => deps.preferences.set(preferences),
    async pageStatus(status, { sender }) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('pageStatus needs a sender tab');
      await deps.tabs.set(tabId, {
        ...status,
        url: sender.url ?? '',
        updatedAt: deps.now().toISOString(),
      });
      await deps.showCount(tabId, status.flagged);
      return { ok: true };
    },
    async sendLayoutReport({ tabId }) {
      // Built here from what the tab's content script reported: counts only, never its address.
      const status = await deps.tabs.get(tabId);
      if (!status?.unread || !status.adapterVersion) throw new Error('this page was read');
      const pageKind = status.pageKind === 'other' ? 'grid' : status.pageKind;
      if (pageKind === 'blocked') throw new Error('this page was read');
      // Firefox: sent only under the consent the popup asked for at the press.
      await holdToConsent(LAYOUT_REPORT_DATA);
      await deps.sendLayoutReport({
        platform: status.platform,
        pageKind,
        adapterVersion: status.adapterVersion,
        listings: Math.min(status.checked, 10_000),
        unreadable: Math.min(status.unreadable, 10_000),
        cardLike: Math.min(status.cardLike ?? 0, 10_000),
      });
      return { ok: true };
    },
    async getTabStatus({ tabId }) {
      return { status: await deps.tabs.get(tabId) };
    },
    getDataStatus: () => deps.data.status(),
    syncNow: () => deps.data.syncNow(),
    setFeedUrl: ({ url }) => deps.data.setFeedUrl(url),
    scamInfo: ({ url }) => deps.data.scamInfo(url),
    async allowDomain({ domain }) {
      // Only a domain that is really listed can be allowed: a page cannot widen anything else.
      const { domain: listed } = await deps.data.scamInfo(`https://${domain}/`);
      if (listed !== domain) throw new Error(`${domain} is not a listed domain`);
      await deps.allowDomain(domain);
      return { ok: true };
    },
  };
}
