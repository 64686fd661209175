/**
 * Source records from a file a publisher gives (feed:build, server:import): CSV with the columns
 * csv.ts reads when its name ends in .csv, NDJSON flag records otherwise; a bad record throws.
 */
import { parseNdjson } from '../../utils/feed-format/ndjson';
import { type FlagRecord, FlagRecordSchema } from '../../utils/protocol/records';
import { recordsFromCsv } from './csv';

export function recordsOfFile(file: string, text: string): FlagRecord[] {
  return file.endsWith('.csv') ? recordsFromCsv(text) : parseNdjson(text, FlagRecordSchema);
}
