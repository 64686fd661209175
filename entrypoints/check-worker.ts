/**
 * A check worker: checks snapshot blocks off the background's thread, so a big snapshot is checked
 * on every core (see utils/feed/check-pool.ts). Started by the offscreen document in Chrome and by
 * the background page in Firefox; it reads nothing but the blocks it is sent.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { serveChecks } from '../utils/feed/check-pool';

export default defineUnlistedScript(() => {
  serveChecks(self as unknown as Parameters<typeof serveChecks>[0]);
});
