/** The icon before a warning's headline: one SVG shape a status. */
import type { Verdict } from '../utils/protocol/runtime/verdict';

/**
 * Status icons drawn as SVG: text glyphs (⛔, ⓘ) depend on the shopper's fonts and show as empty
 * boxes where no emoji font is installed.
 */
export function StatusIcon({ status }: { status: Verdict['status'] }) {
  const mark =
    status === 'heuristic' ? (
      <>
        <path
          d="M5.8 6.2a2.2 2.2 0 1 1 3.2 2c-.6.3-1 .8-1 1.5v.4"
          fill="none"
          stroke="currentColor"
          stroke-width="1.6"
          stroke-linecap="round"
        />
        <circle cx="8" cy="12" r="1.05" />
      </>
    ) : status === 'reported' ? (
      <>
        <rect x="7.1" y="7" width="1.8" height="5" rx="0.9" />
        <circle cx="8" cy="4.8" r="1.1" />
      </>
    ) : (
      <>
        <rect x="7.1" y="3.6" width="1.8" height="5.4" rx="0.9" />
        <circle cx="8" cy="11.4" r="1.1" />
      </>
    );
  return (
    <svg
      class="icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      {status === 'suspected' ? (
        <path
          d="M8 1.2 15.2 14H.8z"
          fill="none"
          stroke="currentColor"
          stroke-width="1.6"
          stroke-linejoin="round"
        />
      ) : (
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.6" />
      )}
      <g fill="currentColor">{mark}</g>
    </svg>
  );
}
