// Server-only: reads and writes the cache directory. Import from route handlers, the CLI and tests only.
//
// Where cached simple-API responses live: on disk (shared by every analysis and process using the
// directory, like pip's and uv's caches), or in this process's memory when no directory is set.

import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StoredHeaders } from "./cache-control";

export interface CachedResponse {
  /** The request URL: the cache key. */
  url: string;
  /** The URL the body finally came from (after redirects); relative links resolve against it. */
  finalUrl: string;
  /** Response headers, names in lower case. */
  headers: StoredHeaders;
  body: Uint8Array;
  requestTime: number;
  responseTime: number;
}

export interface HttpCacheStore {
  get(url: string): Promise<CachedResponse | null>;
  put(entry: CachedResponse): Promise<void>;
  delete(url: string): Promise<void>;
}

// One file per URL: a first line naming the format, a JSON line of metadata, then the body bytes.
// A single file renamed into place means a reader sees a whole entry or none (a crash mid-write
// leaves only a temp file), and the body's length and digest catch anything else.
const FORMAT_LINE = "basewise-http-cache 1\n";

interface EntryMetadata {
  url: string;
  finalUrl: string;
  headers: StoredHeaders;
  requestTime: number;
  responseTime: number;
  bodyLength: number;
  bodySha256: string;
}

export class DiskCacheStore implements HttpCacheStore {
  private readonly directory: string;

  constructor(cacheDir: string) {
    this.directory = path.join(cacheDir, "simple-pages");
  }

  /** Named by the SHA-256 of the URL: fixed length, filesystem-safe, and no credentials or names leak into paths. */
  fileFor(url: string): string {
    return path.join(this.directory, `${sha256Hex(url)}.entry`);
  }

  async get(url: string): Promise<CachedResponse | null> {
    const file = this.fileFor(url);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return null;
    }
    const entry = decodeEntry(bytes, url);
    // A corrupt entry is a miss; removing it stops it being read (and rejected) again.
    if (!entry) await rm(file, { force: true }).catch(() => undefined);
    return entry;
  }

  async put(entry: CachedResponse): Promise<void> {
    const file = this.fileFor(entry.url);
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await mkdir(this.directory, { recursive: true });
      await writeFile(temporary, encodeEntry(entry));
      await rename(temporary, file);
    } catch {
      // The cache only saves time: a read-only or full disk must not fail the analysis.
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  async delete(url: string): Promise<void> {
    await rm(this.fileFor(url), { force: true }).catch(() => undefined);
  }
}

function encodeEntry(entry: CachedResponse): Buffer {
  const metadata: EntryMetadata = {
    url: entry.url,
    finalUrl: entry.finalUrl,
    headers: entry.headers,
    requestTime: entry.requestTime,
    responseTime: entry.responseTime,
    bodyLength: entry.body.byteLength,
    bodySha256: sha256Hex(entry.body),
  };
  return Buffer.concat([Buffer.from(FORMAT_LINE + JSON.stringify(metadata) + "\n", "utf8"), entry.body]);
}

function decodeEntry(bytes: Buffer, url: string): CachedResponse | null {
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
  if (!isEntryMetadata(metadata) || metadata.url !== url) return null;
  const body = bytes.subarray(newline + 1);
  if (body.byteLength !== metadata.bodyLength || sha256Hex(body) !== metadata.bodySha256) return null;
  return {
    url: metadata.url,
    finalUrl: metadata.finalUrl,
    headers: metadata.headers,
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
    typeof v.finalUrl === "string" &&
    typeof v.requestTime === "number" &&
    typeof v.responseTime === "number" &&
    typeof v.bodyLength === "number" &&
    typeof v.bodySha256 === "string" &&
    v.headers !== null &&
    typeof v.headers === "object" &&
    Object.values(v.headers as object).every((header) => typeof header === "string")
  );
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Least-recently-used entries go first once the bodies exceed the byte budget. */
export class MemoryCacheStore implements HttpCacheStore {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  async get(url: string): Promise<CachedResponse | null> {
    const entry = this.entries.get(url);
    if (!entry) return null;
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(url);
    this.entries.set(url, entry);
    return entry;
  }

  async put(entry: CachedResponse): Promise<void> {
    await this.delete(entry.url);
    if (entry.body.byteLength > this.maxBytes) return;
    this.entries.set(entry.url, entry);
    this.bytes += entry.body.byteLength;
    for (const [url, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(url);
      this.bytes -= oldest.body.byteLength;
    }
  }

  async delete(url: string): Promise<void> {
    const existing = this.entries.get(url);
    if (!existing) return;
    this.entries.delete(url);
    this.bytes -= existing.body.byteLength;
  }
}

// With no cache directory, clients in one server process share this, so a page fetched for one
// analysis serves the next within its max-age. 64 MB holds a few hundred typical project pages.
const PROCESS_MEMORY_CACHE_BYTES = 64 * 1024 * 1024;
export const processMemoryCache: HttpCacheStore = new MemoryCacheStore(PROCESS_MEMORY_CACHE_BYTES);
