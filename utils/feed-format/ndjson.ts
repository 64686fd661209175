/**
 * The feed's NDJSON: every line through a schema (one bad line refuses the file), read line by line
 * from bytes so a large snapshot is never one string.
 */
import * as z from 'zod/mini';

export class FeedFormatError extends Error {
  override readonly name = 'FeedFormatError';
}

/**
 * Parses newline-delimited JSON, every line through the schema. One bad line refuses the whole file:
 * a feed is applied entirely or not at all.
 */
export function parseNdjson<T>(text: string, schema: z.ZodMiniType<T>): T[] {
  const out: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (line) out.push(parseLine(line, i + 1, schema));
  }
  return out;
}

/**
 * Calls `onLine` with every non-empty line of UTF-8 NDJSON bytes, decoding one line at a time so a
 * snapshot of hundreds of megabytes never becomes one giant string.
 */
export function forEachLine(
  bytes: Uint8Array,
  onLine: (line: string, lineNumber: number) => void,
): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let lineNumber = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    lineNumber++;
    if (end > start) {
      let line: string;
      try {
        line = decoder.decode(bytes.subarray(start, end));
      } catch {
        throw new FeedFormatError(`line ${lineNumber}: not valid UTF-8`);
      }
      if (line.trim()) onLine(line, lineNumber);
    }
    start = end + 1;
  }
}

/** One NDJSON line through a schema: its value, or what is wrong with it. */
export function checkLine<T>(
  line: string,
  schema: z.ZodMiniType<T>,
): { ok: true; value: T } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: z.prettifyError(parsed.error) };
}

/** Parses one NDJSON line through a schema, naming the line in the error. */
export function parseLine<T>(line: string, lineNumber: number, schema: z.ZodMiniType<T>): T {
  const checked = checkLine(line, schema);
  if (!checked.ok) throw new FeedFormatError(`line ${lineNumber}: ${checked.problem}`);
  return checked.value;
}
