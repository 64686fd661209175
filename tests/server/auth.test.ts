/**
 * Who may use the review side: no token, an unknown, expired or revoked one (401), the wrong role
 * (403), and the token's owner as the registry knows it. Tokens come from `server:token`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from '../../server/db/dialect';
import { WhoAmISchema } from '../../utils/protocol/registry/review';
import { BACKENDS, client, type RegistryProcess, startRegistry } from '../helpers/registry';

const ITEM = 'lazada:item:555001';

describe.each(BACKENDS)('review access (%s)', (backend) => {
  let registry: RegistryProcess;
  let store: OpenDatabase;
  let inspector: string;

  beforeAll(async () => {
    registry = await startRegistry(backend);
    store = openDatabase(registry.databaseUrl);
    inspector = registry.token('Thanh tra viên A', 'inspector');
  });
  afterAll(async () => {
    await store?.db.destroy();
    await registry?.cleanup();
  });

  it('refuses no token, an unknown, expired or revoked token (401) and the wrong role (403)', async () => {
    const none = await client(registry).get('/v1/review/whoami');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const forged = await client(registry, `${inspector.slice(0, -4)}AAAA`).get('/v1/review/whoami');
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('invalid_token');

    const expiring = registry.token('Hết hạn', 'inspector');
    const expiringId = expiring.split('_')[1] as string;
    await store.db
      .updateTable('tokens')
      .set({ expires_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', expiringId)
      .execute();
    expect((await client(registry, expiring).get('/v1/review/whoami')).body.error.code).toBe(
      'expired_token',
    );

    const revoked = registry.token('Thu hồi', 'inspector');
    const revokedId = revoked.split('_')[1] as string;
    expect((await client(registry, revoked).get('/v1/review/whoami')).status).toBe(200);
    const revoke = registry.cli('token', ['--revoke', revokedId]);
    expect(revoke.status, revoke.stderr).toBe(0);
    const after = await client(registry, revoked).get('/v1/review/queue');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('revoked_token');
    const list = registry.cli('token', ['--list']);
    expect(list.stdout).toContain(`${revokedId}\tinspector\trevoked`);
    expect(list.stdout).not.toContain('shr_');

    const wrongRole = await client(registry, inspector).post('/v1/review/publish', {});
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.error.code).toBe('forbidden');
    for (const route of [
      '/v1/review/queue',
      `/v1/review/keys/${ITEM}`,
      `/v1/lookup?keys=${ITEM}`,
    ]) {
      expect((await client(registry).get(route)).status).toBe(401);
    }
  });

  it('says who the token belongs to', async () => {
    const me = await client(registry, inspector).get('/v1/review/whoami');
    expect(me.body).toMatchObject({ name: 'Thanh tra viên A', role: 'inspector' });
    expect(WhoAmISchema.safeParse(me.body).error).toBeUndefined();
  });
});
