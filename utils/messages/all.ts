/** Every string, for the extension's own pages (popup, options, the scam-site page) and tests. */
import en from '../../public/_locales/en/messages.json';
import vi from '../../public/_locales/vi/messages.json';
import type { Catalogue, Catalogues } from '../i18n';

const plain = (catalogue: Record<string, { message: string }>): Catalogue =>
  Object.fromEntries(Object.entries(catalogue).map(([key, { message }]) => [key, message]));

export const ALL_MESSAGES: Catalogues = { vi: plain(vi), en: plain(en) };
