import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLanguage, useCatalogues } from '../../utils/i18n';
import { ALL_MESSAGES } from '../../utils/messages/all';

// fake-indexeddb copies values with Node's structuredClone, which keeps Node's Blob only; a browser's
// IndexedDB stores its own Blobs (the index is stored as one), so the tests use Node's.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

// happy-dom has no `isTrusted`: events the tests dispatch stand for the shopper's own, so they are
// trusted; a test of a page's synthetic event marks its event untrusted itself.
if (!('isTrusted' in Event.prototype)) {
  Object.defineProperty(Event.prototype, 'isTrusted', { get: () => true, configurable: true });
}

// The extension's pages and the components under test show every string.
useCatalogues(ALL_MESSAGES);

beforeEach(() => {
  // A fresh, empty IndexedDB and browser state for every test.
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  // The fake browser has no manifest of its own: it stands for Chrome's, which declares no
  // Firefox data consent (utils/report/data-consent.ts).
  fakeBrowser.runtime.getManifest = () => ({
    manifest_version: 3,
    name: 'Soi Hàng',
    version: '0.0.0',
  });
  setLanguage('vi');
});
