/**
 * The in-memory figures, measured in Node (the same V8 as Chromium): lookups per key in the packed
 * index against a plain Set of key strings, the memory of each, and the scam-domain check per URL
 * against the list-scanning approach (a URL object built for every list entry, for every URL).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseDomainList } from '../../server/sources/chongluadao';
import { DomainList } from '../../utils/lookup/domain-list';
import { PackedIndex } from '../../utils/lookup/packed-index';
import { random } from '../seeded-random';
import { median } from './results';
import { syntheticKey } from './synthetic-feed';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Median nanoseconds per call over `rounds` passes of `work` across `keys`. */
function nsPerKey(keys: readonly string[], rounds: number, work: (key: string) => boolean): number {
  const samples: number[] = [];
  let hits = 0;
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    for (const key of keys) if (work(key)) hits++;
    samples.push(Number(process.hrtime.bigint() - started) / keys.length);
  }
  if (hits < 0) console.log(hits); // keeps the loop from being optimised away
  return median(samples);
}

export interface MemoryFigures {
  indexNsPerKey: number;
  setNsPerKey: number;
  indexBytesPerMillion: number;
  setBytesPerMillion: number;
}

export function measureIndex(keys: readonly string[]): MemoryFigures {
  const before = heapUsed();
  const set = new Set(keys.map((key) => `${key}`)); // own copies, as a store would hold
  const setBytes = heapUsed() - before;
  const index = PackedIndex.empty().withChanges(
    [],
    keys.map((key, i) => ({ key, chunk: i >>> 8 })),
  );
  // Half present, half absent, in random order: a page's keys are mostly misses.
  const next = random(7);
  const probe: string[] = [];
  for (let i = 0; i < 100_000; i++) {
    probe.push(i % 2 ? (keys[Math.floor(next() * keys.length)] as string) : syntheticKey(next));
  }
  // Keys reach the background through a runtime message: flat strings, as JSON gives them.
  const received: string[] = JSON.parse(JSON.stringify(probe));
  const indexNs = nsPerKey(received, 15, (key) => index.has(key));
  const setNs = nsPerKey(received, 15, (key) => set.has(key));
  const perMillion = 1_000_000 / keys.length;
  return {
    indexNsPerKey: indexNs,
    setNsPerKey: setNs,
    indexBytesPerMillion: index.bytes * perMillion,
    setBytesPerMillion: setBytes * perMillion,
  };
}

export interface DomainFigures {
  listSize: number;
  usPerUrl: number;
  scanningUsPerUrl: number;
}

export function measureDomainCheck(): DomainFigures {
  const file = path.resolve(
    import.meta.dirname,
    '../../server/data/chongluadao/vn-badsite-filter-domains.txt',
  );
  const { domains } = parseDomainList(readFileSync(file, 'utf8'));
  const list = new DomainList(domains);
  const next = random(11);
  const urls: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const listed = domains[Math.floor(next() * domains.length)] as string;
    urls.push(
      i % 4 === 0
        ? `https://www.${listed}/dang-nhap?next=%2Fcart`
        : `https://shopee.vn/product-${i}-i.${1000 + i}.${2000 + i}?sp_atk=abc&xptdk=def`,
    );
  }
  const samples: number[] = [];
  for (let round = 0; round < 15; round++) {
    const started = process.hrtime.bigint();
    for (const url of urls) list.match(url);
    samples.push(Number(process.hrtime.bigint() - started) / urls.length / 1000);
  }
  // The scanning approach, on a few URLs (it is slow): every entry becomes a URL object.
  const scanning: number[] = [];
  for (const url of urls.slice(0, 20)) {
    const started = process.hrtime.bigint();
    const host = new URL(url).hostname;
    domains.some((domain) => {
      const entry = new URL(`https://${domain}`).hostname;
      return host === entry || host.endsWith(`.${entry}`);
    });
    scanning.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  return { listSize: list.size, usPerUrl: median(samples), scanningUsPerUrl: median(scanning) };
}
