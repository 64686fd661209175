/**
 * The key the registry signs its feed with: the operator's file (`PUBLISHER_KEY`), or a key pair
 * generated on first start into the data directory and reused after.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateKeyPair, keyIdOf, publicKeyOf } from '../../utils/feed-format/signature';

export interface PublisherKey {
  privateKey: string;
  publicKey: string;
  keyId: string;
  /** True when this start made the key pair. */
  generated: boolean;
  file: string;
}

export async function loadPublisherKey(
  configured: string | null,
  dataDir: string,
): Promise<PublisherKey> {
  const file = configured ?? path.join(dataDir, 'publisher.private.key');
  let generated = false;
  if (!configured && !existsSync(file)) {
    const pair = await generateKeyPair();
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${pair.privateKey}\n`, { mode: 0o600, flag: 'wx' });
    await writeFile(path.join(dataDir, 'publisher.public.key'), `${pair.publicKey}\n`);
    generated = true;
  }
  const privateKey = (await readFile(file, 'utf8')).trim();
  let publicKey: string;
  try {
    publicKey = await publicKeyOf(privateKey);
  } catch {
    throw new Error(`${file} is not an ECDSA P-256 private key (base64 PKCS#8)`);
  }
  return { privateKey, publicKey, keyId: await keyIdOf(publicKey), generated, file };
}
