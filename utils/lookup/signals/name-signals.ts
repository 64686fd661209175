/**
 * Every signal read from a listing's folded name, weighed together (signal-evidence.ts): what a
 * lookup answers for each name, or nothing when the signals seen do not reach a warning.
 */
import type { Signal } from '../../protocol/preferences';
import { combineEvidence, type SignalEvidence } from '../../protocol/signal-evidence';
import { replicaInFolded } from '../replica-words';
import { offPlatformInFolded } from './off-platform';
import { replicaHintInFolded } from './replica-hints';

const READERS: ReadonlyArray<[Signal, (folded: string) => string | null]> = [
  ['replicaWords', replicaInFolded],
  ['replicaHints', replicaHintInFolded],
  ['offPlatform', offPlatformInFolded],
];

export function nameEvidence(folded: string, signalsOff: readonly Signal[]): SignalEvidence[] {
  const found: SignalEvidence[] = [];
  for (const [signal, read] of READERS) {
    if (signalsOff.includes(signal)) continue;
    const text = read(folded);
    if (text) found.push({ signal, text });
  }
  return found.length === 0 ? found : combineEvidence(found);
}
