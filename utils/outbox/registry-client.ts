/**
 * The three calls the extension makes to the registry for reports (server/README.md): send a report,
 * attach its screenshot, ask what became of it. Real HTTP with CORS from the extension origin (no
 * host permission needed); every answer is checked with the shared schemas.
 */

import {
  ApiErrorSchema,
  type Report,
  ReportReceiptSchema,
  type ReportStatus,
  ReportStatusSchema,
} from '../protocol/report';
import { type AttemptOutcome, classifyAnswer, unreachable } from './delivery';

const TIMEOUT_MS = 30_000;

export interface RegistryClientDeps {
  fetch: typeof fetch;
  now(): Date;
}

export type SendResult = AttemptOutcome & { receivedAt?: string };

const endpoint = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

async function errorOf(response: Response): Promise<{ code: string; message: string } | null> {
  const body = ApiErrorSchema.safeParse(await response.json().catch(() => null));
  return body.success ? body.data.error : null;
}

async function attempt(
  deps: RegistryClientDeps,
  url: string,
  init: RequestInit,
  onSuccess: (response: Response) => Promise<SendResult>,
): Promise<SendResult> {
  let response: Response;
  try {
    response = await deps.fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    return unreachable(error);
  }
  if (response.ok) return onSuccess(response);
  const outcome = classifyAnswer(
    response.status,
    response.headers.get('Retry-After'),
    await errorOf(response),
    deps.now(),
  );
  return outcome;
}

export function createRegistryClient(deps: RegistryClientDeps) {
  return {
    sendReport(base: string, report: Report): Promise<SendResult> {
      return attempt(
        deps,
        endpoint(base, '/v1/reports'),
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(report),
        },
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
        deps,
        endpoint(base, `/v1/reports/${encodeURIComponent(id)}/evidence`),
        { method: 'PUT', headers: { 'Content-Type': mediaType }, body: bytes as BodyInit },
        async () => ({ kind: 'acknowledged' }),
      );
    },

    /** The report's status, or null when the registry cannot say now (it is asked again later). */
    async status(base: string, id: string): Promise<ReportStatus | null> {
      try {
        const response = await deps.fetch(
          endpoint(base, `/v1/reports/${encodeURIComponent(id)}/status`),
          {
            signal: AbortSignal.timeout(TIMEOUT_MS),
          },
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

export type RegistryClient = ReturnType<typeof createRegistryClient>;
