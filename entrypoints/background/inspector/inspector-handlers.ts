/**
 * The background's answers to inspector-mode messages; a page may ask only about its own
 * marketplace's keys and listings, and never sees the token.
 */

import { errorMessage } from '../../../utils/protocol/error-message';
import { INSPECTOR_DATA } from '../../../utils/protocol/runtime/data-collection';
import type { Handlers } from '../../../utils/protocol/runtime/dispatch';
import { maySend } from '../../../utils/report/data-consent';
import { holdToConsent } from '../messages/consent';
import { holdKeysToOwnMarketplace, holdToOwnMarketplace } from '../messages/own-marketplace';
import type { EvidenceCapture } from './inspector-capture';
import type { InspectorService } from './inspector-service';
import type { InspectorSessionApi } from './inspector-session';
import { INSPECTOR_STYLES, INSPECTOR_WORDS } from './inspector-words';

type InspectorTypes =
  | 'inspectorLookup'
  | 'inspectListing'
  | 'inspectorSession'
  | 'inspectorSignIn'
  | 'inspectorSignOut'
  | 'inspectorFocus'
  | 'inspectorStory'
  | 'inspectorAct'
  | 'inspectorEvidence'
  | 'inspectorActions'
  | 'inspectorQueue'
  | 'inspectorStats'
  | 'inspectorFile';

export interface InspectorHandlerDeps {
  inspector: InspectorService;
  session: InspectorSessionApi;
  /** Opens the inspector panel beside this tab (a side panel, else a small window). */
  openPanel(tabId: number): Promise<'panel' | 'window' | 'tab'>;
  /** The panel's listing changed: open panels read it again. */
  focusChanged(tabId: number): void;
  /** Sends what is waiting in the actions' outbox (a refused or expired one again). */
  retryAction(id: string): Promise<void>;
  /** Screenshots of a listing's own tab, refused on any other page. */
  capture: EvidenceCapture;
}

/**
 * A page (content script) may only ask what the registry knows about keys of its own marketplace,
 * and for the panel on one of its listings; both answer "off" unless an inspector is signed in, and
 * neither ever carries the token. Everything else comes from the extension's own pages (the
 * dispatcher refuses it from content scripts).
 */
export function createInspectorHandlers(
  deps: InspectorHandlerDeps,
): Pick<Handlers, InspectorTypes> {
  const { inspector, session } = deps;
  return {
    async inspectorLookup({ keys, words }, { sender, senderKind }) {
      if (senderKind !== 'extension-page') holdKeysToOwnMarketplace(sender.url, keys);
      if ((await session.signedInAs()) === null) return { active: false, entries: [] };
      // Firefox's data consent withdrawn since the sign-in: the pages opened are not sent.
      if (!(await maySend(INSPECTOR_DATA))) return { active: false, entries: [] };
      const strings = words ? { words: INSPECTOR_WORDS, styles: INSPECTOR_STYLES } : {};
      try {
        const entries = await inspector.pageEntries(keys);
        const name = await session.signedInAs();
        // The registry refused the token meanwhile: the page shows nothing of inspector mode.
        if (name === null) return { active: false, entries: [] };
        return { active: true, name, entries, ...strings };
      } catch (error) {
        const name = await session.signedInAs();
        if (name === null) return { active: false, entries: [] };
        return {
          active: true,
          name,
          entries: [],
          ...strings,
          error: errorMessage(error).slice(0, 300),
        };
      }
    },
    async inspectListing(request, { sender, senderKind }) {
      if (senderKind !== 'extension-page') holdToOwnMarketplace(sender.url, request.listing);
      if ((await session.signedInAs()) === null) return { opened: 'off' };
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('inspectListing needs a sender tab');
      inspector.focus(tabId, request);
      deps.focusChanged(tabId);
      return { opened: await deps.openPanel(tabId) };
    },
    inspectorSession: () => session.view(),
    async inspectorSignIn({ registryUrl, token }) {
      await holdToConsent(INSPECTOR_DATA);
      return session.signIn(registryUrl, token);
    },
    inspectorSignOut: () => session.signOut(),
    async inspectorFocus({ tabId }) {
      return { focus: inspector.focusOf(tabId) };
    },
    inspectorStory: ({ key }) => inspector.story(key),
    async inspectorAct(request) {
      await holdToConsent(INSPECTOR_DATA);
      return { action: await inspector.act(request) };
    },
    async inspectorEvidence({ tabId, ...request }) {
      await holdToConsent(INSPECTOR_DATA);
      const shot = await deps.capture.capture(tabId, request.listing.itemKey);
      if ('refused' in shot) return shot;
      const action = await inspector.act({
        kind: 'evidence',
        ...request,
        pageUrl: shot.pageUrl,
        ...(shot.screenshot ? { screenshot: shot.screenshot } : {}),
      });
      return { action, ...(shot.screenshotError ? { screenshotError: shot.screenshotError } : {}) };
    },
    async inspectorActions({ retry }) {
      if (retry) await deps.retryAction(retry);
      return { actions: await inspector.list() };
    },
    inspectorQueue: (query) => inspector.queue(query),
    inspectorStats: ({ days }) => inspector.stats(days),
    inspectorFile: ({ path }) => inspector.file(path),
  };
}
