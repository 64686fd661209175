/** The test publisher's key pair (tests/keys, public on purpose: the e2e build trusts it). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KEYS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../keys');
const key = (name: string) => readFileSync(path.join(KEYS, name), 'utf8').trim();

export const privateKey = key('test-publisher.private.key');
export const publicKey = key('test-publisher.public.key');
