/**
 * Where a case's reports came from, in words: installs beside distinct networks, each count written
 * by its language's plural rules (the inspector's in-page section and the dashboard's case story).
 */
import { t, tn } from '../utils/i18n';

export function originsLine(installs: number, networks: number): string {
  return t(
    'inspectorOrigins',
    tn('inspectorCountInstalls', installs, installs),
    tn('inspectorCountNetworks', networks, networks),
  );
}
