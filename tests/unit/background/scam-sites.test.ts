import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  allowForSession,
  applyBlockRule,
  BLOCK_LIST_ALARM,
  BLOCK_RULE_ID,
  createBlockRuleKeeper,
  type RuleApi,
  warningFor,
} from '../../../entrypoints/background/scam-sites/block-rule';
import { shippedService } from '../../helpers/shipped-data';

function fakeRules() {
  const dynamic = new Map<number, unknown>();
  const session = new Map<number, { id: number; condition: { requestDomains?: string[] } }>();
  const api: RuleApi = {
    async updateDynamicRules({ removeRuleIds = [], addRules = [] }) {
      for (const id of removeRuleIds) dynamic.delete(id);
      for (const rule of addRules) dynamic.set(rule.id, rule);
    },
    async getSessionRules() {
      return [...session.values()];
    },
    async updateSessionRules({ removeRuleIds = [], addRules = [] }) {
      for (const id of removeRuleIds) session.delete(id);
      for (const rule of addRules) session.set(rule.id, rule);
    },
  };
  return { api, dynamic, session };
}

describe('scam-site rules', () => {
  it('one block rule covers every listed domain, for top-level pages only; none when the list is empty', async () => {
    const { api, dynamic } = fakeRules();
    await applyBlockRule(api, ['scam-a.vn', 'scam-b.com']);
    expect(dynamic.get(BLOCK_RULE_ID)).toEqual({
      id: BLOCK_RULE_ID,
      priority: 1,
      action: { type: 'block' },
      condition: { requestDomains: ['scam-a.vn', 'scam-b.com'], resourceTypes: ['main_frame'] },
    });
    await applyBlockRule(api, []);
    expect(dynamic.size).toBe(0);
  });

  it('"continue anyway" adds one session allow rule per domain that outranks the block', async () => {
    const { api, session } = fakeRules();
    await allowForSession(api, 'scam-a.vn');
    await allowForSession(api, 'scam-a.vn');
    await allowForSession(api, 'scam-b.com');
    expect([...session.values()]).toMatchObject([
      { priority: 2, action: { type: 'allow' }, condition: { requestDomains: ['scam-a.vn'] } },
      { priority: 2, action: { type: 'allow' }, condition: { requestDomains: ['scam-b.com'] } },
    ]);
  });

  it('sends a failed load of a listed domain to the warning page, and leaves other errors alone', async () => {
    const data = shippedService();
    const page = (p: string) => `chrome-extension://id${p}`;
    expect(await warningFor(data, 'https://login.0000a.net/x?y=1', page)).toBe(
      `chrome-extension://id/scam-warning.html?url=${encodeURIComponent('https://login.0000a.net/x?y=1')}`,
    );
    expect(await warningFor(data, 'https://shopee.vn/', page)).toBeNull();
  });

  it('keeps the rule equal to the list, with an alarm for the next expiry that rebuilds it', async () => {
    const { api, dynamic } = fakeRules();
    const refresh = vi.fn(async () => undefined);
    const keeper = createBlockRuleKeeper({ rules: api, alarms: fakeBrowser.alarms, refresh });
    const until = Date.parse('2026-11-29');
    await keeper.apply({ domains: ['scam-a.vn'], until });
    expect(dynamic.get(BLOCK_RULE_ID)).toMatchObject({
      condition: { requestDomains: ['scam-a.vn'] },
    });
    expect(await fakeBrowser.alarms.get(BLOCK_LIST_ALARM)).toMatchObject({ scheduledTime: until });
    await keeper.onAlarm('feed-sync');
    expect(refresh).not.toHaveBeenCalled();
    await keeper.onAlarm(BLOCK_LIST_ALARM);
    expect(refresh).toHaveBeenCalledOnce();
    await keeper.apply({ domains: [], until: null });
    expect(dynamic.size).toBe(0);
    expect(await fakeBrowser.alarms.get(BLOCK_LIST_ALARM)).toBeUndefined();
  });

  it('still sets the expiry alarm when the browser refuses the rule', async () => {
    const refusing: RuleApi = {
      ...fakeRules().api,
      updateDynamicRules: async () => {
        throw new Error('too many domains');
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const keeper = createBlockRuleKeeper({
      rules: refusing,
      alarms: fakeBrowser.alarms,
      refresh: async () => undefined,
    });
    await keeper.apply({ domains: ['scam-a.vn'], until: Date.parse('2026-11-29') });
    expect(await fakeBrowser.alarms.get(BLOCK_LIST_ALARM)).toBeDefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
