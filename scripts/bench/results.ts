/**
 * bench-results.json: one object of named figures, each `{ value, unit, baseline?, ratio? }`. Every
 * benchmark merges its own figures into the file and leaves the others as they are.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

export const RESULTS_FILE = path.resolve(import.meta.dirname, '../../bench-results.json');

export const FigureSchema = z.object({
  value: z.number(),
  unit: z.string(),
  baseline: z.number().optional(),
  ratio: z.number().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

export function mergeResults(figures: Record<string, Figure>): Record<string, Figure> {
  let current: Record<string, Figure> = {};
  if (existsSync(RESULTS_FILE)) {
    const parsed = z
      .record(z.string(), FigureSchema)
      .safeParse(JSON.parse(readFileSync(RESULTS_FILE, 'utf8')));
    if (parsed.success) current = parsed.data;
  }
  const merged = { ...current, ...figures };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** The mean of the middle values, dropping the lowest and highest `trim` share (outliers: GC, timers). */
export function trimmedMean(values: number[], trim = 0.2): number {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * trim);
  const kept = sorted.slice(cut, sorted.length - cut);
  return kept.reduce((sum, value) => sum + value, 0) / Math.max(kept.length, 1);
}

/** The value below which `p` percent of the values fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
