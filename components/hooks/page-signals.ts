/**
 * What the end-to-end tests wait on: `data-*` attributes on an extension page's <body>. Pages set
 * them through `signalPage` only, so this file names every one the tests may wait for.
 */

/**
 * - `ready`: "true" once a page has drawn what it first loaded (every page).
 * - `synced`: a sync's outcome is drawn (options, popup).
 * - `saved`: the answer to saved preferences is drawn (options).
 * - `reports`: the answer to a change of "Báo cáo của tôi" is drawn (options).
 * - `inspector`: the answer to a sign-in or sign-out is drawn (options).
 * - `loaded`: a page of the queue (dashboard) or the panel's listing (side panel) is drawn.
 * - `packaged`: an evidence package was downloaded, or its failure is drawn (dashboard).
 * - `paused`: "true" or "false", the pause switch's new state once the page took it (popup).
 */
export type PageSignal =
  | 'ready'
  | 'synced'
  | 'saved'
  | 'reports'
  | 'inspector'
  | 'loaded'
  | 'packaged'
  | 'paused';

/**
 * Sets `data-<signal>` on the body to `value`, by default the time (a new value for each outcome, so
 * a test can wait for the next one). Called in the same task as the state changes it follows:
 * Preact draws those in a microtask queued before it, so no test can see the signal first.
 */
export function signalPage(signal: PageSignal, value: string = String(Date.now())): void {
  document.body.dataset[signal] = value;
}
