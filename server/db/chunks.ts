/**
 * Many rows a statement: inserts and `in (…)` lists cut into runs that stay under SQLite's limit on
 * bound values, the same runs on PostgreSQL.
 */

/** Rows of one multi-row statement: SQLite allows 32,766 bound values, a report row takes 11. */
export const ROWS_PER_STATEMENT = 200;

/** `values` cut into runs of at most `size`. */
export function chunks<T>(values: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < values.length; at += size) out.push(values.slice(at, at + size));
  return out;
}
