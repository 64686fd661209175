/**
 * The page UI chunk: loaded by a content script, into its own realm, the first time it has
 * something beyond a badge to draw (components/page/load-page-ui.ts explains the choice).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageUi } from '../components/page/page-ui';
import { PAGE_UI_KEY } from '../components/page/page-ui-contract';

export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[PAGE_UI_KEY] ??= createPageUi(document);
});
