// The values the package-index client hands out. Plain data: they travel into reports unchanged.

import type { HostConcurrencyLimits } from "./host-limits";

/** One distribution file as a simple repository page lists it (PEP 503 / PEP 691 / PEP 700). */
export interface IndexFile {
  filename: string;
  /** Absolute, resolved against the page URL; any `#<hash>=<value>` fragment moved into `hashes`. */
  url: string;
  /** Hash name → hex digest (PEP 691 `hashes`, or the PEP 503 URL fragment). */
  hashes: Record<string, string>;
  requiresPython: string | null;
  /** PEP 592: false, or the reason ("" when the index gave none). */
  yanked: false | string;
  /** PEP 700 `size` in bytes (JSON pages only). */
  size: number | null;
  /** PEP 700 `upload-time`, ISO 8601 (JSON pages only). */
  uploadTime: string | null;
  /**
   * PEP 658/714: whether `<url>.metadata` serves the file's core metadata. true, or the metadata
   * file's hashes (possibly `{}`: available, hashes not given). false when not available.
   */
  coreMetadata: false | true | Record<string, string>;
}

/**
 * Pages and metadata are shared by every analysis in the process (lib/index/parsed-cache.ts) and are
 * frozen: to change one (as-of.ts filtering files), build a new object.
 */
export interface ProjectPage {
  /** The project name as the index spells it (PEP 691 `name`, or the HTML page title). */
  name: string;
  files: IndexFile[];
  /** PEP 700 `versions` when the index sent it (api-version 1.1+); null otherwise. */
  versions: string[] | null;
  /** PEP 629 repository version: JSON `meta.api-version` or the HTML `pypi:repository-version` meta tag. */
  apiVersion: string | null;
  /** Where this answer came from: a full download, a fresh cache entry, or a cache entry confirmed by a 304. */
  fetchedFrom: "network" | "cache" | "revalidated";
}

export type ProjectFailureReason = "not-found" | "index-error" | "timeout" | "malformed" | "too-many-projects";

export type ProjectResult =
  | { ok: true; page: ProjectPage }
  | { ok: false; reason: ProjectFailureReason; message: string };

/** What the resolver needs from a file's core metadata (METADATA / PKG-INFO, metadata versions 1.0–2.4). */
export interface FileMetadata {
  /** As the metadata spells it; checked to be the project's name (PEP 503 normalised). */
  name: string;
  /** As the metadata spells it; checked to equal the file's version (PEP 440). */
  version: string;
  /** Requires-Dist lines as written: PEP 508 requirements, markers included. */
  requiresDist: string[];
  requiresPython: string | null;
  providesExtra: string[];
}

/**
 * unavailable: the index offers no metadata for the file (say so: the dependencies are unknown);
 * hash-mismatch: a PEP 658 file did not match the digest its page gave (never used).
 */
export type MetadataFailureReason = "unavailable" | "index-error" | "timeout" | "malformed" | "hash-mismatch";

export type MetadataResult =
  /** pep658: the file's own metadata; json-api: PyPI's per-release JSON (the release's first upload, not necessarily this file). */
  | { ok: true; metadata: FileMetadata; source: "pep658" | "json-api" }
  | { ok: false; reason: MetadataFailureReason; message: string };

/** An sdist's [build-system], read from the pyproject.toml inside it (only when fetching sdists is allowed). */
export type SdistBuildSystemResult =
  | { ok: true; buildSystem: { declared: boolean; requires: string[] | null; backend: string | null } }
  | { ok: false; reason: "disabled" | "not-an-sdist" | MetadataFailureReason; message: string };

export interface IndexClientOptions {
  /** Simple repository root, e.g. https://pypi.org/simple/ (trailing slash optional). Server configuration only. */
  indexUrl: string;
  /** Directory for the on-disk HTTP cache; null or omitted keeps the cache in this process's memory only. */
  cacheDir?: string | null;
  /** The on-disk cache's size cap in bytes (least recently used entries go first). Default: BASEWISE_CACHE_MAX_MB, else 1 GiB. */
  cacheMaxBytes?: number;
  /**
   * The Accept header for project pages. Default: PEP 691 JSON first, HTML as fallback (what pip
   * sends). "text/html" reads the index as a PEP 503-only client would; the tests compare both forms.
   */
  pageAccept?: string;
  /** Bound on one request, from sending it to the last byte of the body. Default 10 000. */
  timeoutMs?: number;
  /** Requests in flight at once, per client. Default 16. */
  maxConcurrency?: number;
  /** Distinct projects one client (one analysis) may ask for. Default 500. */
  maxProjects?: number;
  /** Extra attempts after a 5xx, 429 or connection failure (and a timeout, with retryTimeouts). Default 2. 4xx are never retried. */
  retries?: number;
  /** First back-off delay; doubled per attempt, with ±25 % jitter. Default 250. */
  retryDelayMs?: number;
  /** Retry requests that timed out, while the deadline leaves time to. Default false. */
  retryTimeouts?: boolean;
  /**
   * The whole analysis's budget, from the client's creation. Once spent, queued and in-flight
   * requests end and new ones are not sent: each fails as "timeout" (fresh cache entries are still
   * served). Default 30 000; null or Infinity for none (a long-lived client in a test suite, say).
   */
  deadlineMs?: number | null;
  /**
   * Download sdists (only files the index lists, checked against its digests, at most 50 MB) to read
   * their build requirements from pyproject.toml. Default false: the curated table is used instead.
   */
  fetchSdists?: boolean;
  /** Per-host limits shared with other clients. Default: the process-wide ones (16 per host). */
  hostLimits?: HostConcurrencyLimits;
  fetchImpl?: typeof fetch;
  /** Clock for cache freshness, in milliseconds since the epoch. Default Date.now. */
  now?: () => number;
}

export interface IndexClientStats {
  /** HTTP requests sent (pages, metadata files, JSON API), including retries and conditional requests. */
  requests: number;
  /** Answers served from a fresh cache entry without any request. */
  cacheHits: number;
  /** Answers served from the cache after a 304 Not Modified. */
  revalidated: number;
  /** Distinct valid project names asked for. */
  projectsRequested: number;
}

export interface IndexClient {
  getProject(name: string): Promise<ProjectResult>;
  /**
   * A file's dependencies without downloading it: PEP 658/714 `<file-url>.metadata` when the page
   * offers it, else PyPI's JSON API beside a `/simple/` root. `file` only identifies the file: it
   * must be one this index lists for `project` (the page is fetched if this client has not yet),
   * and only the listed entry's URL and digests are used.
   */
  getCoreMetadata(project: string, file: IndexFile): Promise<MetadataResult>;
  /** An sdist's [build-system] (PEP 518), when the client was made with fetchSdists; "disabled" otherwise. */
  getSdistBuildSystem(project: string, file: IndexFile): Promise<SdistBuildSystemResult>;
  stats(): IndexClientStats;
}
