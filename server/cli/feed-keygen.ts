/**
 * npm run feed:keygen -- --out <dir>
 * Makes an ECDSA P-256 key pair for signing feeds: <dir>/publisher.private.key (keep it secret,
 * readable by the publisher only) and <dir>/publisher.public.key (pin it in the build: see README).
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateKeyPair } from '../../utils/feed-format/signature';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) throw new Error('usage: feed:keygen -- --out <dir>');
  const privatePath = path.join(values.out, 'publisher.private.key');
  if (
    await access(privatePath).then(
      () => true,
      () => false,
    )
  ) {
    throw new Error(`${privatePath} exists; refusing to overwrite a signing key`);
  }
  const pair = await generateKeyPair();
  await mkdir(values.out, { recursive: true });
  await writeFile(privatePath, `${pair.privateKey}\n`, { mode: 0o600 });
  await writeFile(path.join(values.out, 'publisher.public.key'), `${pair.publicKey}\n`);
  console.log(`private key: ${privatePath} (keep it secret)`);
  console.log(`public key (pin with SOI_HANG_FEED_KEYS when building): ${pair.publicKey}`);
}

main().catch((error: unknown) => {
  console.error(`feed:keygen: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
