/**
 * The one HTTP client of the registry (server/README.md): reports, their statuses and inspector
 * mode call it with a base URL, an optional token and a timeout.
 */
import { ApiErrorSchema } from '../protocol/registry/report';
import { type AttemptOutcome, classifyAnswer } from './delivery';

/** A registry that has not answered by then is taken as unreachable (the attempt is retried). */
export const REGISTRY_TIMEOUT_MS = 30_000;

export interface RegistryClientDeps {
  fetch: typeof fetch;
}

/**
 * Whether a token may be sent to the registry at `base`: over https only, except to this machine
 * (127.0.0.0/8, ::1, localhost), where nothing crosses a network.
 */
export function carriesTokens(base: string): boolean {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** A token was about to travel in clear: nothing was sent. */
export class InsecureRegistryError extends Error {
  override readonly name = 'InsecureRegistryError';
  constructor(base: string) {
    super(`${base} is not https://: an inspector's token is sent to a registry over https only`);
  }
}

/** The address of `path` on the registry at `base` (written with or without a final slash). */
const endpoint = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

/** The registry's reason for a refusal (`{ error: { code, message } }`), or null if it gave none. */
export async function registryError(
  response: Response,
): Promise<{ code: string; message: string } | null> {
  const body = ApiErrorSchema.safeParse(await response.json().catch(() => null));
  return body.success ? body.data.error : null;
}

/**
 * What the registry's answer to a delivery attempt means (utils/outbox/delivery.ts): a 2xx is an
 * acknowledgement (its body unread), anything else is classified with the registry's reason.
 */
export async function attemptOutcome(response: Response, now: Date): Promise<AttemptOutcome> {
  return classifyAnswer(
    response.status,
    response.headers.get('Retry-After'),
    response.ok ? null : await registryError(response),
    now,
  );
}

/**
 * Real HTTP with CORS from the extension origin (no host permission needed); refusals are read with
 * the protocol's error schema.
 */
export function createRegistryClient(deps: RegistryClientDeps) {
  return {
    /**
     * One call to the registry at `base`. `token`: sent as a bearer token (inspector mode), and
     * only then is an Authorization header added, and only to an https registry (or this machine's).
     * Throws when the registry cannot be reached, or the token would travel in clear.
     */
    request(base: string, path: string, init: RequestInit = {}, token?: string): Promise<Response> {
      if (token !== undefined && !carriesTokens(base)) {
        return Promise.reject(new InsecureRegistryError(base));
      }
      return deps.fetch(endpoint(base, path), {
        ...init,
        ...(token === undefined
          ? {}
          : {
              headers: {
                ...(init.headers as Record<string, string> | undefined),
                Authorization: `Bearer ${token}`,
              },
            }),
        signal: AbortSignal.timeout(REGISTRY_TIMEOUT_MS),
      });
    },
  };
}

export type RegistryClient = ReturnType<typeof createRegistryClient>;
