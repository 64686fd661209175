/**
 * Every signal read from a listing's folded name (and a product page's description), weighed
 * together (signal-evidence.ts): what a lookup answers for each listing, or nothing when the signals
 * seen do not reach a warning. A signal seen in both counts once, as seen in the name.
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

function readSignals(folded: string, signalsOff: readonly Signal[]): SignalEvidence[] {
  const found: SignalEvidence[] = [];
  for (const [signal, read] of READERS) {
    if (signalsOff.includes(signal)) continue;
    const text = read(folded);
    if (text) found.push({ signal, text });
  }
  return found;
}

export function nameEvidence(
  folded: string,
  signalsOff: readonly Signal[],
  foldedDescription?: string,
): SignalEvidence[] {
  const found = readSignals(folded, signalsOff);
  if (foldedDescription) {
    for (const seen of readSignals(foldedDescription, signalsOff)) {
      found.push({ ...seen, place: 'description' });
    }
  }
  return found.length === 0 ? found : combineEvidence(found);
}
