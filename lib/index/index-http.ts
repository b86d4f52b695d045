// Server-only: performs network requests and cache I/O.
//
// Every request the index client sends goes through here, whatever it asks for (a project page, a
// PEP 658 metadata file, a JSON API document): the RFC 9111 cache first, then the client's and the
// host's concurrency limits, the analysis deadline, and retries with exponential backoff and jitter
// for answers that a later attempt can change (429, 5xx, a dropped connection; timeouts on request).

import { conditionalHeaders, isFresh, isStorable, mergeNotModifiedHeaders, parseCacheControl, type StoredHeaders } from "./cache-control";
import type { Deadline } from "./deadline";
import { fetchPage, type PageResponse } from "./fetch-page";
import type { HostConcurrencyLimits } from "./host-limits";
import type { CachedResponse, HttpCacheStore } from "./http-cache-store";
import { parsedBytes, parsedCacheKey, type ParsedResultCache } from "./parsed-cache";
import type { Semaphore } from "./semaphore";
import type { IndexClientStats } from "./types";
import { selectingHeaders, varyMatches, type RequestHeaders } from "./vary";

export type BodyReading<T> = { ok: true; value: T } | { ok: false; reason: "malformed" | "hash-mismatch"; message: string };

export interface IndexGet<T> {
  url: URL;
  accept: string;
  /** The thing asked for, as messages name it: "numpy", "the core metadata of numpy-2.0.0.whl". */
  subject: string;
  maxBodyBytes: number;
  /** Whether a redirect target may be followed. */
  mayFollow: (target: URL) => boolean;
  /** Where redirects may go, for the message when one does not: "http://127.0.0.1:8000/simple/". */
  followScope: string;
  /** Reads a body. Only bodies that read are stored, so a cache hit never has to fail. */
  read: (body: Uint8Array, headers: StoredHeaders, finalUrl: string) => BodyReading<T>;
  /**
   * The body is checked against a digest the index published for it (PEP 658 metadata with
   * hashes): a stored body that still reads is used whatever its age, and a good answer is stored
   * whatever its freshness (no-store still wins), because that digest pins the content.
   */
  contentAddressed?: boolean;
  /**
   * Everything besides URL and Accept that `read`'s result depends on (the project name it falls
   * back on, the digests it checks). When given, the result is kept in the process-wide parsed
   * cache and served from there, without reading or parsing the body, while the response is fresh.
   * Leave it out for results too large or too rarely reused to keep (sdists).
   */
  readKey?: string;
}

export type IndexGetFailure = "not-found" | "index-error" | "timeout" | "malformed" | "hash-mismatch";

export type IndexGetOutcome<T> =
  | { ok: true; value: T; from: "network" | "cache" | "revalidated" }
  | { ok: false; kind: IndexGetFailure; message: string };

export interface IndexHttpSettings {
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  /** Retry a request that timed out (only while the deadline leaves time for it). */
  retryTimeouts: boolean;
  fetchImpl: typeof fetch;
  now: () => number;
  store: HttpCacheStore;
  /** Parsed results shared with every client in the process (see parsed-cache.ts). */
  parsed: ParsedResultCache;
  clientLimit: Semaphore;
  hostLimits: HostConcurrencyLimits;
  deadline: Deadline;
  /** Sent to this origin only: never to a separate file host, never across a redirect elsewhere. */
  credentials: { origin: string; authorization: string } | null;
  counters: IndexClientStats;
}

export type IndexHttp = <T>(request: IndexGet<T>) => Promise<IndexGetOutcome<T>>;

// Overloaded or briefly failing indexes and proxies answer with these; a later attempt can succeed.
// Anything else (401, 403, 501…) will answer the same way again.
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
// A Retry-After longer than this is not waited for: the analysis would stall for everyone.
const MAX_RETRY_AFTER_MS = 5_000;

const USER_AGENT = "basewise (simple repository client; +https://peps.python.org/pep-0691/)";

export function createIndexHttp(settings: IndexHttpSettings): IndexHttp {
  const { store, counters, deadline, parsed } = settings;

  return async function get<T>(request: IndexGet<T>): Promise<IndexGetOutcome<T>> {
    const key = { url: request.url.href, accept: request.accept };
    // What the cache entries are selected on (RFC 9111 §4.1): the request as it will be sent, before conditionals.
    const selecting: Record<string, string> = { accept: request.accept, "user-agent": USER_AGENT };
    if (settings.credentials && request.url.origin === settings.credentials.origin) selecting.authorization = settings.credentials.authorization;
    const parsedKey = request.readKey === undefined ? null : parsedCacheKey(store, key.url, key.accept, request.readKey);

    if (parsedKey !== null) {
      const known = parsed.get(parsedKey);
      if (known && varyMatches({ headers: known.timing.headers, varying: known.varying }, selecting) && (known.contentAddressed || isFresh(known.timing, settings.now()))) {
        counters.cacheHits++;
        parsed.counters.hits++;
        return { ok: true, value: known.value as T, from: "cache" };
      }
    }

    let cached = await store.get(key).catch(() => null);
    // Stored for other selecting headers (other credentials, say), or `Vary: *`: not this request's answer.
    if (cached && !varyMatches(cached, selecting)) cached = null;
    if (cached && (request.contentAddressed || isFresh(cached, settings.now()))) {
      const reading = request.read(cached.body, cached.headers, cached.finalUrl);
      if (reading.ok) {
        counters.cacheHits++;
        remember(request, parsedKey, cached, reading.value);
        return { ok: true, value: reading.value, from: "cache" };
      }
      cached = null; // stored before a format change, or for another digest: a miss like any other
    }

    const headers: Record<string, string> = { ...selecting };
    if (cached) Object.assign(headers, conditionalHeaders(cached.headers));

    for (let attempt = 0; ; attempt++) {
      if (deadline.passed()) return deadlineFailure(request.subject);
      const requestTime = settings.now();
      let response: PageResponse;
      try {
        // Client slot first, then host slot, always in that order, so two waits can never deadlock.
        response = await settings.clientLimit.run(
          () =>
            settings.hostLimits.forUrl(request.url).run(
              () =>
                fetchPage({
                  url: request.url,
                  headers,
                  timeoutMs: settings.timeoutMs,
                  deadline: deadline.signal,
                  maxBodyBytes: request.maxBodyBytes,
                  fetchImpl: settings.fetchImpl,
                  mayFollow: request.mayFollow,
                  onRequest: () => counters.requests++,
                }),
              deadline.signal,
            ),
          deadline.signal,
        );
      } catch (error) {
        // Still queued for a slot when the deadline passed.
        if (deadline.signal.aborted) return deadlineFailure(request.subject);
        throw error;
      }
      const exchange: Exchange<T> = { request, parsedKey, selecting, cached, requestTime, responseTime: settings.now() };
      const { outcome, retryAfterMs } = await interpret(response, exchange);
      if (retryAfterMs === undefined || attempt >= settings.retries) return outcome;
      const delayMs = Math.max(retryAfterMs, backoffMs(settings.retryDelayMs, attempt));
      // A retry that could not even start before the deadline would only hide the real failure.
      if (delayMs >= deadline.remainingMs()) return outcome;
      await sleep(delayMs);
    }
  };

  /** Keeps a result read from a stored (or just stored) response for the next client in this process. */
  function remember<T>(request: IndexGet<T>, parsedKey: string | null, entry: CachedResponse, value: T): void {
    if (parsedKey === null) return;
    parsed.set(parsedKey, {
      value,
      timing: { headers: entry.headers, requestTime: entry.requestTime, responseTime: entry.responseTime },
      varying: entry.varying,
      contentAddressed: request.contentAddressed === true,
      bytes: parsedBytes(entry.body.byteLength),
    });
  }

  function forget(parsedKey: string | null): void {
    if (parsedKey !== null) parsed.delete(parsedKey);
  }

  interface Exchange<T> {
    request: IndexGet<T>;
    parsedKey: string | null;
    selecting: RequestHeaders;
    cached: CachedResponse | null;
    requestTime: number;
    responseTime: number;
  }

  /** What one response means; retryAfterMs is set when another attempt could succeed. */
  async function interpret<T>(response: PageResponse, exchange: Exchange<T>): Promise<{ outcome: IndexGetOutcome<T>; retryAfterMs?: number }> {
    const { subject } = exchange.request;
    switch (response.kind) {
      case "timeout": {
        const outcome = failure<T>("timeout", `timeout: the package index did not answer within ${formatDuration(settings.timeoutMs)} for ${subject}`);
        // Off by default: without a deadline, a hung index would hold the analysis for (retries + 1) × timeout.
        return settings.retryTimeouts ? { outcome, retryAfterMs: 0 } : { outcome };
      }
      case "deadline":
        return { outcome: deadlineFailure(subject) };
      case "network-error":
        return { outcome: failure("index-error", `index error: could not reach the package index for ${subject} (${response.detail})`), retryAfterMs: 0 };
      case "too-large":
        return { outcome: failure("malformed", `index error: the package index's answer for ${subject} is larger than ${formatBytes(exchange.request.maxBodyBytes)}`) };
      case "redirect-refused":
        return { outcome: failure("index-error", `index error: the package index redirected ${subject} to ${response.location}, outside ${exchange.request.followScope}; not followed`) };
      case "too-many-redirects":
        return { outcome: failure("index-error", `index error: the package index redirected ${subject} too many times`) };
      case "ok":
        break;
    }

    const { status } = response;
    if (status === 200) return { outcome: await acceptBody(response, exchange) };
    if (status === 304) return { outcome: await acceptNotModified(response.headers, exchange) };
    // PEP 503 leaves "no such project" to 404; some indexes say 410 for projects that were deleted.
    if (status === 404 || status === 410) return { outcome: failure("not-found", `${subject} was not found on the package index (HTTP ${status})`) };
    const outcome = failure<T>("index-error", `index error: HTTP ${status} from the package index for ${subject}${statusHint(status)}`);
    if (RETRYABLE_STATUSES.has(status)) return { outcome, retryAfterMs: retryAfterMs(response.headers["retry-after"]) };
    return { outcome };
  }

  async function acceptBody<T>(response: Extract<PageResponse, { kind: "ok" }>, exchange: Exchange<T>): Promise<IndexGetOutcome<T>> {
    const { request } = exchange;
    const reading = request.read(response.body, response.headers, response.finalUrl);
    if (!reading.ok) return failure(reading.reason, `index error: ${reading.message}`);
    const varying = selectingHeaders(response.headers, exchange.selecting);
    const entry: CachedResponse = {
      url: request.url.href,
      accept: request.accept,
      finalUrl: response.finalUrl,
      headers: response.headers,
      varying: varying ?? {},
      body: response.body,
      requestTime: exchange.requestTime,
      responseTime: exchange.responseTime,
    };
    // `Vary: *` (varying null): no later request can ever match it, so it is not kept.
    if (varying !== null && (isStorable(200, response.headers) || (request.contentAddressed && !hasNoStore(response.headers)))) {
      await store.put(entry);
      remember(request, exchange.parsedKey, entry, reading.value);
    } else {
      if (exchange.cached) await store.delete(entry);
      forget(exchange.parsedKey);
    }
    return { ok: true, value: reading.value, from: "network" };
  }

  /** RFC 9111 §4.3.3–4.3.4: a 304 confirms the stored body and refreshes the stored headers. */
  async function acceptNotModified<T>(headers: Record<string, string>, exchange: Exchange<T>): Promise<IndexGetOutcome<T>> {
    const { cached, request } = exchange;
    if (!cached) return failure("index-error", `index error: the package index answered 304 Not Modified for ${request.subject} to a request that was not conditional`);
    const merged = mergeNotModifiedHeaders(cached.headers, headers);
    const varying = selectingHeaders(merged, exchange.selecting);
    const refreshed: CachedResponse = {
      ...cached,
      headers: merged,
      varying: varying ?? {},
      requestTime: exchange.requestTime,
      responseTime: exchange.responseTime,
    };
    const reading = request.read(refreshed.body, refreshed.headers, refreshed.finalUrl);
    if (!reading.ok) return failure(reading.reason, `index error: the cached answer for ${request.subject} could not be used: ${reading.message}`);
    if (varying === null || hasNoStore(refreshed.headers)) {
      await store.delete(refreshed);
      forget(exchange.parsedKey);
    } else {
      await store.put(refreshed);
      remember(request, exchange.parsedKey, refreshed, reading.value);
    }
    counters.revalidated++;
    return { ok: true, value: reading.value, from: "revalidated" };
  }

  function deadlineFailure<T>(subject: string): IndexGetOutcome<T> {
    const budget = deadline.budgetMs === null ? "" : ` (${formatDuration(deadline.budgetMs)})`;
    return failure("timeout", `timeout: the analysis deadline${budget} passed before the package index answered for ${subject}`);
  }
}

function failure<T>(kind: IndexGetFailure, message: string): IndexGetOutcome<T> {
  return { ok: false, kind, message };
}

function hasNoStore(headers: StoredHeaders): boolean {
  return parseCacheControl(headers["cache-control"]).values.has("no-store");
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

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function formatBytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
