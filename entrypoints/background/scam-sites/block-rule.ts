/**
 * The scam-site block: one declarativeNetRequest rule blocks top-level loads of listed domains, a
 * failed load is sent to our warning page, and "continue anyway" allows the domain for the session.
 */

import type { browser as BrowserApi } from 'wxt/browser';
import type { DataService } from '../data/data-service';
import type { BlockList } from './block-list';

/*
 * The browser itself blocks (no host permission: with the "declarativeNetRequest" permission a
 * block rule needs none, and the extension never sees the pages). When such a navigation fails, the
 * webNavigation error event names the tab and URL, and the tab is sent to our warning page, which
 * explains who listed the site and offers "go back" and "continue anyway"; continuing adds a
 * session-only allow rule for that domain.
 *
 * Why not a redirect rule straight to the warning page: redirects need host permission for every
 * site ("read and change all your data"), which a shopping-safety extension should not ask for.
 */

export const BLOCK_RULE_ID = 1;
/** Fires when a blocked site's record expires: the list is built again without it. */
export const BLOCK_LIST_ALARM = 'scam-block-list';
const ALLOW_RULE_BASE = 1000;
export const WARNING_PAGE = '/scam-warning.html';

type Rule = {
  id: number;
  priority: number;
  action: { type: 'block' | 'allow' };
  condition: { requestDomains: string[]; resourceTypes: ['main_frame'] };
};

export interface RuleApi {
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void>;
  getSessionRules(): Promise<Array<{ id: number; condition: { requestDomains?: string[] } }>>;
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: Rule[] }): Promise<void>;
}

/**
 * The browser's declarativeNetRequest as the rules use it, or undefined where there is none. The
 * browser's own typings name action and resource types by enums; the rules here are plain strings
 * of the same values, so the API is seen through RuleApi.
 */
export function ruleApiOf(browser: typeof BrowserApi): RuleApi | undefined {
  return browser.declarativeNetRequest as unknown as RuleApi | undefined;
}

/** Replaces the block rule with one covering exactly these domains. */
export async function applyBlockRule(api: RuleApi, domains: readonly string[]): Promise<void> {
  await api.updateDynamicRules({
    removeRuleIds: [BLOCK_RULE_ID],
    ...(domains.length > 0
      ? {
          addRules: [
            {
              id: BLOCK_RULE_ID,
              priority: 1,
              action: { type: 'block' },
              condition: { requestDomains: [...domains], resourceTypes: ['main_frame'] },
            },
          ],
        }
      : {}),
  });
}

export async function allowForSession(api: RuleApi, domain: string): Promise<void> {
  const rules = await api.getSessionRules();
  if (rules.some((rule) => rule.condition.requestDomains?.includes(domain))) return;
  const id = Math.max(ALLOW_RULE_BASE, ...rules.map((rule) => rule.id)) + 1;
  await api.updateSessionRules({
    addRules: [
      {
        id,
        priority: 2,
        action: { type: 'allow' },
        condition: { requestDomains: [domain], resourceTypes: ['main_frame'] },
      },
    ],
  });
}

/**
 * For a failed top-level navigation: the warning page's URL when a listed domain covers it, else
 * null (an ordinary network error stays the browser's).
 */
export async function warningFor(
  data: DataService,
  failedUrl: string,
  pageUrl: (path: string) => string,
): Promise<string | null> {
  const { domain } = await data.scamInfo(failedUrl);
  if (!domain) return null;
  return `${pageUrl(WARNING_PAGE)}?url=${encodeURIComponent(failedUrl)}`;
}

/** The part of the alarms API the rule keeper uses. */
export interface AlarmApi {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

/**
 * Keeps the block rule equal to the sites a shopper is warned about: applies each new list, and
 * sets an alarm for when the next of its records expires so that site stops being blocked then,
 * not at the next sync.
 */
export function createBlockRuleKeeper(deps: {
  rules: RuleApi | undefined;
  alarms: AlarmApi;
  /** Builds the list again and applies it (DataService.refreshBlockList, through `apply`). */
  refresh(): Promise<void>;
}) {
  return {
    async apply({ domains, until }: BlockList): Promise<void> {
      if (deps.rules) {
        try {
          await applyBlockRule(deps.rules, domains);
        } catch (error) {
          // Lookups must not fail because a browser refused the rule (limits differ between
          // browsers); scam sites then load without the warning page, and the next change retries.
          console.warn('Soi Hàng: the scam-site rule was not applied', error);
        }
      }
      await deps.alarms.clear(BLOCK_LIST_ALARM);
      if (until !== null) await deps.alarms.create(BLOCK_LIST_ALARM, { when: until });
    },

    /** For alarms.onAlarm: the expiry alarm rebuilds the list. */
    async onAlarm(name: string): Promise<void> {
      if (name === BLOCK_LIST_ALARM) await deps.refresh();
    },
  };
}
