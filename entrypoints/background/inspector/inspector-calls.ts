/**
 * Inspector mode's calls to the registry, on the one registry client: each made with the signed-in
 * session's registry and token (utils/outbox/registry-client.ts sends it), and each answer shown to
 * the session, whom a 401 signs out.
 */
import type { RegistryClient } from '../../../utils/outbox/registry-client';
import { InspectorError, type InspectorSessionApi, refusalOf } from './inspector-session';

export function createInspectorCalls(deps: {
  session: InspectorSessionApi;
  registry: RegistryClient;
}) {
  /**
   * A call with the token. Throws when signed out, when `tokenId` is not the signed-in token's,
   * or when the registry cannot be reached; a refused token signs the inspector out.
   */
  async function call(path: string, init: RequestInit = {}, tokenId?: string): Promise<Response> {
    const { registryUrl, token } = await deps.session.credentials(tokenId);
    const response = await deps.registry.request(registryUrl, path, init, token);
    await deps.session.heard(response);
    return response;
  }

  return {
    call,

    /** A GET whose answer `parse` checks; a refusal throws with the registry's reason. */
    async json<T>(path: string, parse: (raw: unknown) => T): Promise<T> {
      const response = await call(path);
      if (!response.ok) {
        const { code, message } = await refusalOf(response);
        throw new InspectorError(code, message);
      }
      return parse(await response.json());
    },
  };
}

export type InspectorCalls = ReturnType<typeof createInspectorCalls>;
