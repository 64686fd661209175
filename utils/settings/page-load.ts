/** What the options and first-run pages read before they draw: the local data's state and the preferences. */
import { errorMessage } from '../protocol/error-message';
import { sendMessage } from '../protocol/runtime/client';
import type { Preferences } from '../protocol/runtime/preferences';
import type { DataStatus } from '../protocol/runtime/sync-status';

/** Reads both and hands them on; a failure is the page's error line (what was shown stays). */
export async function loadDataAndPreferences(
  show: (status: DataStatus, preferences: Preferences) => void,
  setError: (error: string) => void,
): Promise<void> {
  try {
    const [status, preferences] = await Promise.all([
      sendMessage('getDataStatus', {}),
      sendMessage('getPreferences', {}),
    ]);
    show(status, preferences);
  } catch (failure) {
    setError(errorMessage(failure));
  }
}
