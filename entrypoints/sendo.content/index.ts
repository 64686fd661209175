/** Sendo's content script: the shared page wiring (startSite) around the Sendo adapter. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSite } from '../../components/page/start-site';
import { sendoAdapter } from '../../utils/sites/sendo';

export default defineContentScript({
  // sendo.vn only.
  matches: ['https://www.sendo.vn/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSite(ctx, sendoAdapter);
  },
});
