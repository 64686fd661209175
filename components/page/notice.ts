/**
 * When a shopper's own action on the page fails (opening the report dialog, hiding a seller's
 * warnings), a short notice says what failed instead of nothing happening: text only, in our own
 * closed shadow root, announced by screen readers (role="alert"), and gone after a few seconds.
 */
import { NOTICE_HOST } from '../../utils/content/hosts';
import { SHADOW_MODE } from './shadow-mode';
import { applyStyles } from './shadow-styles';

export const NOTICE_MS = 8000;

export interface Notices {
  /** Shows text in place of any notice still shown, for NOTICE_MS. */
  show(text: string): void;
  close(): void;
}

export function createNotices(doc: Document, css: string, lastsMs = NOTICE_MS): Notices {
  let host: HTMLElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    clearTimeout(timer);
    host?.remove();
    host = null;
  };
  return {
    show(text) {
      close();
      host = doc.createElement(NOTICE_HOST);
      const root = host.attachShadow({ mode: SHADOW_MODE });
      applyStyles(root, css);
      const notice = doc.createElement('div');
      notice.className = 'notice';
      notice.setAttribute('role', 'alert');
      notice.setAttribute('data-testid', 'soi-hang-notice');
      notice.textContent = text;
      root.append(notice);
      (doc.body ?? doc.documentElement).append(host);
      timer = setTimeout(close, lastsMs);
    },
    close,
  };
}
