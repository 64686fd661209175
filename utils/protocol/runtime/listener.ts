/**
 * One runtime.onMessage listener that works everywhere: real Chromium and Firefox (through
 * webextension-polyfill, which accepts a returned Promise or sendResponse) and WXT's fake browser,
 * whose 2.x messaging only delivers replies given to sendResponse while returning true.
 */
import type { Reply } from './messages';
import type { SenderInfo } from './sender';

type Dispatch = (raw: unknown, sender: SenderInfo) => Promise<Reply>;

export function portableListener(dispatch: Dispatch) {
  return (raw: unknown, sender: SenderInfo, sendResponse?: (reply: Reply) => void) => {
    const reply = dispatch(raw, sender);
    if (typeof sendResponse !== 'function') return reply;
    void reply.then(sendResponse);
    return true as const;
  };
}
