/**
 * Who is signed in as an inspector, with the token: kept in the background's own IndexedDB, handed
 * only to calls to the registry that issued it; a 401 signs the inspector out.
 */
import type { Database } from '../../../utils/db/database';
import {
  carriesTokens,
  type RegistryClient,
  registryError,
} from '../../../utils/outbox/registry-client';
import { errorMessage } from '../../../utils/protocol/error-message';
import { type WhoAmI, WhoAmISchema } from '../../../utils/protocol/registry/review';
import { type InspectorSession, SIGN_OUT_CAUSES } from '../../../utils/protocol/runtime/inspector';

const SETTING = 'inspector';
const SIGNED_OUT = 'inspectorSignedOut';

interface StoredSession extends WhoAmI {
  registryUrl: string;
  token: string;
}

export class InspectorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface SessionDeps {
  openDb(): Promise<Database>;
  registry: RegistryClient;
  now(): Date;
  /** The mode went on or off: the icon, the popup and the pages follow. */
  onChange(session: InspectorSession): void;
}

/** Why the registry refused a call: its own reason, else the HTTP status as the code. */
export async function refusalOf(response: Response): Promise<{ code: string; message: string }> {
  return (await registryError(response)) ?? { code: `http_${response.status}`, message: '' };
}

function isStored(value: unknown): value is StoredSession {
  const who = WhoAmISchema.safeParse(value);
  const raw = value as Partial<StoredSession> | null;
  return who.success && typeof raw?.token === 'string' && typeof raw.registryUrl === 'string';
}

/**
 * The session lives in the extension origin's `settings` store: content scripts share
 * `storage.local` but can never open this database. The token is read only here; the registry
 * client sends it in the Authorization header. Any call the registry answers 401 signs the
 * inspector out, with the reason kept to show.
 */
export function createInspectorSession(deps: SessionDeps) {
  let cached: StoredSession | null | undefined;

  async function stored(): Promise<StoredSession | null> {
    if (cached !== undefined) return cached;
    const value = await (await deps.openDb()).get('settings', SETTING);
    cached = isStored(value) ? value : null;
    return cached;
  }

  async function view(): Promise<InspectorSession> {
    const current = await stored();
    if (current) {
      return {
        signedIn: true,
        name: current.name,
        role: current.role,
        registryUrl: current.registryUrl,
        expiresAt: current.expiresAt,
      };
    }
    const out = (await (await deps.openDb()).get('settings', SIGNED_OUT)) as
      | InspectorSession['signedOut']
      | undefined;
    return { signedIn: false, ...(out ? { signedOut: out } : {}) };
  }

  async function forget(cause: InspectorSession['signedOut'] | null): Promise<void> {
    const db = await deps.openDb();
    await db.delete('settings', SETTING);
    if (cause) await db.put('settings', cause, SIGNED_OUT);
    else await db.delete('settings', SIGNED_OUT);
    cached = null;
    deps.onChange(await view());
  }

  /** An expired or revoked token seen by any call: signed out, with the reason kept to show. */
  async function refused(code: string): Promise<void> {
    const cause = (SIGN_OUT_CAUSES as readonly string[]).includes(code)
      ? (code as (typeof SIGN_OUT_CAUSES)[number])
      : 'invalid_token';
    await forget({ cause, at: deps.now().toISOString() });
  }

  /**
   * The registry and the token calls are made with. Throws when signed out, or when `tokenId`
   * (an action's) is not the signed-in token's: only the token that took an action may send it.
   */
  async function credentials(tokenId?: string): Promise<{ registryUrl: string; token: string }> {
    const current = await stored();
    if (!current) throw new InspectorError('signed_out', 'inspector mode is off');
    if (tokenId && tokenId !== current.tokenId) {
      throw new InspectorError('other_token', 'this action was taken with another token');
    }
    return { registryUrl: current.registryUrl, token: current.token };
  }

  /** The registry answered a call made with the token: a 401 signs the inspector out. */
  async function heard(response: Response): Promise<void> {
    if (response.status === 401) {
      const { code } = await refusalOf(response.clone());
      await refused(code);
    }
  }

  return {
    view,
    /**
     * Who is signed in, from the kept session only (no read of why one was signed out): what every
     * page's lookup asks, so it costs one database read per worker life at most.
     */
    async signedInAs(): Promise<string | null> {
      return (await stored())?.name ?? null;
    },
    /** The public id of the signed-in token (actions remember who took them), or null. */
    async tokenId(): Promise<string | null> {
      return (await stored())?.tokenId ?? null;
    },
    async registryUrl(): Promise<string | null> {
      return (await stored())?.registryUrl ?? null;
    },

    /** Verifies the token with `GET /v1/review/whoami` and keeps it only if the registry knows it. */
    async signIn(registryUrl: string, token: string): Promise<InspectorSession> {
      if (!carriesTokens(registryUrl)) {
        throw new InspectorError(
          'insecure_registry',
          'a token is sent over https:// only (http:// to this machine alone)',
        );
      }
      let response: Response;
      try {
        response = await deps.registry.request(registryUrl, '/v1/review/whoami', {}, token.trim());
      } catch (error) {
        throw new InspectorError('unreachable', errorMessage(error));
      }
      if (!response.ok) {
        const { code, message } = await refusalOf(response);
        throw new InspectorError(code, message);
      }
      const who = WhoAmISchema.safeParse(await response.json().catch(() => null));
      if (!who.success)
        throw new InspectorError('not_a_registry', 'the answer is not a registry’s');
      const session: StoredSession = { ...who.data, registryUrl, token: token.trim() };
      const db = await deps.openDb();
      await db.put('settings', session, SETTING);
      await db.delete('settings', SIGNED_OUT);
      cached = session;
      const current = await view();
      deps.onChange(current);
      return current;
    },

    async signOut(): Promise<InspectorSession> {
      await forget(null);
      return view();
    },

    credentials,
    heard,
  };
}

export type InspectorSessionApi = ReturnType<typeof createInspectorSession>;
