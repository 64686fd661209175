import {
  buildBlockedSnapshot,
  buildFile,
  buildManifest,
  diffRecords,
  signManifest,
  sortRecords,
} from '../../server/publish/feed-builder';
import { keyIdOf, publicKeyOf, signatureFileFor } from '../../utils/feed-format/signature';
import type { FlagRecord } from '../../utils/protocol/records';
import { privateKey } from './test-keys';

export { privateKey, publicKey } from './test-keys';

export const BASE = 'https://feed.example/v1/';
export const MANIFEST = `${BASE}manifest.json`;
export const FEED_NOW = new Date('2026-11-28T12:00:00Z');
const now = FEED_NOW;

export class MemoryFeed {
  files = new Map<string, Uint8Array>();
  /** Where this feed lives, and its manifest's address. */
  readonly base: string;
  readonly manifestUrl: string;
  /** The feed's name in its identity (the key id comes from the signing key). */
  readonly name: string;
  sequence = 0;
  deltas: Parameters<typeof buildManifest>[0]['deltas'] = [];
  previous: FlagRecord[] | null = null;
  /** One gzip member for the whole snapshot instead of blocks (publishers other than ours). */
  plain = false;
  /**
   * Whether the manifest says the feed stands in for the shipped data (`replacesShipped`): test
   * feeds hold a few records, far fewer than the shipped snapshot, and say so unless told not to.
   */
  readonly replacesShipped: boolean;

  constructor(options: { base?: string; name?: string; replacesShipped?: boolean } = {}) {
    this.base = options.base ?? BASE;
    this.manifestUrl = `${this.base}manifest.json`;
    this.name = options.name ?? 'test-feed';
    this.replacesShipped = options.replacesShipped ?? true;
  }

  async publish(records: FlagRecord[], patch: Record<string, unknown> = {}, key = privateKey) {
    this.sequence++;
    const sorted = sortRecords(records);
    const name = `snapshot-${this.sequence}.ndjson.gz`;
    const snapshot = this.plain
      ? await buildFile(name, sorted)
      : await buildBlockedSnapshot(name, sorted);
    this.files.set(this.base + snapshot.ref.url, snapshot.bytes);
    if (this.previous) {
      const delta = await buildFile(
        `delta-${this.sequence}.ndjson.gz`,
        diffRecords(this.previous, sorted),
      );
      this.files.set(this.base + delta.ref.url, delta.bytes);
      this.deltas.push({ ...delta.ref, from: this.sequence - 1, to: this.sequence });
    }
    this.previous = sorted;
    const { manifest } = buildManifest({
      sequence: this.sequence,
      publisher: 'Test registry',
      publishedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      snapshot: snapshot.ref,
      deltas: [...this.deltas],
      feed: { keyId: await keyIdOf(await publicKeyOf(key)), name: this.name },
      ...(this.replacesShipped ? { replacesShipped: true } : {}),
    });
    const bytes = new TextEncoder().encode(JSON.stringify({ ...manifest, ...patch }));
    this.files.set(this.manifestUrl, bytes);
    const signature = new TextEncoder().encode(await signManifest(bytes, key));
    this.files.set(`${this.manifestUrl}.sig`, signature);
    this.files.set(new URL(await signatureFileFor(bytes), this.manifestUrl).href, signature);
    return manifest;
  }

  /** Replaces the manifest's signature (both the hash-named file and `manifest.json.sig`). */
  setSignature(text: string): void {
    for (const url of [...this.files.keys()]) {
      if (/\/manifest\.[0-9a-f]{64}\.sig$/.test(url)) this.files.delete(url);
    }
    this.files.set(`${this.manifestUrl}.sig`, new TextEncoder().encode(text));
  }

  fetch: typeof fetch = async (input) => {
    const url = String(input);
    const body = this.files.get(url);
    if (!body) return new Response('not found', { status: 404 });
    const headers: Record<string, string> =
      url === this.manifestUrl ? { ETag: `"${this.name}-${this.sequence}"` } : {};
    return new Response(body as BodyInit, { headers });
  };
}
