/**
 * The report dialog over a marketplace page: report.html (an extension page) in an iframe, inside our
 * host's closed shadow root. The page cannot read the dialog (another origin, and a root it cannot
 * reach), and keystrokes typed into it are dispatched in the frame's document only, never in the
 * page's, in any phase. Our root still stops the keyboard, input and composition events that could
 * reach it, and the page's own events at the backdrop. One dialog at a time.
 */
import { REPORT_HOST } from '../../utils/content/hosts';
import { SHADOW_MODE } from './shadow-mode';
import { applyStyles } from './shadow-styles';

const STOPPED = [
  'keydown',
  'keyup',
  'keypress',
  'input',
  'beforeinput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'click',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'wheel',
];

const FRAME_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 !important;
  z-index: 2147483647 !important; display: block !important; }
.backdrop { position: fixed; inset: 0; background: rgb(0 0 0 / 45%); }
iframe { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%);
  width: min(560px, calc(100vw - 24px)); height: min(760px, calc(100vh - 24px));
  border: 0; border-radius: 10px; background: Canvas; box-shadow: 0 8px 32px rgb(0 0 0 / 40%); }
`;

export interface ReportFrame {
  open(url: string, token: string, title: string): void;
  /** Closes the dialog of this token (or any, without one). */
  close(token?: string): void;
}

export function createReportFrame(doc: Document): ReportFrame {
  let current: { host: HTMLElement; token: string; restore: Element | null } | null = null;

  const close = (token?: string) => {
    if (!current || (token !== undefined && token !== current.token)) return;
    const { host, restore } = current;
    current = null;
    host.remove();
    if (restore instanceof HTMLElement) restore.focus({ preventScroll: true });
  };

  return {
    open(url, token, title) {
      close();
      const host = doc.createElement(REPORT_HOST);
      const root = host.attachShadow({ mode: SHADOW_MODE });
      applyStyles(root, FRAME_CSS);
      for (const type of STOPPED) root.addEventListener(type, (event) => event.stopPropagation());
      const backdrop = doc.createElement('div');
      backdrop.className = 'backdrop';
      backdrop.addEventListener('click', (event) => {
        if (event.isTrusted) close();
      });
      const frame = doc.createElement('iframe');
      frame.src = url;
      frame.title = title;
      frame.setAttribute('allow', 'clipboard-write');
      frame.setAttribute('data-testid', 'soi-hang-report-frame');
      root.append(backdrop, frame);
      current = { host, token, restore: doc.activeElement };
      doc.documentElement.append(host);
      frame.addEventListener('load', () => frame.focus(), { once: true });
    },
    close,
  };
}
