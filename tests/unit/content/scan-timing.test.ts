import { describe, expect, it } from 'vitest';
import { FRAME_MS, scanScheduler } from '../../../utils/content/scan-timing';

/** A clock run by hand: what was queued right away, and what waits for the next frame. */
function handClock() {
  let now = 0;
  const soon: Array<() => void> = [];
  const frame: Array<() => void> = [];
  return {
    clock: {
      now: () => now,
      soon: (callback: () => void) => void soon.push(callback),
      nextFrame: (callback: () => void) => void frame.push(callback),
    },
    advance: (ms: number) => {
      now += ms;
    },
    runSoon: () => {
      for (const callback of soon.splice(0)) callback();
    },
    runFrame: () => {
      for (const callback of frame.splice(0)) callback();
    },
    queued: () => ({ soon: soon.length, frame: frame.length }),
  };
}

describe('when the runner scans', () => {
  it('scans right after the mutations that asked, but never twice within a frame', () => {
    const hand = handClock();
    const schedule = scanScheduler(hand.clock);
    const scans: number[] = [];
    const scan = () => scans.push(hand.clock.now());

    schedule(scan);
    expect(hand.queued()).toEqual({ soon: 1, frame: 0 });
    hand.runSoon();
    expect(scans).toEqual([0]);

    // Asked again 5 ms later: a scan ran less than a frame ago, so it waits for the next frame.
    hand.advance(5);
    schedule(scan);
    expect(hand.queued()).toEqual({ soon: 0, frame: 1 });
    hand.advance(11);
    hand.runFrame();
    expect(scans).toEqual([0, 16]);

    // A frame later it is right away again.
    hand.advance(FRAME_MS);
    schedule(scan);
    expect(hand.queued()).toEqual({ soon: 1, frame: 0 });
  });
});
