import "server-only";

// Server-only: reads and writes the cache directory. Import from route handlers, the CLI and tests only.
//
// Where cached simple-API responses live: on disk (shared by every analysis and process using the
// directory, like pip's and uv's caches), or in this process's memory when no directory is set.

import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StoredHeaders } from "./cache-control";

/**
 * What a stored response answers: a URL asked for with one Accept value. PEP 691 serves JSON or
 * HTML at the same URL by Accept, so both variants are stored side by side (see vary.ts).
 */
export interface CacheKey {
  url: string;
  accept: string;
}

export interface CachedResponse extends CacheKey {
  /** The URL the body finally came from (after redirects); relative links resolve against it. */
  finalUrl: string;
  /** Response headers, names in lower case. */
  headers: StoredHeaders;
  /** The request headers its Vary names, as recorded by vary.ts selectingHeaders (credentials as digests). */
  varying: Record<string, string>;
  body: Uint8Array;
  requestTime: number;
  responseTime: number;
}

export interface HttpCacheStore {
  get(key: CacheKey): Promise<CachedResponse | null>;
  put(entry: CachedResponse): Promise<void>;
  delete(key: CacheKey): Promise<void>;
}

// One file per (URL, Accept): a first line naming the format, a JSON line of metadata, then the
// body bytes. A single file renamed into place means a reader sees a whole entry or none (a crash
// mid-write leaves only a temp file), and the body's length and digest catch anything else.
// Version 2 added Accept to the key and the Vary selecting headers; version 1 files are never
// looked up again (their names hash the URL alone) and age out through eviction.
const FORMAT_LINE = "basewise-http-cache 2\n";

interface EntryMetadata {
  url: string;
  accept: string;
  finalUrl: string;
  headers: StoredHeaders;
  varying: Record<string, string>;
  requestTime: number;
  responseTime: number;
  bodyLength: number;
  bodySha256: string;
}

export interface DiskCacheLimits {
  /** The directory's size cap; least recently used entries are removed beyond it. */
  maxBytes: number;
  /** Puts between two scans of the directory (other processes' writes are seen at scans only). Default 200. */
  scanEveryPuts?: number;
  /** Clock for recency and for telling an abandoned temp file from one being written. Default Date.now. */
  now?: () => number;
}

// A scan that finds the directory over its cap removes entries down to this fraction of it, so the
// next eviction waits for a tenth of the cap to be written again instead of running on every put.
const EVICT_DOWN_TO = 0.9;
const DEFAULT_SCAN_EVERY_PUTS = 200;
// A temp file is written and renamed within one put (milliseconds even for a 20 MB page); one this
// old was left by a process that died mid-write. Younger ones may be in flight and are never touched.
const ABANDONED_TEMP_MS = 60 * 60_000;
// stat() calls in flight during a scan: enough to hide latency, few enough not to starve requests.
const SCAN_PARALLELISM = 32;

/** What this process's disk caches have done, for benchmarks and tests. */
export const diskCacheCounters = { reads: 0, hits: 0, writes: 0, scans: 0, evicted: 0 };

export class DiskCacheStore implements HttpCacheStore {
  private readonly directory: string;
  private readonly maxBytes: number;
  private readonly scanEveryPuts: number;
  private readonly now: () => number;
  /** The directory's size as of the last scan, plus what this store wrote since; null before the first scan. */
  private knownBytes: number | null = null;
  private putsSinceScan = 0;
  // mkdir once per store, not per put (a cold analysis writes hundreds of entries); a write that
  // finds the directory gone makes it again.
  private directoryMade = false;
  /** Above this estimate a scan runs before scanEveryPuts is reached. */
  private scanAboveBytes: number;
  private scanning: Promise<void> | null = null;

  constructor(cacheDir: string, limits: DiskCacheLimits = { maxBytes: Number.POSITIVE_INFINITY }) {
    this.directory = path.join(cacheDir, "simple-pages");
    this.maxBytes = limits.maxBytes > 0 ? limits.maxBytes : Number.POSITIVE_INFINITY;
    this.scanEveryPuts = Math.max(1, Math.floor(limits.scanEveryPuts ?? DEFAULT_SCAN_EVERY_PUTS));
    this.now = limits.now ?? Date.now;
    this.scanAboveBytes = this.maxBytes;
  }

  /** Named by the SHA-256 of Accept and URL: fixed length, filesystem-safe, and no credentials or names leak into paths. */
  fileFor(key: CacheKey): string {
    return path.join(this.directory, `${sha256Hex(`${key.accept}\n${key.url}`)}.entry`);
  }

  async get(key: CacheKey): Promise<CachedResponse | null> {
    const file = this.fileFor(key);
    diskCacheCounters.reads++;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return null;
    }
    const entry = decodeEntry(bytes, key);
    // A corrupt entry is a miss; removing it stops it being read (and rejected) again.
    if (!entry) {
      await rm(file, { force: true }).catch(() => undefined);
      return null;
    }
    diskCacheCounters.hits++;
    // Recency for eviction is the file's mtime, set here on every use: atime cannot be relied on
    // (noatime and relatime mounts). A file evicted meanwhile makes this fail, which is harmless.
    const now = new Date(this.now());
    utimes(file, now, now).catch(() => undefined);
    return entry;
  }

  async put(entry: CachedResponse): Promise<void> {
    const file = this.fileFor(entry);
    const encoded = encodeEntry(entry);
    if (encoded.byteLength > this.maxBytes) {
      // Larger than the whole cache: not kept, and an older variant must not outlive its replacement.
      await this.delete(entry);
      return;
    }
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      if (!this.directoryMade) {
        await mkdir(this.directory, { recursive: true });
        this.directoryMade = true;
      }
      await writeFile(temporary, encoded).catch(async (error: NodeJS.ErrnoException) => {
        // The directory was removed under us (another process emptied the cache): make it again, once.
        if (error.code !== "ENOENT") throw error;
        await mkdir(this.directory, { recursive: true });
        await writeFile(temporary, encoded);
      });
      await rename(temporary, file);
      diskCacheCounters.writes++;
    } catch {
      // The cache only saves time: a read-only or full disk must not fail the analysis.
      await rm(temporary, { force: true }).catch(() => undefined);
      return;
    }
    // Replacing an entry over-counts by the old one's size until the next scan: eviction may come early, never late.
    if (this.knownBytes !== null) this.knownBytes += encoded.byteLength;
    this.putsSinceScan++;
    if (this.maxBytes === Number.POSITIVE_INFINITY) return;
    if (this.knownBytes === null || this.putsSinceScan >= this.scanEveryPuts || this.knownBytes > this.scanAboveBytes) this.startScan();
  }

  async delete(key: CacheKey): Promise<void> {
    await rm(this.fileFor(key), { force: true }).catch(() => undefined);
  }

  /** Resolves once any eviction scan in progress has finished (scans run beside the puts that start them). */
  async settled(): Promise<void> {
    while (this.scanning) await this.scanning;
  }

  private startScan(): void {
    if (this.scanning) return;
    this.scanning = this.scan()
      .catch(() => undefined)
      .finally(() => {
        this.scanning = null;
      });
  }

  /**
   * One pass over the directory: sizes every entry and, over the cap, removes the least recently
   * used (oldest mtime) down to EVICT_DOWN_TO of it. Other processes may write, read or evict at the
   * same time: a file that vanishes is skipped, temp files (entries being written) are only counted,
   * and removing an entry another process is reading is safe (POSIX keeps an open file readable).
   */
  private async scan(): Promise<void> {
    diskCacheCounters.scans++;
    this.putsSinceScan = 0;
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const now = this.now();
    const entries: { file: string; size: number; mtimeMs: number }[] = [];
    let total = 0;
    for (let i = 0; i < names.length; i += SCAN_PARALLELISM) {
      await Promise.all(
        names.slice(i, i + SCAN_PARALLELISM).map(async (name) => {
          const file = path.join(this.directory, name);
          const info = await stat(file).catch(() => null);
          if (!info?.isFile()) return;
          if (name.endsWith(".entry")) {
            entries.push({ file, size: info.size, mtimeMs: info.mtimeMs });
            total += info.size;
          } else if (name.endsWith(".tmp")) {
            if (now - info.mtimeMs > ABANDONED_TEMP_MS) await rm(file, { force: true }).catch(() => undefined);
            else total += info.size;
          }
        }),
      );
    }
    if (total > this.maxBytes) {
      const target = this.maxBytes * EVICT_DOWN_TO;
      entries.sort((a, b) => a.mtimeMs - b.mtimeMs);
      for (const entry of entries) {
        if (total <= target) break;
        // Gone already (another process evicted it) or not: either way it no longer counts.
        await rm(entry.file, { force: true }).catch(() => undefined);
        total -= entry.size;
        diskCacheCounters.evicted++;
      }
    }
    this.knownBytes = total;
    // If removing failed (a read-only directory), wait for another tenth of the cap before trying again.
    this.scanAboveBytes = Math.max(this.maxBytes, total + this.maxBytes * (1 - EVICT_DOWN_TO));
  }
}

// One store per directory and cap in this process, so its running total covers every client's writes.
const diskStores = new Map<string, DiskCacheStore>();

export function diskCacheStore(cacheDir: string, maxBytes: number): DiskCacheStore {
  const key = `${maxBytes}\n${path.resolve(cacheDir)}`;
  let store = diskStores.get(key);
  if (!store) {
    store = new DiskCacheStore(cacheDir, { maxBytes });
    diskStores.set(key, store);
  }
  return store;
}

function encodeEntry(entry: CachedResponse): Buffer {
  const metadata: EntryMetadata = {
    url: entry.url,
    accept: entry.accept,
    finalUrl: entry.finalUrl,
    headers: entry.headers,
    varying: entry.varying,
    requestTime: entry.requestTime,
    responseTime: entry.responseTime,
    bodyLength: entry.body.byteLength,
    bodySha256: sha256Hex(entry.body),
  };
  return Buffer.concat([Buffer.from(FORMAT_LINE + JSON.stringify(metadata) + "\n", "utf8"), entry.body]);
}

function decodeEntry(bytes: Buffer, key: CacheKey): CachedResponse | null {
  const format = Buffer.from(FORMAT_LINE, "utf8");
  if (bytes.length < format.length || !bytes.subarray(0, format.length).equals(format)) return null;
  const newline = bytes.indexOf(0x0a, format.length);
  if (newline === -1) return null;
  let metadata: EntryMetadata;
  try {
    metadata = JSON.parse(bytes.subarray(format.length, newline).toString("utf8")) as EntryMetadata;
  } catch {
    return null;
  }
  if (!isEntryMetadata(metadata) || metadata.url !== key.url || metadata.accept !== key.accept) return null;
  const body = bytes.subarray(newline + 1);
  if (body.byteLength !== metadata.bodyLength || sha256Hex(body) !== metadata.bodySha256) return null;
  return {
    url: metadata.url,
    accept: metadata.accept,
    finalUrl: metadata.finalUrl,
    headers: metadata.headers,
    varying: metadata.varying,
    body: new Uint8Array(body),
    requestTime: metadata.requestTime,
    responseTime: metadata.responseTime,
  };
}

function isEntryMetadata(value: unknown): value is EntryMetadata {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.url === "string" &&
    typeof v.accept === "string" &&
    typeof v.finalUrl === "string" &&
    typeof v.requestTime === "number" &&
    typeof v.responseTime === "number" &&
    typeof v.bodyLength === "number" &&
    typeof v.bodySha256 === "string" &&
    isStringRecord(v.headers) &&
    isStringRecord(v.varying)
  );
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return value !== null && typeof value === "object" && Object.values(value).every((item) => typeof item === "string");
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

// A stored entry's size beyond its body: headers, URLs and the Map's own bookkeeping (a rough,
// deliberately generous figure, so many small metadata entries cannot slip past the byte budget).
const ENTRY_OVERHEAD_BYTES = 1024;

function memoryKey(key: CacheKey): string {
  return `${key.accept}\n${key.url}`;
}

/** Least-recently-used entries go first once the entries exceed the byte budget. */
export class MemoryCacheStore implements HttpCacheStore {
  private readonly entries = new Map<string, { entry: CachedResponse; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get storedBytes(): number {
    return this.bytes;
  }

  async get(key: CacheKey): Promise<CachedResponse | null> {
    const id = memoryKey(key);
    const stored = this.entries.get(id);
    if (!stored) return null;
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(id);
    this.entries.set(id, stored);
    return stored.entry;
  }

  async put(entry: CachedResponse): Promise<void> {
    await this.delete(entry);
    const bytes = entry.body.byteLength + ENTRY_OVERHEAD_BYTES;
    if (bytes > this.maxBytes) return;
    this.entries.set(memoryKey(entry), { entry, bytes });
    this.bytes += bytes;
    for (const [id, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(id);
      this.bytes -= oldest.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  async delete(key: CacheKey): Promise<void> {
    const id = memoryKey(key);
    const existing = this.entries.get(id);
    if (!existing) return;
    this.entries.delete(id);
    this.bytes -= existing.bytes;
  }
}

// With no cache directory, clients in one server process share this, so a page fetched for one
// analysis serves the next within its max-age. 64 MB holds a few hundred typical project pages.
const PROCESS_MEMORY_CACHE_BYTES = 64 * 1024 * 1024;
export const processMemoryCache = new MemoryCacheStore(PROCESS_MEMORY_CACHE_BYTES);

/**
 * Benchmarks and tests: this process forgets what it holds in memory (the memory HTTP cache, the
 * disk stores' running totals), as a new process would start. Disk entries stay.
 */
export function forgetProcessHttpCaches(): void {
  processMemoryCache.clear();
  diskStores.clear();
}
