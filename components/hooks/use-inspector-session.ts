/**
 * The inspector's session as a page holds it: read at load, read again at each change message, and
 * answered by a sign-in or sign-out. Only the newest answer is kept (newest-answer.ts), so a read
 * started before a sign-in and answered after it cannot sign the page back out.
 */
import { useRef, useState } from 'preact/hooks';
import type { InspectorSession } from '../../utils/protocol/runtime/inspector';
import { newestAnswer } from './newest-answer';
import { type MessageEvents, usePanelChanges } from './panel-changes';

export interface InspectorSessionDeps {
  /** Asks the background for the session. */
  read(): Promise<InspectorSession>;
  /** The browser's runtime messages, where the background says the session changed. */
  messages: MessageEvents;
}

export interface InspectorSessionState {
  /** Null until the first answer. */
  readonly session: InspectorSession | null;
  /** The newest session kept, for work that goes on after an await (the render's copy is older). */
  current(): InspectorSession | null;
  /** Reads the session; a failure is thrown to the caller. */
  read(): Promise<void>;
  /**
   * A sign-in or sign-out, answered with the new session. A read started while it ran may hold the
   * state from before it, and win as the newer request: then the session is read once more.
   */
  change(action: () => Promise<InspectorSession>): Promise<void>;
}

export function useInspectorSession({
  read,
  messages,
}: InspectorSessionDeps): InspectorSessionState {
  const [session, setSession] = useState<InspectorSession | null>(null);
  const kept = useRef<InspectorSession | null>(null);
  const [answers] = useState(() =>
    newestAnswer<InspectorSession>((answer) => {
      kept.current = answer;
      setSession(answer);
    }),
  );
  const readNow = async () => {
    await answers.ask(read);
  };
  // Signed in or out elsewhere (a token the registry refused): the page says so at once.
  usePanelChanges(messages, () => void readNow().catch(() => undefined));
  return {
    session,
    current: () => kept.current,
    read: readNow,
    async change(action) {
      if (!(await answers.ask(action))) await readNow();
    },
  };
}
