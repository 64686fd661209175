/**
 * The pages' one way to run an action: busy while it runs, its failure's words where the page says
 * them, cleared as the page asks, and the tests' signal once it has settled.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { type Action, runAction, useAction } from '../../../components/hooks/action';

describe('runAction', () => {
  it('says the words of a failure, and is busy only while the action runs', async () => {
    const said: Array<string | null> = [];
    const busy: boolean[] = [];
    await runAction(
      async () => {
        throw new Error('registry unreachable');
      },
      { setError: (message) => said.push(message), busy: (on) => busy.push(on) },
    );
    await runAction(
      async () => {
        throw 'refused';
      },
      { setError: (message) => said.push(message), words: (message) => `failed: ${message}` },
    );
    expect(said).toEqual(['registry unreachable', 'failed: refused']);
    expect(busy).toEqual([true, false]);
  });

  it('clears the error once a run succeeds, as one starts, or never, as asked', async () => {
    const cleared = async (clear?: 'success' | 'start' | 'never') => {
      const said: Array<string | null> = [];
      const seen: Array<string | null> = [];
      await runAction(
        async () => {
          seen.push(...said);
        },
        { setError: (message) => said.push(message), ...(clear ? { clear } : {}) },
      );
      return { beforeWork: seen, after: said };
    };
    expect(await cleared()).toEqual({ beforeWork: [], after: [null] });
    expect(await cleared('start')).toEqual({ beforeWork: [null], after: [null] });
    expect(await cleared('never')).toEqual({ beforeWork: [], after: [] });
  });

  it('stamps its signal on the body once the run has settled, failed or not', async () => {
    delete document.body.dataset.synced;
    vi.spyOn(Date, 'now').mockReturnValue(1234);
    let during: string | undefined;
    await runAction(
      async () => {
        during = document.body.dataset.synced;
        throw new Error('offline');
      },
      { setError: () => undefined, signal: 'synced' },
    );
    vi.restoreAllMocks();
    expect(during).toBeUndefined();
    expect(document.body.dataset.synced).toBe('1234');
  });
});

describe('useAction', () => {
  it('draws busy while the action runs, then its error', async () => {
    let action: Action | undefined;
    let error: string | null = null;
    function Probe() {
      action = useAction({
        setError: (message) => {
          error = message;
        },
      });
      return <button type="button" disabled={action.busy} />;
    }
    const container = document.createElement('div');
    act(() => render(<Probe />, container));
    let fail!: (reason: Error) => void;
    let running: Promise<void> = Promise.resolve();
    act(() => {
      running = (action as Action).run(() => new Promise((_, reject) => (fail = reject)));
    });
    expect(container.querySelector('button')?.disabled).toBe(true);
    await act(async () => {
      fail(new Error('refused'));
      await running;
    });
    expect(container.querySelector('button')?.disabled).toBe(false);
    expect(error).toBe('refused');
  });
});
