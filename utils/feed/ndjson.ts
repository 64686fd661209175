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
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new FeedFormatError(`line ${i + 1}: not valid JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new FeedFormatError(`line ${i + 1}: ${z.prettifyError(parsed.error)}`);
    }
    out.push(parsed.data);
  }
  return out;
}
