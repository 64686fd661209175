/**
 * Inspector tokens: `shr_<id>_<secret>`, shown once when made and stored only as a SHA-256 hash.
 * The id part is public (it names the token in lists, logs and the audit) and lets a revoke name
 * a token without knowing its secret.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../../utils/protocol/registry/review';
import type { RegistryDatabase } from '../../db/schema';
import { sha256Hex } from '../../db/sha256';

const TOKEN = /^shr_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface Inspector {
  tokenId: string;
  name: string;
  role: Role;
  expiresAt: string;
}

export interface TokenRow extends Inspector {
  createdAt: string;
  revokedAt: string | null;
}

export async function createToken(
  db: Kysely<RegistryDatabase>,
  input: { name: string; role: Role; days: number; now: Date },
): Promise<{ token: string; row: TokenRow }> {
  const id = randomBytes(6).toString('hex');
  const token = `shr_${id}_${randomBytes(32).toString('base64url')}`;
  const createdAt = input.now.toISOString();
  const expiresAt = new Date(input.now.getTime() + input.days * 86_400_000).toISOString();
  await db
    .insertInto('tokens')
    .values({
      id,
      name: input.name,
      role: input.role,
      hash: sha256Hex(token),
      created_at: createdAt,
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return {
    token,
    row: { tokenId: id, name: input.name, role: input.role, expiresAt, createdAt, revokedAt: null },
  };
}

export async function revokeToken(
  db: Kysely<RegistryDatabase>,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listTokens(db: Kysely<RegistryDatabase>): Promise<TokenRow[]> {
  const rows = await db.selectFrom('tokens').selectAll().orderBy('created_at').execute();
  return rows.map((row) => ({
    tokenId: row.id,
    name: row.name,
    role: row.role,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }));
}

export type TokenCheck =
  | { ok: true; inspector: Inspector }
  | { ok: false; code: 'invalid_token' | 'expired_token' | 'revoked_token' };

/** Who holds this token, or why it does not count. */
export async function checkToken(
  db: Kysely<RegistryDatabase>,
  token: string,
  now: Date,
): Promise<TokenCheck> {
  const match = TOKEN.exec(token);
  if (!match?.[1]) return { ok: false, code: 'invalid_token' };
  const row = await db
    .selectFrom('tokens')
    .selectAll()
    .where('id', '=', match[1])
    .executeTakeFirst();
  if (!row) return { ok: false, code: 'invalid_token' };
  const given = Buffer.from(sha256Hex(token), 'hex');
  if (!timingSafeEqual(given, Buffer.from(row.hash, 'hex')))
    return { ok: false, code: 'invalid_token' };
  if (row.revoked_at) return { ok: false, code: 'revoked_token' };
  if (row.expires_at <= now.toISOString()) return { ok: false, code: 'expired_token' };
  return {
    ok: true,
    inspector: { tokenId: row.id, name: row.name, role: row.role, expiresAt: row.expires_at },
  };
}
