/**
 * Request bodies checked against the shared zod schemas: not JSON, the wrong type or an unknown
 * field is a 400 naming the first problem, and nothing is stored.
 */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { ApiFailure } from './errors';

function describe(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the body does not match the schema';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}

export function checked<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiFailure(400, 'invalid_body', describe(result.error));
  return result.data;
}

export async function jsonBody<T>(c: Context, schema: z.ZodMiniType<T>): Promise<T> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiFailure(415, 'unsupported_media_type', 'send the body as application/json');
  }
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw new ApiFailure(400, 'invalid_json', 'the body is not valid JSON');
  }
  return checked(schema, value);
}
