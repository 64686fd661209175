/**
 * Marks a step of the content script on the page's performance timeline (`soi-hang:<step>`), in
 * the profiling build only (`wxt build --mode profile`): `npm run bench:banner` reads the marks to
 * tell where a banner's time goes. The flag is a constant of the build, so every other build
 * carries neither the marks nor their calls.
 */
declare const __SOI_HANG_TRACE__: boolean | undefined;

export function traceStep(step: string): void {
  if (typeof __SOI_HANG_TRACE__ !== 'undefined' && __SOI_HANG_TRACE__) {
    performance.mark(`soi-hang:${step}`);
  }
}
