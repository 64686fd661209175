/**
 * Who may send each message, as a table: changing a message's access, or adding a message, fails
 * here until the table says so too. Content scripts run in pages the extension does not control,
 * so everything beyond looking up, muting a seller, reporting page status and saving a shopper's
 * report (of that page's own marketplace) is for the
 * extension's own pages only, and the dispatcher enforces it.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../utils/protocol/runtime/dispatch';
import { MESSAGES, type MessageType } from '../../../utils/protocol/runtime/messages';

const ACCESS: Record<MessageType, 'content' | 'privileged'> = {
  lookup: 'content',
  muteSeller: 'content',
  pageStatus: 'content',
  getPreferences: 'privileged',
  setPreferences: 'privileged',
  getTabStatus: 'privileged',
  sendLayoutReport: 'privileged',
  getDataStatus: 'privileged',
  syncNow: 'privileged',
  setFeedUrl: 'privileged',
  scamInfo: 'privileged',
  allowDomain: 'privileged',
  submitReport: 'content',
  openReportDraft: 'content',
  createReportDraft: 'privileged',
  getReportDraft: 'privileged',
  openDraftWindow: 'privileged',
  submitDraft: 'privileged',
  listReports: 'privileged',
  retryReports: 'privileged',
  deleteReports: 'privileged',
  setRegistryUrl: 'privileged',
  // Inspector mode: a page may ask only what the registry knows of the keys it shows, and for the
  // panel on one of its listings; the token, the stories and every action stay privileged.
  inspectorLookup: 'content',
  inspectListing: 'content',
  inspectorSession: 'privileged',
  inspectorSignIn: 'privileged',
  inspectorSignOut: 'privileged',
  inspectorFocus: 'privileged',
  inspectorStory: 'privileged',
  inspectorAct: 'privileged',
  inspectorEvidence: 'privileged',
  inspectorActions: 'privileged',
  inspectorQueue: 'privileged',
  inspectorStats: 'privileged',
  inspectorFile: 'privileged',
};

describe('message access', () => {
  it('every message has the access this table gives it, and no other message exists', () => {
    const actual = Object.fromEntries(
      Object.entries(MESSAGES).map(([type, spec]) => [type, spec.access]),
    );
    expect(actual).toEqual(ACCESS);
  });

  it('the dispatcher refuses every privileged message from a content script, before its handler', async () => {
    const called: string[] = [];
    const handlers = new Proxy({} as Handlers, {
      get: (_target, type: string) => async () => {
        called.push(type);
        throw new Error('reached');
      },
    });
    const dispatch = createDispatcher(handlers, {
      id: 'ext-id',
      baseUrl: 'chrome-extension://ext-id/',
    });
    const page = { id: 'ext-id', url: 'https://shopee.vn/', tab: { id: 1 } };
    for (const [type, access] of Object.entries(ACCESS)) {
      if (access !== 'privileged') continue;
      expect(await dispatch({ type, payload: {} }, page), type).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(called).toEqual([]);
  });
});
