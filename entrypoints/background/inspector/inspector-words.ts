/**
 * Inspector mode's words and stylesheet for pages. Content scripts carry only the shopper's strings (every page
 * loads them); the in-page inspector sections get theirs with the first inspector view a page asks
 * for, in both languages, so only inspectors' pages pay for them.
 */
import inspectorCss from '../../../components/inspector.css?inline';
import en from '../../../public/_locales/en/messages.json';
import vi from '../../../public/_locales/vi/messages.json';

const PREFIX = /^inspector[A-Z]/;

const pick = (catalogue: Record<string, { message: string }>) =>
  Object.fromEntries(
    Object.entries(catalogue)
      .filter(([key]) => PREFIX.test(key))
      .map(([key, { message }]) => [key, message]),
  );

export const INSPECTOR_WORDS = { vi: pick(vi), en: pick(en) };
export const INSPECTOR_STYLES: string = inspectorCss;
