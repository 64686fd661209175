/**
 * Wires the runner to a real page: runtime messages for lookups and status, the overlay with our
 * components, animation frames and navigation events from WXT's content-script context (which stops
 * everything when the extension is updated or disabled).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Badge } from '../../components/Badge';
import { Banner } from '../../components/Banner';
import css from '../../components/overlay.css?inline';
import { sendMessage } from '../protocol/client';
import type { SiteAdapter } from '../sites/types';
import { createOverlay } from './overlay';
import { createRunner } from './runner';

export function startSite(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  const overlay = createOverlay(document, {
    css,
    badge: (_listing, verdict) => <Badge verdict={verdict} />,
    banner: (_listing, verdict, data) => <Banner verdict={verdict} data={data} />,
  });
  const runner = createRunner({
    adapter,
    doc: document,
    currentUrl: () => new URL(location.href),
    lookup: (keys) => sendMessage('lookup', { keys }),
    // Status only feeds the popup; losing one (worker restarting) is harmless, the next one follows.
    reportStatus: (status) => void sendMessage('pageStatus', status).catch(() => undefined),
    overlay,
    schedule: (callback) => void ctx.requestAnimationFrame(callback),
  });
  runner.start();
  ctx.addEventListener(window, 'wxt:locationchange', () => runner.reset());
  ctx.onInvalidated(() => runner.stop());
}
