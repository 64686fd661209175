/**
 * Follows the background's "the inspector's session or panel changed" messages (PANEL_CHANGED) while
 * a page is mounted. The page hands in the browser's runtime message event: components import no
 * browser API.
 */
import { useEffect, useRef } from 'preact/hooks';
import { PANEL_CHANGED } from '../../utils/protocol/runtime/inspector';

type MessageListener = (message: unknown) => undefined;

/** An event as the browser's `runtime.onMessage` is one. */
export interface MessageEvents {
  addListener(listener: MessageListener): void;
  removeListener(listener: MessageListener): void;
}

/** Calls `onChange` with the tab a change names (undefined: every tab) at each change message. */
export function usePanelChanges(
  messages: MessageEvents,
  onChange: (tabId: number | undefined) => void,
): void {
  // The newest callback, so the one listener added at mount never acts on a past render's state.
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const listener: MessageListener = (message) => {
      const change = message as { type?: unknown; tabId?: unknown } | null;
      if (change?.type !== PANEL_CHANGED) return undefined;
      latest.current(typeof change.tabId === 'number' ? change.tabId : undefined);
      // Nothing is answered: the background sent this to every page and waits for no reply.
      return undefined;
    };
    messages.addListener(listener);
    return () => messages.removeListener(listener);
  }, [messages]);
}
