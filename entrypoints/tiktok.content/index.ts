/** TikTok's content script: the shared page wiring (startSite) around the TikTok adapter. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSite } from '../../components/page/start-site';
import { tiktokAdapter } from '../../utils/sites/tiktok';

export default defineContentScript({
  // TikTok Shop pages only, not the video feed: the shop is mostly opened by full page loads.
  matches: ['https://www.tiktok.com/shop/*', 'https://www.tiktok.com/view/product/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSite(ctx, tiktokAdapter);
  },
});
