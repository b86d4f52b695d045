// Server-only: performs network requests and file I/O. Import from route handlers, the CLI and tests only.
//
// The package-index client: one instance per analysis. It asks the configured simple repository for
// project pages (PEP 503/691), answers from an RFC 9111 cache when it can, bounds its own load on
// the index (concurrency, project count, time, size), and returns every failure as a value.

import { conditionalHeaders, isFresh, isStorable, mergeNotModifiedHeaders, parseCacheControl } from "./cache-control";
import { fetchPage, type PageResponse } from "./fetch-page";
import { DiskCacheStore, processMemoryCache, type CachedResponse, type HttpCacheStore } from "./http-cache-store";
import { isUnderIndexRoot, parseIndexRoot, projectPageUrl, type IndexRoot } from "./index-url";
import { parseProjectPage, SIMPLE_API_ACCEPT } from "./page-format";
import type { ParsedPage } from "./page-common";
import { isValidProjectName, normalizeProjectName } from "./project-name";
import { Semaphore } from "./semaphore";
import type { IndexClient, IndexClientOptions, IndexClientStats, ProjectFailureReason, ProjectPage, ProjectResult } from "./types";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_CONCURRENCY = 8;
export const DEFAULT_MAX_PROJECTS = 500;
export const DEFAULT_RETRIES = 2;
export const DEFAULT_RETRY_DELAY_MS = 250;

// PyPI's largest project pages are a few MB of JSON; 20 MB leaves room for any real project while
// keeping one hostile or broken index from filling the server's memory.
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

// Overloaded or briefly failing indexes and proxies answer with these; a later attempt can succeed.
// Anything else (401, 403, 501…) will answer the same way again.
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
// A Retry-After longer than this is not waited for: the analysis would stall for everyone.
const MAX_RETRY_AFTER_MS = 5_000;

const USER_AGENT = "basewise (simple repository client; +https://peps.python.org/pep-0691/)";

export function createIndexClient(options: IndexClientOptions): IndexClient {
  const index = parseIndexRoot(options.indexUrl);
  const timeoutMs = positiveOr(options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const maxProjects = Math.max(0, Math.floor(options.maxProjects ?? DEFAULT_MAX_PROJECTS));
  const retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
  const retryDelayMs = Math.max(0, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS);
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  const store: HttpCacheStore = options.cacheDir ? new DiskCacheStore(options.cacheDir) : processMemoryCache;
  const semaphore = new Semaphore(Math.max(1, Math.floor(positiveOr(options.maxConcurrency, DEFAULT_MAX_CONCURRENCY))));
  // Keyed by normalised name: "Django" and "django" are one project, one request, one answer.
  const results = new Map<string, Promise<ProjectResult>>();
  const counters: IndexClientStats = { requests: 0, cacheHits: 0, revalidated: 0, projectsRequested: 0 };

  function getProject(name: string): Promise<ProjectResult> {
    if (typeof name !== "string" || !isValidProjectName(name)) {
      return Promise.resolve(failure("not-found", `${JSON.stringify(String(name).slice(0, 100))} is not a valid project name`));
    }
    const key = normalizeProjectName(name);
    const known = results.get(key);
    if (known) return known;
    if (results.size >= maxProjects) {
      return Promise.resolve(failure("too-many-projects", `${name} was not looked up: one analysis may ask the package index for at most ${maxProjects} projects`));
    }
    counters.projectsRequested++;
    const pending = loadProject(name).catch((error: unknown) => failure("index-error", `index error: unexpected failure while reading ${name} (${String(error)})`));
    results.set(key, pending);
    return pending;
  }

  async function loadProject(name: string): Promise<ProjectResult> {
    if (!index.ok) return failure("index-error", `index error: ${index.message}`);
    const url = projectPageUrl(index.index, name);
    // Valid names cannot escape the root, but the guarantee is cheap to check where it matters.
    if (!isUnderIndexRoot(index.index, url)) return failure("not-found", `${name} is not a valid project name`);

    let cached = await store.get(url.href).catch(() => null);
    if (cached && isFresh(cached, now())) {
      const parsed = parseProjectPage(cached.body, cached.headers["content-type"] ?? null, cached.finalUrl, name);
      if (parsed.ok) {
        counters.cacheHits++;
        return success(parsed.page, "cache");
      }
      cached = null; // stored before a format change, say: a miss like any other
    }

    const headers: Record<string, string> = { accept: SIMPLE_API_ACCEPT, "user-agent": USER_AGENT };
    if (index.index.authorization) headers.authorization = index.index.authorization;
    if (cached) Object.assign(headers, conditionalHeaders(cached.headers));

    for (let attempt = 0; ; attempt++) {
      const requestTime = now();
      const response = await semaphore.run(() =>
        fetchPage({
          url,
          headers,
          timeoutMs,
          maxBodyBytes: MAX_PAGE_BYTES,
          fetchImpl,
          mayFollow: (target) => isUnderIndexRoot(index.index, target),
          onRequest: () => counters.requests++,
        }),
      );
      const responseTime = now();
      const outcome = await interpret(response, { name, url, cached, requestTime, responseTime, index: index.index });
      if (outcome.retryAfterMs === undefined || attempt >= retries) return outcome.result;
      await sleep(Math.max(outcome.retryAfterMs, backoffMs(retryDelayMs, attempt)));
    }
  }

  interface Exchange {
    name: string;
    url: URL;
    cached: CachedResponse | null;
    requestTime: number;
    responseTime: number;
    index: IndexRoot;
  }

  /** What one response means; retryAfterMs is set when another attempt could succeed. */
  async function interpret(response: PageResponse, exchange: Exchange): Promise<{ result: ProjectResult; retryAfterMs?: number }> {
    const { name } = exchange;
    switch (response.kind) {
      case "timeout":
        // Not retried: a hung index would otherwise hold the analysis for (retries + 1) × timeout.
        return { result: failure("timeout", `timeout: the package index did not answer within ${formatDuration(timeoutMs)} for ${name}`) };
      case "network-error":
        return { result: failure("index-error", `index error: could not reach the package index for ${name} (${response.detail})`), retryAfterMs: 0 };
      case "too-large":
        return { result: failure("malformed", `malformed: the package index's page for ${name} is larger than ${MAX_PAGE_BYTES / (1024 * 1024)} MB`) };
      case "redirect-refused":
        return { result: failure("index-error", `index error: the package index redirected ${name} to ${response.location}, outside ${exchange.index.display}; not followed`) };
      case "too-many-redirects":
        return { result: failure("index-error", `index error: the package index redirected ${name} too many times`) };
      case "ok":
        break;
    }

    const { status } = response;
    if (status === 200) return { result: await acceptPage(response, exchange) };
    if (status === 304) return { result: await acceptNotModified(response.headers, exchange) };
    // PEP 503 leaves "no such project" to 404; some indexes say 410 for projects that were deleted.
    if (status === 404 || status === 410) return { result: failure("not-found", `${name} was not found on the package index (HTTP ${status})`) };
    const message = `index error: HTTP ${status} from the package index for ${name}${statusHint(status)}`;
    if (RETRYABLE_STATUSES.has(status)) return { result: failure("index-error", message), retryAfterMs: retryAfterMs(response.headers["retry-after"]) };
    return { result: failure("index-error", message) };
  }

  async function acceptPage(response: Extract<PageResponse, { kind: "ok" }>, exchange: Exchange): Promise<ProjectResult> {
    const parsed = parseProjectPage(response.body, response.headers["content-type"] ?? null, response.finalUrl, exchange.name);
    if (!parsed.ok) return failure("malformed", `malformed: the package index's page for ${exchange.name} could not be read: ${parsed.message}`);
    const entry: CachedResponse = {
      url: exchange.url.href,
      finalUrl: response.finalUrl,
      headers: response.headers,
      body: response.body,
      requestTime: exchange.requestTime,
      responseTime: exchange.responseTime,
    };
    // Only pages that parsed are stored, so a cache hit never has to fail.
    if (isStorable(200, response.headers)) await store.put(entry);
    else if (exchange.cached) await store.delete(entry.url);
    return success(parsed.page, "network");
  }

  /** RFC 9111 §4.3.3–4.3.4: a 304 confirms the stored body and refreshes the stored headers. */
  async function acceptNotModified(headers: Record<string, string>, exchange: Exchange): Promise<ProjectResult> {
    const { cached } = exchange;
    if (!cached) return failure("index-error", `index error: the package index answered 304 Not Modified for ${exchange.name} to a request that was not conditional`);
    const refreshed: CachedResponse = {
      ...cached,
      headers: mergeNotModifiedHeaders(cached.headers, headers),
      requestTime: exchange.requestTime,
      responseTime: exchange.responseTime,
    };
    const parsed = parseProjectPage(refreshed.body, refreshed.headers["content-type"] ?? null, refreshed.finalUrl, exchange.name);
    if (!parsed.ok) return failure("malformed", `malformed: the cached page for ${exchange.name} could not be read: ${parsed.message}`);
    if (parseCacheControl(refreshed.headers["cache-control"]).values.has("no-store")) await store.delete(refreshed.url);
    else await store.put(refreshed);
    counters.revalidated++;
    return success(parsed.page, "revalidated");
  }

  return { getProject, stats: () => ({ ...counters }) };
}

function success(page: ParsedPage, fetchedFrom: ProjectPage["fetchedFrom"]): ProjectResult {
  return { ok: true, page: { ...page, fetchedFrom } };
}

function failure(reason: ProjectFailureReason, message: string): ProjectResult {
  return { ok: false, reason, message };
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return " (the index refused access; check the credentials in its URL)";
  if (status === 429) return " (the index is rate-limiting requests)";
  return "";
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP date; capped, and 0 when absent or unreadable. */
function retryAfterMs(header: string | undefined): number {
  if (!header) return 0;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - Date.now();
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : 0;
}

/** Exponential, with jitter so many clients that failed together do not retry together. */
function backoffMs(baseMs: number, attempt: number): number {
  return baseMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
