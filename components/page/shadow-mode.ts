/**
 * Our hosts' shadow roots are closed: a page's script gets null for `host.shadowRoot`, so it can
 * neither read our warnings nor reach their buttons. Only the e2e build (`wxt build --mode e2e`)
 * opens them, because the end-to-end probes (Playwright's selectors, axe-core) see into open roots
 * only; `tests/e2e/built-packages.e2e.ts` checks that no release bundle opens one.
 */
declare const __SOI_HANG_E2E__: boolean | undefined;

export const SHADOW_MODE: ShadowRootMode =
  typeof __SOI_HANG_E2E__ !== 'undefined' && __SOI_HANG_E2E__ ? 'open' : 'closed';
