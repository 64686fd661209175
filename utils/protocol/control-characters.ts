/**
 * Control characters (C0, DEL, C1) and the bidirectional embedding, override and isolate controls
 * (which make text read otherwise than it is, as in "Trojan Source") in text: found, or dropped
 * from a line read off a page. No schema library here, so content scripts can use it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_BUT_LINES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is refused
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const hasControlCharacters = (value: string, multiLine = false) =>
  (multiLine ? CONTROL_BUT_LINES : CONTROL).test(value);

/** The control characters of a line of page text dropped (a title read from a page). */
export const withoutControlCharacters = (value: string) =>
  value.replace(new RegExp(CONTROL.source, 'g'), '');
