/**
 * The page owns its DOM: it may remove our warning, or the card itself (infinite scroll recycling
 * old cards). A removed warning whose card stays comes back; a card gone from the page is forgotten.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badgedCards, loadGrid, setup } from '../../helpers/runner';

describe('content runner: warnings the page removes', () => {
  let stop: (() => void) | undefined;
  beforeEach(loadGrid);
  afterEach(() => stop?.());

  it('puts back a warning the page removed, the same element in the same card', async () => {
    const { runner, frame } = setup();
    stop = runner.stop;
    runner.start();
    await frame.flush();
    const before = badgedCards();
    expect(before.length).toBeGreaterThan(0);
    const host = document.querySelector('soi-hang-badge') as HTMLElement;
    const card = host.parentElement;
    host.remove();
    expect(badgedCards()).toHaveLength(before.length - 1);
    await frame.flush(); // the observer's callback schedules a frame
    await frame.flush();
    expect(badgedCards()).toEqual(before);
    expect(host.isConnected).toBe(true);
    expect(host.parentElement).toBe(card);
  });

  it('forgets the warnings of cards that left the page', async () => {
    const { runner, frame, deps } = setup();
    const { overlay } = deps;
    stop = runner.stop;
    runner.start();
    await frame.flush();
    const shown = overlay.size;
    expect(shown).toBeGreaterThan(0);
    for (const host of document.querySelectorAll('soi-hang-badge')) host.parentElement?.remove();
    await frame.flush();
    await frame.flush();
    expect(overlay.size).toBe(0);
  });
});
