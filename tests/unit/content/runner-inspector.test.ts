/**
 * Inspector mode on a page: the runner asks for the inspector view only when the lookup's answer
 * says the mode is on, the overlay draws a marker on each card the registry knows (and nothing on
 * the others), and a card that leaves the page takes its marker with it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectBatch } from '../../../components/page/inspector-views';
import type { LookupResult } from '../../../utils/content/runner';
import type { InspectorEntry } from '../../../utils/protocol/runtime/inspector';
import type { ExtractedListing } from '../../../utils/sites/engine/types';
import { loadGrid, setup } from '../../helpers/runner';

const known = (key: string): InspectorEntry => ({
  key,
  case: {
    key,
    status: 'open',
    reports: 4,
    reasons: {},
    appeals: 0,
    firstSeen: null,
    lastSeen: null,
  },
  record: null,
  decisions: [],
  notes: [],
  evidence: [],
  attached: [],
  pending: [],
});
const view = { language: 'vi' as const, paused: false, mutedSellers: [] };

describe('content runner: inspector mode', () => {
  let stop: (() => void) | undefined;
  beforeEach(loadGrid);
  afterEach(() => stop?.());

  it('asks for nothing while the mode is off', async () => {
    const asked: ExtractedListing[][] = [];
    const { runner, frame } = setup({
      lookup: async (): Promise<LookupResult> => ({ hits: [], data: null, view }),
      inspect: (listings) => asked.push(listings),
    });
    stop = runner.stop;
    runner.start();
    await frame.flush();
    expect(asked).toEqual([]);
  });

  it('marks the cards the registry knows, and forgets a marker whose card left the page', async () => {
    const batches: ExtractedListing[][] = [];
    const { runner, frame, deps } = setup({
      lookup: async (): Promise<LookupResult> => ({
        hits: [],
        data: null,
        view: { ...view, inspector: true },
      }),
      inspect: (listings) => batches.push(listings),
    });
    stop = runner.stop;
    runner.start();
    await frame.flush();
    const listings = batches.flat();
    expect(listings.length).toBeGreaterThan(2);
    const [first] = listings;
    if (!first) throw new Error('no listing');
    await inspectBatch(deps.overlay, listings, async (keys) => {
      expect(keys).toContain(first.itemKey);
      return { active: true, name: 'A', entries: [known(first.itemKey)] };
    });
    const hosts = document.querySelectorAll('soi-hang-inspector');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.parentElement).toBe(first.anchor);
    first.anchor.remove();
    await frame.flush();
    expect(document.querySelectorAll('soi-hang-inspector')).toHaveLength(0);
    // Mode off by the time the answer comes: nothing is drawn.
    await inspectBatch(deps.overlay, listings.slice(1), async () => ({
      active: false,
      entries: [],
    }));
    expect(document.querySelectorAll('soi-hang-inspector')).toHaveLength(0);
  });
});
