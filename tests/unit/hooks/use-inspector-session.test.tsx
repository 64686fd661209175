/**
 * The hook that holds the inspector's session on the options page and the dashboard keeps only the
 * newest answer: a read started before a sign-in and answered after it cannot sign the page back
 * out; a change message reads the session again.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { MessageEvents } from '../../../components/hooks/panel-changes';
import {
  type InspectorSessionState,
  useInspectorSession,
} from '../../../components/hooks/use-inspector-session';
import { type InspectorSession, PANEL_CHANGED } from '../../../utils/protocol/runtime/inspector';

const SIGNED_IN: InspectorSession = {
  signedIn: true,
  registryUrl: 'https://registry.example',
  name: 'Thanh tra',
};
const SIGNED_OUT: InspectorSession = { signedIn: false };

/** Runtime messages the test sends itself. */
function fakeMessages() {
  const listeners = new Set<(message: unknown) => undefined>();
  const events: MessageEvents = {
    addListener: (listener) => listeners.add(listener),
    removeListener: (listener) => listeners.delete(listener),
  };
  const send = (message: unknown) => {
    for (const listener of listeners) listener(message);
  };
  return { events, listeners, send };
}

/** A read whose answer the test releases when it wants. */
function pending() {
  let release!: (session: InspectorSession) => void;
  const answer = new Promise<InspectorSession>((resolve) => {
    release = resolve;
  });
  return { answer, release };
}

function mount(read: () => Promise<InspectorSession>, messages: MessageEvents) {
  const held: { state?: InspectorSessionState } = {};
  function Probe() {
    held.state = useInspectorSession({ read, messages });
    return <p>{held.state.session?.signedIn ? 'in' : 'out'}</p>;
  }
  const container = document.createElement('div');
  act(() => render(<Probe />, container));
  return { container, state: () => held.state as InspectorSessionState };
}

describe('useInspectorSession', () => {
  it('keeps a sign-in over a read that started before it and answered after it', async () => {
    const messages = fakeMessages();
    const reads: Array<ReturnType<typeof pending>> = [];
    const page = mount(() => {
      const read = pending();
      reads.push(read);
      return read.answer;
    }, messages.events);
    const signIn = pending();
    let signing: Promise<void> = Promise.resolve();
    act(() => {
      signing = page.state().change(() => signIn.answer);
    });
    // The background says the session changed while the sign-in runs: its read saw the state before.
    act(() => messages.send({ type: PANEL_CHANGED }));
    expect(reads).toHaveLength(1);
    await act(async () => {
      signIn.release(SIGNED_IN);
      await Promise.resolve();
    });
    // Superseded by that read, the sign-in reads once more.
    expect(reads).toHaveLength(2);
    await act(async () => {
      reads[1]?.release(SIGNED_IN);
      reads[0]?.release(SIGNED_OUT);
      await signing;
    });
    expect(page.state().session).toEqual(SIGNED_IN);
    expect(page.state().current()).toEqual(SIGNED_IN);
    expect(page.container.textContent).toBe('in');
  });

  it('reads again at a change message only, and stops listening once unmounted', async () => {
    const messages = fakeMessages();
    let answer = SIGNED_IN;
    let reads = 0;
    const page = mount(async () => {
      reads++;
      return answer;
    }, messages.events);
    await act(() => page.state().read());
    expect(page.container.textContent).toBe('in');
    answer = SIGNED_OUT;
    await act(async () => messages.send({ type: 'somethingElse' }));
    expect(reads).toBe(1);
    await act(async () => messages.send({ type: PANEL_CHANGED, tabId: 7 }));
    expect(reads).toBe(2);
    expect(page.container.textContent).toBe('out');
    act(() => render(null, page.container));
    expect(messages.listeners.size).toBe(0);
  });
});
