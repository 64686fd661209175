/** The background's report service on fake-indexeddb, with a fetch and clock the test controls. */
import { randomUUID } from 'node:crypto';
import { createReportCalls } from '../../entrypoints/background/reports/report-calls';
import { createReportOutbox } from '../../entrypoints/background/reports/report-outbox';
import {
  createReportService,
  type RegistrySetting,
} from '../../entrypoints/background/reports/report-service';
import type { Database } from '../../utils/db/database';
import { createRegistryClient } from '../../utils/outbox/registry-client';
import type { DataCategory } from '../../utils/protocol/runtime/data-collection';

export interface ReportServiceOptions {
  openDb(): Promise<Database>;
  fetch?: typeof fetch;
  now?: () => Date;
  random?: () => number;
  defaultRegistryUrl?: string | null;
  /** Firefox's data consent; granted unless told. */
  maySend?: (categories: readonly DataCategory[]) => Promise<boolean>;
}

/** A fetch that answers nothing: every attempt fails as if offline. */
const offline: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

export function reportService(options: ReportServiceOptions) {
  let chosen: string | null | undefined;
  const registrySetting: RegistrySetting = {
    get: async () => chosen,
    set: async (url) => {
      chosen = url;
    },
  };
  const wakes: Array<Date | null> = [];
  const now = options.now ?? (() => new Date());
  const service = createReportService({
    outbox: createReportOutbox(options.openDb, randomUUID),
    registry: createReportCalls({
      registry: createRegistryClient({ fetch: options.fetch ?? offline }),
      now,
    }),
    registrySetting,
    defaultRegistryUrl:
      options.defaultRegistryUrl === undefined
        ? 'https://registry.test'
        : options.defaultRegistryUrl,
    version: '0.1.0',
    now,
    random: options.random ?? (() => 0.5),
    uuid: randomUUID,
    wakeAt: (at) => wakes.push(at),
    maySend: options.maySend ?? (async () => true),
  });
  return { service, wakes };
}
