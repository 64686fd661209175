/** A page's state read again after an await sees every change made since the render. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { type PageState, usePageState } from '../../../components/hooks/page-state';

describe('usePageState', () => {
  it('merges each change, lets async work read the newest state, and draws it', () => {
    const held: { page?: PageState<{ count: number; label: string }> } = {};
    function Probe() {
      held.page = usePageState({ count: 0, label: 'a' });
      return <p>{`${held.page.state.label}${held.page.state.count}`}</p>;
    }
    const container = document.createElement('div');
    act(() => render(<Probe />, container));
    const page = held.page as PageState<{ count: number; label: string }>;
    act(() => {
      page.update({ count: 1 });
      // Before any render: the newest state, not this render's.
      expect(page.now()).toEqual({ count: 1, label: 'a' });
      page.update({ label: 'b' });
      expect(page.state).toEqual({ count: 0, label: 'a' });
    });
    expect(container.textContent).toBe('b1');
  });
});
