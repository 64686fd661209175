/** Shopee's content script: the shared page wiring (startSite) around the Shopee adapter. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSite } from '../../components/page/start-site';
import { shopeeAdapter } from '../../utils/sites/shopee';

export default defineContentScript({
  // shopee.vn only: the extension serves Vietnamese shoppers, and narrow matches ask for less access.
  matches: ['https://shopee.vn/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSite(ctx, shopeeAdapter);
  },
});
