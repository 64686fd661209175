/** SHA-256 in hex, the one digest the registry names things by (report bodies, tokens, files). */
import { createHash } from 'node:crypto';

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');
