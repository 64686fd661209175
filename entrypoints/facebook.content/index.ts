/** Facebook's content script: the shared page wiring (startSite) around the Facebook adapter. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSite } from '../../components/page/start-site';
import { facebookAdapter } from '../../utils/sites/facebook';

export default defineContentScript({
  // All of facebook.com: it navigates as an SPA, so a script limited to /marketplace would miss
  // a shopper who arrives from the feed. The adapter scans only marketplace, commerce and group pages.
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSite(ctx, facebookAdapter);
  },
});
