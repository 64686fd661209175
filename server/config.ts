/**
 * The registry's configuration, from the environment. Everything has a default, so `npm run server`
 * with nothing set runs the embedded setup: SQLite, key pair and feed under ./data/. A value that
 * cannot work is a ConfigError, which the entry turns into a message and exit code 2.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isPostgresUrl } from './db/dialect';
import { parseTrustedProxies, type TrustedProxies } from './http/client-address';
import { DEFAULT_FEED_NAME, DEFAULT_PUBLISHER_NAME } from './publish/feed-writer';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface RegistryConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  feedDir: string;
  evidenceDir: string;
  /** A private key file the operator provides; null: the generated one in dataDir. */
  publisherKey: string | null;
  publisherName: string;
  feedName: string;
  logLevel: string;
  /** Milliseconds between scheduled publishes; null: publish only on demand. */
  publishEveryMs: number | null;
  /** Reports per minute per install id and per address. */
  reportsPerMinute: number;
  /**
   * The proxies in front (TRUSTED_PROXIES): only behind one of them is X-Forwarded-For read, from
   * the right; null: the socket's address is the client's.
   */
  trustedProxies: TrustedProxies | null;
  /** Origins allowed to send reports; null: any extension origin. */
  corsOrigins: string[] | null;
  /**
   * Distinct networks whose reports within the window publish an unverified `reported` record with
   * no inspector deciding; 0 (the default): never, reports only feed the review queue.
   */
  communityThreshold: number;
  communityWindowDays: number;
  /** Appeals a UTC day about one key, and from one network (counted in the database). */
  appealsPerKeyPerDay: number;
  appealsPerNetworkPerDay: number;
  /** Layout reports a UTC day from one network. */
  layoutReportsPerNetworkPerDay: number;
  /** On a first start with an empty database, import the sources the extension ships. */
  importShippedSources: boolean;
  /** A publish refuses to drop more than this share (percent) of the last feed's records. */
  publishMaxDropPercent: number;
  /** Manifests say the feed stands in for the extension's shipped data (`replacesShipped`). */
  replacesShipped: boolean;
  /**
   * After SIGTERM, how long requests in flight and a publish under way may take before every
   * connection left is closed and the process exits.
   */
  shutdownGraceMs: number;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** "15" or "15m" minutes, "2h" hours, "30s" seconds: in milliseconds. */
function interval(env: Env, name: string): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  const match = /^(\d{1,5})\s*(s|m|h)?$/.exec(raw.trim());
  const amount = Number(match?.[1]);
  if (!match || amount < 1) {
    throw new ConfigError(`${name} must look like 15m or 2h (got "${raw}")`);
  }
  const unit = match[2] === 'h' ? 3_600_000 : match[2] === 's' ? 1000 : 60_000;
  return amount * unit;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'off', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0 (got "${raw}")`);
}

/**
 * TRUST_PROXY=1 took the leftmost X-Forwarded-For hop, which the client writes itself: one client
 * could be any number of addresses. Its meaning cannot be kept, so a configuration naming it stops.
 */
function trustedProxies(env: Env): TrustedProxies | null {
  if (env.TRUST_PROXY !== undefined) {
    throw new ConfigError(
      'TRUST_PROXY is no longer read: it trusted whatever the client wrote in X-Forwarded-For. ' +
        'Set TRUSTED_PROXIES to the addresses or CIDR blocks of your own proxies instead',
    );
  }
  if (!env.TRUSTED_PROXIES?.trim()) return null;
  try {
    return parseTrustedProxies(env.TRUSTED_PROXIES);
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env, cwd = process.cwd()): RegistryConfig {
  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');
  const databaseUrl = env.DATABASE_URL || path.join(dataDir, 'registry.sqlite');
  if (!isPostgresUrl(databaseUrl) && /^[a-z][a-z0-9+.-]*:\/\//i.test(databaseUrl)) {
    throw new ConfigError(
      `DATABASE_URL must be a file path or postgres://… (got "${databaseUrl}")`,
    );
  }
  const publisherKey = env.PUBLISHER_KEY ? path.resolve(cwd, env.PUBLISHER_KEY) : null;
  if (publisherKey && !existsSync(publisherKey)) {
    throw new ConfigError(`PUBLISHER_KEY ${publisherKey} does not exist`);
  }
  // Instances on one PostgreSQL serve one feed: a key each would sign it with different keys.
  if (isPostgresUrl(databaseUrl) && !publisherKey) {
    throw new ConfigError(
      'PUBLISHER_KEY is required with PostgreSQL: every instance must sign the feed with the same ' +
        'key (npm run feed:keygen makes one)',
    );
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const origins = env.CORS_ORIGINS?.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return {
    port: integer(env, 'PORT', 8787, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl: isPostgresUrl(databaseUrl) ? databaseUrl : path.resolve(cwd, databaseUrl),
    feedDir: path.resolve(cwd, env.FEED_DIR || path.join(dataDir, 'feed')),
    evidenceDir: path.resolve(cwd, env.EVIDENCE_DIR || path.join(dataDir, 'evidence')),
    publisherKey,
    publisherName: env.PUBLISHER_NAME || DEFAULT_PUBLISHER_NAME,
    feedName: env.FEED_NAME || DEFAULT_FEED_NAME,
    logLevel,
    publishEveryMs: interval(env, 'PUBLISH_EVERY'),
    reportsPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000_000),
    trustedProxies: trustedProxies(env),
    corsOrigins: origins && origins.length > 0 ? origins : null,
    communityThreshold: integer(env, 'COMMUNITY_THRESHOLD', 0, 0, 1_000_000),
    communityWindowDays: integer(env, 'COMMUNITY_WINDOW_DAYS', 30, 1, 3650),
    appealsPerKeyPerDay: integer(env, 'APPEALS_PER_KEY_PER_DAY', 3, 1, 1_000_000),
    appealsPerNetworkPerDay: integer(env, 'APPEALS_PER_NETWORK_PER_DAY', 10, 1, 1_000_000),
    layoutReportsPerNetworkPerDay: integer(
      env,
      'LAYOUT_REPORTS_PER_NETWORK_PER_DAY',
      20,
      1,
      1_000_000,
    ),
    importShippedSources: flag(env, 'IMPORT_SHIPPED_SOURCES', true),
    publishMaxDropPercent: integer(env, 'PUBLISH_MAX_DROP', 20, 0, 100),
    replacesShipped: flag(env, 'FEED_REPLACES_SHIPPED', false),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
  };
}
