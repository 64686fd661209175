/**
 * npm run server:token -- --name <name> --role inspector|admin [--days 90]
 * npm run server:token -- --list
 * npm run server:token -- --revoke <id>
 * Makes an inspector token (printed once: only its hash is stored), lists tokens, or revokes one.
 */
import { parseArgs } from 'node:util';
import { RoleSchema } from '../../utils/protocol/registry/review';
import { createToken, listTokens, revokeToken } from '../store/tokens/inspector-tokens';
import { runCli } from './run-cli';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    role: { type: 'string', default: 'inspector' },
    days: { type: 'string', default: '90' },
    list: { type: 'boolean', default: false },
    revoke: { type: 'string' },
  },
});

runCli('server:token', async ({ db }) => {
  const now = new Date();
  if (values.list) {
    for (const token of await listTokens(db)) {
      const state = token.revokedAt
        ? `revoked ${token.revokedAt}`
        : token.expiresAt <= now.toISOString()
          ? 'expired'
          : 'active';
      console.log(
        `${token.tokenId}\t${token.role}\t${state}\texpires ${token.expiresAt}\t${token.name}`,
      );
    }
    return;
  }
  if (values.revoke) {
    if (!(await revokeToken(db, values.revoke, now)))
      throw new Error(`no active token has the id ${values.revoke}`);
    console.log(`revoked ${values.revoke}`);
    return;
  }
  const role = RoleSchema.safeParse(values.role);
  const days = Number(values.days);
  if (!values.name?.trim() || !role.success || !Number.isInteger(days) || days < 1 || days > 3650) {
    throw new Error(
      'usage: server:token -- --name <name> --role inspector|admin [--days 1..3650] | --list | --revoke <id>',
    );
  }
  const { token, row } = await createToken(db, {
    name: values.name.trim(),
    role: role.data,
    days,
    now,
  });
  console.log(`token id ${row.tokenId} (${row.role}, ${row.name}), expires ${row.expiresAt}`);
  console.log('the token (shown once; keep it secret):');
  console.log(token);
});
