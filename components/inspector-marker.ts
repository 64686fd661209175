/**
 * A card's inspector marker words and the case statuses' names: shared by the in-page marker (in
 * every content script, so no Preact here) and the inspectors' views.
 */
import { type MessageKey, t, tn } from '../utils/i18n';
import type { InspectorEntry } from '../utils/protocol/runtime/inspector';

export type InspectedRole = 'item' | 'seller';
export const CASE_STATUS_WORDS: Record<InspectorEntry['case']['status'], MessageKey> = {
  open: 'inspectorStatusOpen',
  reported: 'inspectorStatusReported',
  suspected: 'inspectorStatusSuspected',
  confirmed: 'inspectorStatusConfirmed',
  cleared: 'inspectorStatusCleared',
};

/** The entries a marker summarises: the listing's item's and its seller's. */
type MarkedEntries = ReadonlyArray<{ role: InspectedRole; entry: InspectorEntry }>;

/**
 * The few words a card's marker shows, always after "Thanh tra:" so every marker reads alike: the
 * status, or the report count of a key with no decision, or else its appeals.
 */
export function markerText(entries: MarkedEntries): string {
  const item = entries.find((one) => one.role === 'item')?.entry ?? entries[0]?.entry;
  if (!item) return t('inspectorMarker');
  const { status, reports, appeals } = item.case;
  if (status !== 'open' && status !== 'reported')
    return t('inspectorMarkerStatus', t(CASE_STATUS_WORDS[status]));
  if (reports > 0) return tn('inspectorMarkerReports', reports, reports);
  if (appeals > 0) return tn('inspectorMarkerAppeals', appeals, appeals);
  return t('inspectorMarker');
}
