/** When a second report of a listing amends the first: the registry's window, from its receipt. */
import { describe, expect, it } from 'vitest';
import {
  AMEND_MARGIN_MS,
  amendableEntry,
  withinAmendWindow,
} from '../../../entrypoints/background/reports/client-limits';
import type { ReportEntry } from '../../../utils/outbox/report-entry';
import { REPORT_AMEND_MS } from '../../../utils/protocol/registry/report';
import { report } from '../../helpers/reports';

const HOUR = 60 * 60 * 1000;
const CREATED = new Date('2026-12-01T08:00:00Z');

function entry(receivedAfterMs: number | null): ReportEntry {
  return {
    id: 'a',
    report: report(),
    createdAt: CREATED.toISOString(),
    updatedAt: CREATED.toISOString(),
    revision: 1,
    registryUrl: 'https://registry.test',
    delivery: { state: 'delivered', attempts: 1, since: CREATED.toISOString() },
    ...(receivedAfterMs === null
      ? {}
      : { receivedAt: new Date(CREATED.getTime() + receivedAfterMs).toISOString() }),
  };
}
const at = (ms: number) => new Date(CREATED.getTime() + ms);

describe('the amendment window', () => {
  it('runs from the registry’s first receipt, not from when the report was made', () => {
    // Made offline, received 20 hours later: still amendable 30 hours after it was made.
    const late = entry(20 * HOUR);
    expect(withinAmendWindow(late, at(30 * HOUR))).toBe(true);
    expect(amendableEntry([late], late.report.listing.itemKey, at(30 * HOUR))).toBe(late);
  });

  it('ends a margin before the registry’s, so an amendment never arrives too late: a new report then', () => {
    const received = entry(0);
    const end = REPORT_AMEND_MS - AMEND_MARGIN_MS;
    expect(withinAmendWindow(received, at(end))).toBe(true);
    expect(withinAmendWindow(received, at(end + 1))).toBe(false);
    expect(amendableEntry([received], received.report.listing.itemKey, at(end + 1))).toBeNull();
  });

  it('runs from its making for a report not received yet', () => {
    const waiting = entry(null);
    expect(withinAmendWindow(waiting, at(REPORT_AMEND_MS - AMEND_MARGIN_MS))).toBe(true);
    expect(withinAmendWindow(waiting, at(REPORT_AMEND_MS))).toBe(false);
  });
});
