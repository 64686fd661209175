/**
 * Bearer tokens for the review side. No token or an unknown, expired or revoked one: 401 (the
 * extension then signs the inspector out); a valid token of a role that may not do this: 403.
 */
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Role } from '../../utils/protocol/registry/review';
import type { RegistryDatabase } from '../db/schema';
import { checkToken, type Inspector } from '../store/tokens/inspector-tokens';
import { errorBody } from './errors';

export type AuthEnv = { Variables: { inspector: Inspector } };

const MESSAGES = {
  invalid_token: 'the token is not one this registry issued',
  expired_token: 'the token has expired',
  revoked_token: 'the token has been revoked',
} as const;

export function requireRole(
  db: Kysely<RegistryDatabase>,
  roles: readonly Role[],
  now: () => Date,
): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json(errorBody('unauthorized', 'sign in with an inspector token'), 401);
    }
    const check = await checkToken(db, token, now());
    if (!check.ok) {
      c.header('WWW-Authenticate', `Bearer error="invalid_token"`);
      return c.json(errorBody(check.code, MESSAGES[check.code]), 401);
    }
    if (!roles.includes(check.inspector.role)) {
      return c.json(errorBody('forbidden', `this needs the role ${roles.join(' or ')}`), 403);
    }
    c.set('inspector', check.inspector);
    await next();
  };
}
