/**
 * Who sent a runtime message. Everything a content script says is untrusted (it runs beside the
 * marketplace's own scripts), so privileged messages are only accepted from our extension pages.
 */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface Self {
  /** browser.runtime.id */
  id: string;
  /** browser.runtime.getURL('/'), e.g. chrome-extension://<id>/ */
  baseUrl: string;
}

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

export function classifySender(sender: SenderInfo, self: Self): SenderKind {
  if (sender.id !== self.id) return 'foreign';
  if (typeof sender.url === 'string' && sender.url.startsWith(self.baseUrl))
    return 'extension-page';
  if (sender.tab) return 'content-script';
  return 'foreign';
}
