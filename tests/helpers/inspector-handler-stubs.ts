/** Handlers of the inspector messages for dispatcher tests that do not use them. */
import { vi } from 'vitest';
import type { Handlers } from '../../utils/protocol/runtime/dispatch';
import { INSPECTOR_MESSAGES } from '../../utils/protocol/runtime/inspector-messages';

type InspectorHandlers = Pick<Handlers, keyof typeof INSPECTOR_MESSAGES>;

export function unusedInspectorHandlers(): InspectorHandlers {
  const unused = async () => {
    throw new Error('not used here');
  };
  return Object.fromEntries(
    Object.keys(INSPECTOR_MESSAGES).map((type) => [type, vi.fn(unused)]),
  ) as unknown as InspectorHandlers;
}
