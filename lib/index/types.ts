// The values the package-index client hands out. Plain data: they travel into reports unchanged.

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

export interface IndexClientOptions {
  /** Simple repository root, e.g. https://pypi.org/simple/ (trailing slash optional). Server configuration only. */
  indexUrl: string;
  /** Directory for the on-disk HTTP cache; null or omitted keeps the cache in this process's memory only. */
  cacheDir?: string | null;
  /** Bound on one request, from sending it to the last byte of the body. Default 10 000. */
  timeoutMs?: number;
  /** Requests in flight at once, per client. Default 8. */
  maxConcurrency?: number;
  /** Distinct projects one client (one analysis) may ask for. Default 500. */
  maxProjects?: number;
  /** Extra attempts after a 5xx, 429 or connection failure. Default 2. Timeouts and 4xx are not retried. */
  retries?: number;
  /** First back-off delay; doubled per attempt. Default 250. */
  retryDelayMs?: number;
  fetchImpl?: typeof fetch;
  /** Clock for cache freshness, in milliseconds since the epoch. Default Date.now. */
  now?: () => number;
}

export interface IndexClientStats {
  /** HTTP requests sent, including retries and conditional requests. */
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
  stats(): IndexClientStats;
}
