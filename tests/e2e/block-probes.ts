/** What the browser blocks for the extension: its dynamic block rules, read in its worker. */
import type { Harness } from './harness';

interface RulesGlobal {
  chrome: {
    declarativeNetRequest: {
      getDynamicRules(): Promise<
        Array<{ action: { type: string }; condition: { requestDomains?: string[] } }>
      >;
    };
  };
}

/** The domains the browser blocks now: the extension's dynamic block rules, read in its worker. */
export function blockedDomains(harness: Harness): Promise<string[]> {
  return harness.worker.evaluate(async () => {
    const rules = await (
      globalThis as unknown as RulesGlobal
    ).chrome.declarativeNetRequest.getDynamicRules();
    return rules
      .filter((rule) => rule.action.type === 'block')
      .flatMap((rule) => rule.condition.requestDomains ?? []);
  });
}
