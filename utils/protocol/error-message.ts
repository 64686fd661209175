/**
 * The words of anything thrown, for a reply, a log line or the page that shows it: an Error's
 * message, else the value as text. Every side (pages, background, registry, tools) uses this one.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
