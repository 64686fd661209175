/**
 * Overlapping requests for one value (the inspector's session: read at load, read again at every
 * change message, answered by a sign-in): only the answer to the request started last is kept, so
 * a slow answer read before a change can never overwrite what the change answered.
 */
export interface NewestAnswer<T> {
  /**
   * Runs `request` and keeps its answer unless a later request started meanwhile; says whether it
   * was kept. A failure is thrown to the caller either way (it belongs to the caller's action).
   */
  ask(request: () => Promise<T>): Promise<boolean>;
}

export function newestAnswer<T>(keep: (value: T) => void): NewestAnswer<T> {
  let started = 0;
  return {
    async ask(request) {
      const mine = ++started;
      const value = await request();
      if (mine !== started) return false;
      keep(value);
      return true;
    },
  };
}
