import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Firefox needs a stable add-on id; Chrome would warn about the key, so it is Firefox-only.
const GECKO_ID = '{6c1f3c52-5a0e-4f4e-9a58-3d9b1f0c2a71}';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: readers and tools see where every name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Soi Hàng',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // storage: the local database's settings; nothing else. Content scripts are injected by their
    // own narrow `matches`, so no host permission is asked for.
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '142.0', // data_collection_permissions arrived in 142
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  webExt: { disabled: true },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    excludeSources: ['tests/**', 'bench-results.json', 'test-results/**'],
  },
});
