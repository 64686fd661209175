/**
 * "Run an action, show busy, show its error": the one way the extension's pages and dialogs run
 * what a press asks of the background. `runAction` runs one; `useAction` adds its busy flag.
 */
import { useState } from 'preact/hooks';
import { errorMessage } from '../../utils/protocol/error-message';
import { type PageSignal, signalPage } from './page-signals';

export interface ActionOptions {
  /** Where the action's failure is said (errorMessage of what was thrown); null clears it. */
  setError(message: string | null): void;
  /**
   * When a shown error goes: `success` (the default) once a run succeeds; `start` as a run starts
   * (a form sent again); `never` (the action says its own outcome in the same place).
   */
  clear?: 'success' | 'start' | 'never';
  /** The words of a failure, from its message (by default, the message itself). */
  words?(message: string): string;
  /** Told `true` as a run starts and `false` once it has settled. */
  busy?(on: boolean): void;
  /** Stamped on the page once each run has settled, for the tests (page-signals.ts). */
  signal?: PageSignal;
}

/** Runs `work`; never throws: a failure is said through `setError` instead. */
export async function runAction(
  work: () => Promise<unknown>,
  { setError, clear = 'success', words = (message) => message, busy, signal }: ActionOptions,
): Promise<void> {
  busy?.(true);
  if (clear === 'start') setError(null);
  try {
    await work();
    if (clear === 'success') setError(null);
  } catch (failure) {
    setError(words(errorMessage(failure)));
  }
  busy?.(false);
  if (signal) signalPage(signal);
}

export interface Action {
  /** A run is under way. */
  readonly busy: boolean;
  run(work: () => Promise<unknown>): Promise<void>;
}

/** An action a page shows as busy while it runs (a disabled button, "Đang cập nhật…"). */
export function useAction(options: Omit<ActionOptions, 'busy'>): Action {
  const [busy, setBusy] = useState(false);
  return { busy, run: (work) => runAction(work, { ...options, busy: setBusy }) };
}
