/**
 * The replica-vocabulary gold set (tests/gold/replica-names.tsv: listing names and descriptions we
 * wrote ourselves, each labelled `replica` when it admits a copy, `none` otherwise) and how the
 * signal does on it: precision, recall, and the texts it gets wrong.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { replicaPhrase } from '../../utils/lookup/replica-words';

export const GOLD_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../tests/gold/replica-names.tsv',
);

export interface GoldEntry {
  replica: boolean;
  text: string;
}

export function readGold(file = GOLD_FILE): GoldEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [label, text] = line.split('\t');
      if ((label !== 'replica' && label !== 'none') || !text)
        throw new Error(`bad gold line: ${line}`);
      return { replica: label === 'replica', text };
    });
}

export function scoreGold(entries: readonly GoldEntry[]) {
  let truePositives = 0;
  const falsePositives: string[] = [];
  const missed: string[] = [];
  for (const { replica, text } of entries) {
    const flagged = replicaPhrase(text) !== null;
    if (flagged && replica) truePositives++;
    else if (flagged) falsePositives.push(text);
    else if (replica) missed.push(text);
  }
  const positives = entries.filter((entry) => entry.replica).length;
  return {
    entries: entries.length,
    positives,
    precision: truePositives / Math.max(1, truePositives + falsePositives.length),
    recall: truePositives / Math.max(1, positives),
    falsePositives,
    missed,
  };
}
