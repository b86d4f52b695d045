import "server-only";

// Server-only: process-wide state shared by every index client in this process (one per worker
// thread, since threads share no objects).
//
// The HTTP cache keeps bodies; every analysis would still read them from disk and parse them again
// (a JSON project page is up to a few MB, and an analysis asks for hundreds of pages and metadata
// files). This keeps what they parse to, keyed like the HTTP cache (store, URL, Accept) plus what
// the reading depended on, and serves it without I/O or parsing while the response it came from
// is fresh (RFC 9111 §4.2, the same rules as the HTTP cache). A stale one is never served: the
// request goes the normal way (conditional request, 304 or a new body) and the result replaces it.
//
// Values are shared by every analysis, so they are frozen when stored: a caller that wants a
// different page (as-of.ts) builds a new object.

import type { ResponseTiming } from "./cache-control";
import { forgetProcessHttpCaches, type HttpCacheStore } from "./http-cache-store";

export interface ParsedEntry {
  value: unknown;
  /** The response's headers and timing, for freshness. */
  timing: ResponseTiming;
  /** Selecting headers recorded for Vary (see vary.ts). */
  varying: Readonly<Record<string, string>>;
  /** Pinned by a digest (PEP 658 metadata with hashes): usable whatever its age. */
  contentAddressed: boolean;
  /** Approximate heap size: what the byte budget counts. */
  bytes: number;
}

// Parsed objects take more heap than the bytes they came from (an object and several strings per
// file entry). Measured with `node --expose-gc` (heapUsed before and after, against snapshot-index):
// numpy's JSON page, 1.15 MB, parses to 1.73 MB of heap (1.5×), boto3's 0.74 MB to 1.27 MB (1.7×),
// six's 8.7 KB to 17.5 KB (2.0×); a 644-byte METADATA to 1.5 KB. 2× the body plus a fixed 1 KB
// covers all of them.
const HEAP_BYTES_PER_BODY_BYTE = 2;
const ENTRY_OVERHEAD_BYTES = 1024;

export function parsedBytes(bodyBytes: number): number {
  return bodyBytes * HEAP_BYTES_PER_BODY_BYTE + ENTRY_OVERHEAD_BYTES;
}

// One analysis of 40 requirements × 12 images reads 97 pages and 247 metadata files, ~29 MB by the
// estimate above (bench/index-cold-warm.ts against the snapshot); 20 000 entries and 256 MB hold
// several such analyses' distinct projects while bounding a long-running server's memory.
export const DEFAULT_PARSED_MAX_ENTRIES = 20_000;
export const DEFAULT_PARSED_MAX_BYTES = 256 * 1024 * 1024;

/** Least recently used first out, once either bound is passed. */
export class ParsedResultCache {
  private readonly entries = new Map<string, ParsedEntry>();
  private bytes = 0;
  /** What the cache has done, for benchmarks and tests. */
  readonly counters = { hits: 0, stored: 0, evicted: 0 };

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(key: string): ParsedEntry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: ParsedEntry): void {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return;
    deepFreeze(entry.value);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.counters.stored++;
    for (const [oldKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldKey);
      this.bytes -= oldest.bytes;
      this.counters.evicted++;
    }
  }

  delete(key: string): void {
    const existing = this.entries.get(key);
    if (!existing) return;
    this.entries.delete(key);
    this.bytes -= existing.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

export const processParsedCache = new ParsedResultCache(DEFAULT_PARSED_MAX_ENTRIES, DEFAULT_PARSED_MAX_BYTES);

/** Benchmarks and tests: start over as a new process would (disk cache entries stay). */
export function forgetInProcessIndexCaches(): void {
  processParsedCache.clear();
  forgetProcessHttpCaches();
}

// A parsed value belongs to the store its response is in: a new cache directory (a benchmark's
// cold run, a test's temp dir) starts without the old one's parsed values.
const storeIds = new WeakMap<HttpCacheStore, number>();
let nextStoreId = 1;

export function parsedCacheKey(store: HttpCacheStore, url: string, accept: string, readKey: string): string {
  let id = storeIds.get(store);
  if (id === undefined) {
    id = nextStoreId++;
    storeIds.set(store, id);
  }
  return `${id}\n${accept}\n${url}\n${readKey}`;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
