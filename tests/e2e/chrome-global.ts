/**
 * The few `chrome.*` calls the end-to-end tests make inside the browser (the project has no
 * @types/chrome: app code uses the polyfill's `browser`).
 */
export interface ChromeGlobal {
  chrome?: {
    runtime?: {
      sendMessage(message: unknown): Promise<unknown>;
      getManifest(): { version: string };
    };
    storage: {
      session: { get(keys: null): Promise<Record<string, { url?: string; checked?: number }>> };
    };
  };
}
