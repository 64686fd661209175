import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { contentMessagesPlugin } from './scripts/content-messages.ts';
import { OFFLINE_SETTINGS } from './scripts/offline-dom.ts';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), contentMessagesPlugin(import.meta.dirname)],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          environmentOptions: {
            happyDOM: {
              url: 'https://shopee.vn/',
              settings: OFFLINE_SETTINGS,
            },
          },
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/sites/**/*.test.{ts,tsx}'],
          setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
