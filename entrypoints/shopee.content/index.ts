/** Shopee's content script: the shared page wiring (startSite) around the Shopee adapter. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSite } from '../../components/page/start-site';
import { earlyAnswerFor } from '../../utils/content/early-answer';
import { shopeeAdapter } from '../../utils/sites/shopee';

export default defineContentScript({
  // shopee.vn only: the extension serves Vietnamese shoppers, and narrow matches ask for less access.
  matches: ['https://shopee.vn/*'],
  // With the page, not when it is idle: a product page's lookup leaves as soon as its title is in
  // the DOM, so its banner comes with the title rather than a few hundred milliseconds later
  // (`npm run bench`, time to banner). Safe here because Shopee draws its pages with its own
  // scripts into an empty shell: there is no server-rendered markup that a framework hydrates and
  // would find changed. The other sites serve server-rendered markup (Tiki is a Next.js app): their
  // scripts start when the page is idle, after it is hydrated, so that nothing we add is met by a
  // hydration that expects the server's markup only.
  runAt: 'document_start',
  main(ctx) {
    // Starting with the page, it reads a product page while it is parsed, having asked about
    // what its address names at once (utils/content/early-answer.ts).
    startSite(ctx, shopeeAdapter, { addressAnswer: earlyAnswerFor });
  },
});
