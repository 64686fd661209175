/**
 * Wires the runner to a real page: runtime messages for lookups and status, the overlay with our
 * components, animation frames and navigation events from WXT's content-script context (which stops
 * everything when the extension is updated or disabled).
 */

import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Banner } from '../../components/Banner';
import badgeCss from '../../components/badge.css?inline';
import { badgeElement } from '../../components/badge-element';
import bannerCss from '../../components/banner.css?inline';
import { sendMessage } from '../protocol/client';
import { createPortTransport, REQUEST_PORT } from '../protocol/port-transport';
import type { SiteAdapter } from '../sites/types';
import { createOverlay } from './overlay';
import { createRunner } from './runner';

export function startSite(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  const overlay = createOverlay(document, {
    badge: (doc, _listing, verdict) => badgeElement(doc, verdict),
    badgeCss,
    banner: (_listing, verdict, data) => <Banner verdict={verdict} data={data} />,
    bannerCss,
  });
  const requests = createPortTransport(() => browser.runtime.connect({ name: REQUEST_PORT }));
  const runner = createRunner({
    adapter,
    doc: document,
    currentUrl: () => new URL(location.href),
    lookup: (keys, titles) =>
      sendMessage('lookup', titles.length > 0 ? { keys, titles } : { keys }, requests),
    // Status only feeds the popup; losing one (worker restarting) is harmless, the next one follows.
    reportStatus: (status) => void sendMessage('pageStatus', status).catch(() => undefined),
    overlay,
    schedule: (callback) => void ctx.requestAnimationFrame(callback),
  });
  runner.start();
  ctx.addEventListener(window, 'wxt:locationchange', () => runner.reset());
  ctx.onInvalidated(() => runner.stop());
}
