/**
 * Sends a layout report (counts only: utils/protocol/registry/layout-report.ts) to the registry the
 * shopper's reports go to, on the popup's click. Not kept in an outbox: it is a hint, not a report
 * anyone waits on, and a failed send is said in the popup.
 */
import {
  type LayoutReport,
  LayoutReportSchema,
} from '../../../utils/protocol/registry/layout-report';

export interface LayoutReportDeps {
  /** The registry's base address, or null when none is set. */
  registryUrl(): Promise<string | null>;
  fetch(input: string, init: RequestInit): Promise<Response>;
}

export function createLayoutReportSender(deps: LayoutReportDeps) {
  return async (report: LayoutReport): Promise<void> => {
    const base = await deps.registryUrl();
    if (!base) throw new Error('no registry is set');
    const response = await deps.fetch(`${base.replace(/\/+$/, '')}/v1/layout-reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(LayoutReportSchema.parse(report)),
      credentials: 'omit',
    });
    if (!response.ok) throw new Error(`the registry answered ${response.status}`);
  };
}
