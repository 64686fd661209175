/** Tiki's content script: the shared page wiring (startSite) around the Tiki adapter. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSite } from '../../components/page/start-site';
import { tikiAdapter } from '../../utils/sites/tiki';

export default defineContentScript({
  // tiki.vn only.
  matches: ['https://tiki.vn/*'],
  runAt: 'document_idle',
  main(ctx) {
    startSite(ctx, tikiAdapter);
  },
});
