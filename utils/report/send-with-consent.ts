/**
 * "Gửi" in the report dialog, held to Firefox's data consent: asked for first (under the press),
 * refused means nothing is queued and the dialog says so; a framed dialog that could not ask is
 * told by the background (CONSENT_NEEDED) and goes on in a window of its own.
 */
import { errorMessage } from '../protocol/error-message';
import { CONSENT_NEEDED, type DataCategory } from '../protocol/runtime/data-collection';

export interface ConsentedSend<T> {
  /** Asks for the categories (askToSend): false when the person refused. */
  ask(categories: readonly DataCategory[]): Promise<boolean>;
  submit(): Promise<T>;
  /** Whether this dialog is framed in a marketplace page. */
  framed: boolean;
  /** The same draft in a window of its own. */
  continueInWindow(): Promise<unknown>;
  words: { refused: string; inWindow: string };
}

export async function sendWithConsent<T>(
  categories: readonly DataCategory[],
  send: ConsentedSend<T>,
): Promise<T> {
  if (!(await send.ask(categories))) throw new Error(send.words.refused);
  try {
    return await send.submit();
  } catch (error) {
    if (!send.framed || errorMessage(error) !== CONSENT_NEEDED) throw error;
    await send.continueInWindow();
    throw new Error(send.words.inWindow);
  }
}
