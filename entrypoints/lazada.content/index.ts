/** Lazada's content script: the shared page wiring (startSite) around the Lazada adapter. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSite } from '../../components/page/start-site';
import { lazadaAdapter } from '../../utils/sites/lazada';

export default defineContentScript({
  // lazada.vn only: narrow matches ask for less access.
  matches: ['https://www.lazada.vn/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSite(ctx, lazadaAdapter);
  },
});
