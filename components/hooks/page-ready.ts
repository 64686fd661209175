/**
 * A page's first load: nothing is drawn until it has something to show (as a page drawn only once
 * its data came), and the tests are told when it is ready (`data-ready`, page-signals.ts).
 */
import { useState } from 'preact/hooks';
import { signalPage } from './page-signals';

export interface PageReady {
  /** The page has something to draw. */
  readonly drawn: boolean;
  /** Draws the page before its load is over (the rest follows as it comes). */
  draw(): void;
  /** Draws the page and marks it ready. */
  ready(): void;
}

export function usePageReady(): PageReady {
  const [drawn, setDrawn] = useState(false);
  return {
    drawn,
    draw: () => setDrawn(true),
    ready() {
      setDrawn(true);
      signalPage('ready', 'true');
    },
  };
}
