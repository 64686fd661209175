import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLanguage } from '@/utils/i18n';

beforeEach(() => {
  // A fresh, empty IndexedDB and browser state for every test.
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  setLanguage('vi');
});
