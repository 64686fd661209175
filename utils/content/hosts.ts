/** Custom element names of our UI hosts in the page; everything we add to a page is one of these. */
export const BADGE_HOST = 'soi-hang-badge';
export const BANNER_HOST = 'soi-hang-banner';

const OWN_HOSTS = new Set([BADGE_HOST.toUpperCase(), BANNER_HOST.toUpperCase()]);

export function isOwnHost(node: Node): boolean {
  return node.nodeType === 1 && OWN_HOSTS.has((node as Element).tagName);
}
