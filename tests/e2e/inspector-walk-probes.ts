/**
 * The inspector's walk through pages and panel, as the release build shows it: a registry that
 * knows the unflagged product (two reports) and the grid card whose seller the shipped data flags
 * (one report), Chromium with the chosen build, and where a grid card's hosts of ours sit.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { client, type RegistryProcess, startRegistry } from '../helpers/registry';
import { report } from '../helpers/reports';
import { eventually, type Harness, launch, RELEASE_TEST_DIR } from './harness';
import { INSPECTOR_NAME } from './inspector-probes';
import { REPORT_PAGES, UNFLAGGED_ITEM, UNFLAGGED_PRODUCT } from './report-probes';
import { SELLER_CARD } from './warning-probes';

/** The flagged grid card the registry also knows: its item key. */
export const FLAGGED_CARD_ITEM = `shopee:item:${SELLER_CARD}`;

export async function startWalkBed(extensionDir = RELEASE_TEST_DIR): Promise<{
  registry: RegistryProcess;
  harness: Harness;
  token: string;
}> {
  const registry = await startRegistry('sqlite', { RATE_LIMIT_PER_MINUTE: '1000' });
  const token = registry.token(INSPECTOR_NAME, 'inspector');
  const sent = [
    ...[0, 1].map(() =>
      report(
        { reasons: ['counterfeit'] },
        {
          platform: 'shopee',
          itemKey: UNFLAGGED_ITEM,
          sellerKey: undefined,
          url: UNFLAGGED_PRODUCT,
        },
      ),
    ),
    report(
      { reasons: ['counterfeit'] },
      {
        platform: 'shopee',
        itemKey: FLAGGED_CARD_ITEM,
        sellerKey: undefined,
        url: `https://shopee.vn/x-i.${SELLER_CARD}`,
      },
    ),
  ];
  for (const one of sent) {
    expect((await client(registry).post('/v1/reports', one)).status).toBe(201);
  }
  const harness = await launch(REPORT_PAGES, {
    extensionDir,
    passThrough: (url) => url.startsWith(registry.url),
  });
  return { registry, harness, token };
}

/**
 * The indexes (in page order) of the badge host and the inspector host that share one card, the
 * card found by a link to `itemPath`. The hosts are in the page's light DOM; their roots are not.
 */
export function hostsOfCard(page: Page, itemPath: string) {
  return eventually(
    () =>
      page.evaluate((path) => {
        const badges = [...document.querySelectorAll('soi-hang-badge')];
        const markers = [...document.querySelectorAll('soi-hang-inspector')];
        for (const [marker, host] of markers.entries()) {
          const card = host.parentElement;
          if (!card?.querySelector(`a[href*="${path}"]`) && !card?.closest(`a[href*="${path}"]`)) {
            continue;
          }
          const badge = badges.findIndex((one) => one.parentElement === card);
          if (badge >= 0) return { badge, marker };
        }
        return undefined;
      }, itemPath),
    `a card of ${itemPath} with both a badge and an inspector marker`,
  );
}

export const overlaps = (
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
