/**
 * Control characters (C0, DEL, C1) in text: found, or dropped from a line read off a page. No
 * schema library here, so content scripts can use it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is refused
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const hasControlCharacters = (value: string, multiLine = false) =>
  (multiLine ? CONTROL_BUT_LINES : CONTROL).test(value);

/** The control characters of a line of page text dropped (a title read from a page). */
export const withoutControlCharacters = (value: string) =>
  value.replace(new RegExp(CONTROL.source, 'g'), '');
