/**
 * The three calls reports make to the registry (server/README.md), on the one registry client: send
 * a report, attach its screenshot, ask what became of it. Every answer is checked with the shared
 * schemas.
 */
import type { AttemptOutcome } from '../../../utils/outbox/delivery';
import { unreachable } from '../../../utils/outbox/delivery';
import { attemptOutcome, type RegistryClient } from '../../../utils/outbox/registry-client';
import {
  type Report,
  ReportReceiptSchema,
  type ReportStatus,
  ReportStatusSchema,
} from '../../../utils/protocol/registry/report';

export type SendResult = AttemptOutcome & { receivedAt?: string };

/** One delivery attempt: unreachable, refused or to retry, else what `onSuccess` makes of a 2xx. */
async function attempt(
  send: () => Promise<Response>,
  now: () => Date,
  onSuccess: (response: Response) => Promise<SendResult>,
): Promise<SendResult> {
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    return unreachable(error);
  }
  if (response.ok) return onSuccess(response);
  return attemptOutcome(response, now());
}

export function createReportCalls(deps: { registry: RegistryClient; now(): Date }) {
  const { registry } = deps;
  return {
    sendReport(base: string, report: Report): Promise<SendResult> {
      return attempt(
        () =>
          registry.request(base, '/v1/reports', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(report),
          }),
        deps.now,
        async (response) => {
          const receipt = ReportReceiptSchema.safeParse(await response.json().catch(() => null));
          // A 2xx that is not our receipt: not a registry (a captive portal, a wrong address).
          if (!receipt.success || receipt.data.id !== report.id) {
            return {
              kind: 'retry',
              error: {
                status: response.status,
                code: 'bad_receipt',
                message: 'the answer is not a receipt for this report',
              },
            };
          }
          return { kind: 'acknowledged', receivedAt: receipt.data.receivedAt };
        },
      );
    },

    sendScreenshot(
      base: string,
      id: string,
      bytes: Uint8Array,
      mediaType: string,
    ): Promise<SendResult> {
      return attempt(
        () =>
          registry.request(base, `/v1/reports/${encodeURIComponent(id)}/evidence`, {
            method: 'PUT',
            headers: { 'Content-Type': mediaType },
            body: bytes as BodyInit,
          }),
        deps.now,
        async () => ({ kind: 'acknowledged' }),
      );
    },

    /** The report's status, or null when the registry cannot say now (it is asked again later). */
    async status(base: string, id: string): Promise<ReportStatus | null> {
      try {
        const response = await registry.request(
          base,
          `/v1/reports/${encodeURIComponent(id)}/status`,
        );
        if (!response.ok) return null;
        const status = ReportStatusSchema.safeParse(await response.json());
        return status.success ? status.data : null;
      } catch {
        return null;
      }
    },
  };
}

export type ReportCalls = ReturnType<typeof createReportCalls>;
