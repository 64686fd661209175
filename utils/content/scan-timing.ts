/**
 * When the runner's next scan runs: right after the mutations that asked for it (in a microtask, so
 * the mutations one callback reports make one scan), unless a scan ran less than a frame ago; then
 * at the next animation frame, so a page that mutates all the time still gets at most one scan a
 * frame.
 *
 * Why not always at the next frame: a page that adds cards renders them next, and on a busy grid
 * that rendering takes tens of milliseconds, before any timer or frame callback of ours may run. A
 * lookup sent before it is answered in a few milliseconds, and the badges can join the cards in the
 * frame that first shows them; a lookup sent later waits for the whole rendering, and the badges
 * come a frame or two after the cards (measured: `npm run bench`, time to badge).
 */
export interface ScanClock {
  now(): number;
  /** Right after the current callback (a microtask). */
  soon(callback: () => void): void;
  /** The next animation frame. */
  nextFrame(callback: () => void): void;
}

/** A frame, at 60 Hz. */
export const FRAME_MS = 16;

export function scanScheduler(clock: ScanClock): (scan: () => void) => void {
  let lastRun = Number.NEGATIVE_INFINITY;
  return (scan) => {
    const run = () => {
      lastRun = clock.now();
      scan();
    };
    if (clock.now() - lastRun >= FRAME_MS) clock.soon(run);
    else clock.nextFrame(run);
  };
}
