/** Custom element names of our UI hosts in the page; everything we add to a page is one of these. */
export const BADGE_HOST = 'soi-hang-badge';
export const BANNER_HOST = 'soi-hang-banner';
/** "Báo cáo" beside a listing with no warning (a product's title, a hovered card). */
export const REPORT_BUTTON_HOST = 'soi-hang-report-button';
/** The report dialog's frame, over the page. */
export const REPORT_HOST = 'soi-hang-report';
/** Inspector mode only: what the registry knows about a listing. */
export const INSPECTOR_HOST = 'soi-hang-inspector';
/** A short notice that one of the shopper's actions on the page failed. */
export const NOTICE_HOST = 'soi-hang-notice';

const OWN_HOSTS = new Set(
  [BADGE_HOST, BANNER_HOST, REPORT_BUTTON_HOST, REPORT_HOST, INSPECTOR_HOST, NOTICE_HOST].map(
    (name) => name.toUpperCase(),
  ),
);

export function isOwnHost(node: Node): boolean {
  return node.nodeType === 1 && OWN_HOSTS.has((node as Element).tagName);
}

/** A mutation made by the page, not only the insertion or removal of our own UI hosts. */
export function isPageMutation(record: MutationRecord): boolean {
  if (record.type === 'attributes') return true;
  // Indexed loops: this runs for every mutation record of busy pages, so it creates no iterators.
  const { addedNodes: added, removedNodes: removed } = record;
  for (let i = 0; i < added.length; i++) if (!isOwnHost(added[i] as Node)) return true;
  for (let i = 0; i < removed.length; i++) if (!isOwnHost(removed[i] as Node)) return true;
  return false;
}
