/**
 * Feed signatures: ECDSA P-256 over SHA-256, as WebCrypto produces and checks them in every target
 * browser and in Node. The signature is the raw 64-byte r‖s form (IEEE P1363), base64 in
 * `manifest.json.sig`; public keys are SPKI, base64, pinned in the build config. The same functions
 * serve the publisher tool and the extension, so what one signs the other verifies.
 */
import { sha256Hex } from './hash';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface KeyPairText {
  /** SPKI, base64: goes into the build config. */
  publicKey: string;
  /** PKCS #8, base64: stays with the publisher. */
  privateKey: string;
}

export async function generateKeyPair(): Promise<KeyPairText> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return {
    publicKey: toBase64(await crypto.subtle.exportKey('spki', pair.publicKey)),
    privateKey: toBase64(await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
  };
}

export async function sign(data: Uint8Array<ArrayBuffer>, privateKey: string): Promise<string> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(privateKey), ALGORITHM, false, [
    'sign',
  ]);
  return toBase64(await crypto.subtle.sign(SIGNING, key, data));
}

/**
 * A key's short, stable name: the first 16 hex digits of the sha256 of its SPKI bytes. A manifest
 * names the key it is signed with this way (its feed identity), so a client can tell feeds apart.
 */
export async function keyIdOf(publicKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64(publicKey)));
  return [...digest.subarray(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The public key (SPKI, base64) of a private key (PKCS #8, base64). */
export async function publicKeyOf(privateKey: string): Promise<string> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(privateKey), ALGORITHM, true, [
    'sign',
  ]);
  const { d: _secret, key_ops: _ops, ...jwk } = await crypto.subtle.exportKey('jwk', key);
  const publicKey = await crypto.subtle.importKey('jwk', jwk, ALGORITHM, true, ['verify']);
  return toBase64(await crypto.subtle.exportKey('spki', publicKey));
}

/**
 * Whether any of the pinned keys verifies the signature. Several keys are allowed so a publisher can
 * rotate: a build pins the old and the new key until every feed is signed with the new one.
 * Malformed keys or signatures count as "does not verify", never as an exception.
 */
export async function verifyWithAny(
  data: Uint8Array<ArrayBuffer>,
  signature: string,
  publicKeys: readonly string[],
): Promise<boolean> {
  return (await verifyingKey(data, signature, publicKeys)) !== null;
}

/** The pinned key that verifies the signature, or null when none does. */
export async function verifyingKey(
  data: Uint8Array<ArrayBuffer>,
  signature: string,
  publicKeys: readonly string[],
): Promise<string | null> {
  let signatureBytes: Uint8Array<ArrayBuffer>;
  try {
    signatureBytes = fromBase64(signature);
  } catch {
    return null;
  }
  if (signatureBytes.length !== 64) return null;
  for (const publicKey of publicKeys) {
    try {
      const key = await crypto.subtle.importKey('spki', fromBase64(publicKey), ALGORITHM, false, [
        'verify',
      ]);
      if (await crypto.subtle.verify(SIGNING, key, signatureBytes, data)) return publicKey;
    } catch {
      // a malformed pinned key cannot verify anything; try the next one
    }
  }
  return null;
}

/**
 * The name of the signature file kept beside a manifest under its own SHA-256
 * (`manifest.<hex>.sig`). A client asks for the signature of the very bytes it holds, so a publish
 * between its two requests can never hand it a signature made for another manifest. Publishers
 * write it before the manifest; `manifest.json.sig` stays for feeds that do not have it.
 */
export async function signatureFileFor(manifest: Uint8Array<ArrayBuffer>): Promise<string> {
  return `manifest.${await sha256Hex(manifest)}.sig`;
}
