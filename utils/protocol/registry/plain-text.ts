/**
 * Text a person wrote, as the registry accepts it: no NUL and no other control character (C0, DEL,
 * C1), which no one types, PostgreSQL refuses to store (NUL) and terminals and spreadsheets may act
 * on. Multi-line fields (notes, statements, summaries) keep tab and line breaks.
 */
import * as z from 'zod/mini';

import { hasControlCharacters } from '../control-characters';

/** Schemas beside the check they apply (report.ts refines a URL with it). */
export { hasControlCharacters };

const NO_CONTROL = 'contains a control character';

/** One line: a title, a name, a contact, an authority, a case number. */
export const lineText = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    z.refine((value) => !hasControlCharacters(value), NO_CONTROL),
  );

/** Several lines: a note, a statement, a summary (tab and line breaks allowed). */
export const linesText = (max: number, min = 1) =>
  z.string().check(
    z.minLength(min),
    z.maxLength(max),
    z.refine((value) => !hasControlCharacters(value, true), NO_CONTROL),
  );
