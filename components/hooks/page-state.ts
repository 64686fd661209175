/**
 * A page's state as one object, for pages whose work reads it again after an await (the side
 * panel: a tab switch or a change message can come between two steps of a load).
 */
import { useRef, useState } from 'preact/hooks';

export interface PageState<T> {
  /** The state this render draws. */
  readonly state: T;
  /** The newest state, changes since this render included. */
  now(): T;
  /** Merges a change and draws it. */
  update(change: Partial<T>): void;
}

export function usePageState<T extends object>(initial: T): PageState<T> {
  const [state, setState] = useState(initial);
  const newest = useRef(initial);
  const [act] = useState(() => ({
    now: () => newest.current,
    update(change: Partial<T>) {
      newest.current = { ...newest.current, ...change };
      setState(newest.current);
    },
  }));
  return { state, ...act };
}
