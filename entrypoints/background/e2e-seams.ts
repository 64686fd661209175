/**
 * What the e2e build (`wxt build --mode e2e`) adds to the background, all in this one file: the
 * global the end-to-end tests drive it through, and the reports' clock they move.
 */
import type { ReportGestures } from './reports/report-gestures';
import type { ReportService } from './reports/report-service';

/**
 * The global drives the gestures a test cannot make (menu, shortcut) and moves the reports' clock
 * back. The build's mode is fixed at build time, so every other build drops the global and all it
 * holds (tests/e2e/built-packages.e2e.ts checks).
 */
export function createE2eSeams() {
  let clockShiftMs = 0;
  return {
    /**
     * The reports' clock: the real time, which the e2e build lets the tests move back to make
     * reports "earlier" (the hourly limit, many reports made offline).
     */
    reportsNow: () => new Date(Date.now() + clockShiftMs),

    /** Only in the e2e build: the global the tests call in the worker. */
    expose(drive: {
      reportFrom: ReportGestures['reportFrom'];
      submitReport: ReportService['submit'];
    }): void {
      if (import.meta.env.MODE !== 'e2e') return;
      Object.assign(globalThis, {
        soiHangE2E: {
          ...drive,
          shiftReportClock(ms: number) {
            clockShiftMs = ms;
          },
        },
      });
    },
  };
}
