import "server-only";

// Server-only: the one way the server's routes get a report. Identical requests are computed once
// (joined while in flight, and — when `asOf` fixes the index's state — answered from a bounded cache
// of finished reports); new work is charged to the client's rate limit and queued for the worker pool.

import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { requestParameters } from "@/lib/contract/request";
import type { AnalyzeInput } from "@/lib/report/types";
import type { AnalysisEvent, ReportPreview, TargetSpan } from "./analysis-task";
import { createAnalysisPool, type AnalysisPool, type PoolFailure } from "./analysis-pool";
import { serverLimitsFromEnv, type ServerLimits } from "./config";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

export type ServiceAnswer =
  /**
   * `json` is the serialised report; `immutable`: the same request will always get this report.
   * `targets`: where each target's entry is in `json` (absent from a worker that does not say).
   */
  | { ok: true; json: string; preview: ReportPreview; immutable: boolean; from: AnswerSource; targets?: TargetSpan[] }
  | { ok: false; problem: ServiceProblem };

export type AnswerSource = "cache" | "in-flight" | "worker";

/** A client that wants to hear of the analysis while it runs (the streamed answer). */
export interface AnalysisWatch {
  /**
   * Each event of the analysis, in order: those sent before this client joined are replayed first (the
   * progress only as its latest). A client that joins a finished or cached report hears nothing here:
   * its answer's `targets` say it all.
   */
  onEvent(event: AnalysisEvent): void;
  /** This client went away: it hears nothing more, and when no one else waits, the analysis is stopped. */
  signal: AbortSignal;
}

/** An analysis started, joined or found: refused at once, or its answer to come. */
export type ServiceStart = { ok: true; from: AnswerSource; answer: Promise<ServiceAnswer> } | { ok: false; problem: ServiceProblem };

export type ServiceProblem =
  | { code: "rate-limited"; retryAfterSeconds: number }
  | { code: "busy"; retryAfterSeconds: number; queued: number }
  | { code: "timeout"; afterSeconds: number }
  | { code: "out-of-memory" }
  | { code: "input-refused"; status: number; error: string }
  | { code: "unavailable"; detail: string };

export interface AnalysisService {
  /** The limits it was made with (from the environment, for the process's service): the routes answer with them. */
  readonly limits: ServerLimits;
  analyze(input: AnalyzeInput, client: string): Promise<ServiceAnswer>;
  /**
   * The same analysis for a client that watches it: what can be refused is refused now (rate limit, a
   * full queue), so a streamed answer starts only once the analysis is admitted.
   */
  watch(input: AnalyzeInput, client: string, watch: AnalysisWatch): ServiceStart;
  /** A finished report for this request, if one is cached; never starts work. */
  cached(input: AnalyzeInput): CachedReport | null;
  stats(): { pool: ReturnType<AnalysisPool["stats"]>; cachedReports: number; cachedBytes: number; inFlight: number };
  close(): Promise<void>;
}

/**
 * The request in one canonical form: defaults filled in and older forms read as today's, so `{}` and
 * `{"archs": ["amd64", "arm64"]}` are one request, as are `{"arch": "arm64"}` and `{"archs": ["arm64"]}`. Hashed: the key must not hold a 256 KB requirements text a second time.
 */
export function canonicalRequestKey(input: AnalyzeInput): string {
  const { bases, archs, noDeps, estimate, asOf, input: described } = requestParameters(input);
  // The text is hashed as it is (a lock may be 4 MiB: no JSON-escaped copy of it), then the rest as
  // JSON; the text holds no NUL (the request refuses control characters), so the two cannot run together.
  return createHash("sha256").update(input.requirements).update("\u0000").update(JSON.stringify([bases, archs, noDeps, estimate, asOf, described])).digest("base64url");
}

export interface CachedReport {
  json: string;
  preview: ReportPreview;
  targets?: TargetSpan[];
}

/** One analysis in flight: who waits for it and what it has said so far (bounded: one start, one progress, one entry per target). */
interface Running {
  answer: Promise<ServiceAnswer>;
  said: AnalysisEvent[];
  watchers: Set<AnalysisWatch>;
  /** Clients waiting without a way to leave (the JSON answer): while there is one, the analysis runs to its end. */
  steadfast: number;
  stop: AbortController;
}

// A preview's few values, counted generously.
const PREVIEW_BYTES = 4096;

// How long a client that found the queue full should wait: long enough for a few analyses to finish.
const BUSY_RETRY_SECONDS = 5;

export function createAnalysisService(limits: ServerLimits, pool: AnalysisPool = createAnalysisPool(limits), limiter: RateLimiter = createRateLimiter(limits.ratePerMinute, limits.rateBurst)): AnalysisService {
  const reports = new LRUCache<string, CachedReport>({
    // lru-cache needs a positive bound; a cache of 0 bytes keeps nothing (see set below).
    maxSize: Math.max(1, limits.reportCacheBytes),
    // JavaScript strings are UTF-16: two bytes a character.
    sizeCalculation: (entry) => entry.json.length * 2 + PREVIEW_BYTES,
  });
  const inFlight = new Map<string, Running>();

  async function compute(key: string, input: AnalyzeInput, running: Running, events: boolean): Promise<ServiceAnswer> {
    const onEvent = (event: AnalysisEvent) => {
      // The latest progress replaces the one before it: a late joiner needs only where things stand.
      const last = running.said.at(-1);
      if (event.type === "progress" && last?.type === "progress") running.said[running.said.length - 1] = event;
      else running.said.push(event);
      for (const watcher of running.watchers) watcher.onEvent(event);
    };
    const result = await pool.run(input, { abort: running.stop.signal, ...(events ? { onEvent } : {}) });
    if (!result.ok) return { ok: false, problem: fromPoolFailure(result.failure, limits) };
    const outcome = result.outcome;
    if (!outcome.ok) {
      if (outcome.code === "expired-in-queue") return { ok: false, problem: { code: "busy", retryAfterSeconds: BUSY_RETRY_SECONDS, queued: pool.stats().queued } };
      return { ok: false, problem: { code: "input-refused", status: outcome.status, error: outcome.error } };
    }
    const immutable = input.asOf !== undefined && outcome.final;
    const targets = outcome.targets ? { targets: outcome.targets } : {};
    if (immutable && limits.reportCacheBytes > 0) reports.set(key, { json: outcome.json, preview: outcome.preview, ...targets });
    return { ok: true, json: outcome.json, preview: outcome.preview, immutable, from: "worker", ...targets };
  }

  function start(input: AnalyzeInput, client: string, watch: AnalysisWatch | null): ServiceStart {
    const key = canonicalRequestKey(input);
    const hit = reports.get(key);
    if (hit !== undefined) return { ok: true, from: "cache", answer: Promise.resolve({ ok: true, ...hit, immutable: true, from: "cache" }) };
    const joined = inFlight.get(key);
    if (joined) return { ok: true, from: "in-flight", answer: waitFor(key, joined, watch).then((answer) => (answer.ok ? { ...answer, from: "in-flight" } : answer)) };
    // A streamed answer starts with a 200: a queue that is already full is said before it, as a 503.
    if (watch) {
      const { running, queued } = pool.stats();
      if (running + queued >= limits.workers * limits.analysesPerWorker + limits.maxQueue) return { ok: false, problem: { code: "busy", retryAfterSeconds: BUSY_RETRY_SECONDS, queued } };
    }
    // Only new work is charged: reopening a shared link, or asking what another client already asked, is free.
    const decision = limiter.take(client);
    if (!decision.allowed) return { ok: false, problem: { code: "rate-limited", retryAfterSeconds: decision.retryAfterSeconds } };
    const running: Running = { answer: Promise.resolve({ ok: false, problem: { code: "unavailable", detail: "not started" } }), said: [], watchers: new Set(), steadfast: 0, stop: new AbortController() };
    running.answer = compute(key, input, running, watch !== null).finally(() => {
      if (inFlight.get(key) === running) inFlight.delete(key);
    });
    inFlight.set(key, running);
    return { ok: true, from: "worker", answer: waitFor(key, running, watch) };
  }

  /** One more client waits for a running analysis; a watcher that leaves may stop it. */
  function waitFor(key: string, running: Running, watch: AnalysisWatch | null): Promise<ServiceAnswer> {
    if (!watch) {
      running.steadfast++;
      return running.answer;
    }
    for (const event of running.said) watch.onEvent(event);
    running.watchers.add(watch);
    const leave = () => {
      running.watchers.delete(watch);
      if (running.watchers.size === 0 && running.steadfast === 0) {
        // No one is left to read it: stop the work, and let the next request for it start afresh.
        running.stop.abort();
        if (inFlight.get(key) === running) inFlight.delete(key);
      }
    };
    if (watch.signal.aborted) leave();
    else watch.signal.addEventListener("abort", leave, { once: true });
    return running.answer.finally(() => {
      watch.signal.removeEventListener("abort", leave);
      running.watchers.delete(watch);
    });
  }

  return {
    limits,
    async analyze(input, client) {
      const started = start(input, client, null);
      return started.ok ? started.answer : started;
    },
    watch: (input, client, watch) => start(input, client, watch),
    cached: (input) => reports.get(canonicalRequestKey(input)) ?? null,
    stats: () => ({ pool: pool.stats(), cachedReports: reports.size, cachedBytes: reports.calculatedSize, inFlight: inFlight.size }),
    close: () => pool.close(),
  };
}

function fromPoolFailure(failure: PoolFailure, limits: ServerLimits): ServiceProblem {
  switch (failure.code) {
    case "queue-full":
      return { code: "busy", retryAfterSeconds: BUSY_RETRY_SECONDS, queued: failure.queued };
    case "timeout":
      return { code: "timeout", afterSeconds: Math.round(limits.analysisTimeoutMs / 1000) };
    case "out-of-memory":
      return { code: "out-of-memory" };
    case "worker-missing":
      return { code: "unavailable", detail: `the analysis worker ${failure.file} is missing; run npm run build` };
    case "worker-error":
      return { code: "unavailable", detail: failure.message };
  }
}

// Route handlers are bundled separately by Next.js, each with its own copy of this module: the one
// service (one pool, one cache, one rate limit) hangs off the process's global object.
const SERVICE = Symbol.for("basewise.analysisService");

export function analysisService(): AnalysisService {
  const holder = globalThis as { [SERVICE]?: AnalysisService };
  holder[SERVICE] ??= createAnalysisService(serverLimitsFromEnv());
  return holder[SERVICE];
}

/** Ends the process's service (its worker threads): for tests and a graceful shutdown. */
export async function closeAnalysisService(): Promise<void> {
  const holder = globalThis as { [SERVICE]?: AnalysisService };
  const service = holder[SERVICE];
  delete holder[SERVICE];
  await service?.close();
}
