import "server-only";

// Server-only: the one way the server's routes get a report. Identical requests are computed once
// (joined while in flight, and — when `asOf` fixes the index's state — answered from a bounded cache
// of finished reports); new work is charged to the client's rate limit and queued for the worker pool.

import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { requestParameters } from "@/lib/contract/request";
import type { AnalyzeInput } from "@/lib/report/types";
import type { ReportPreview } from "./analysis-task";
import { createAnalysisPool, type AnalysisPool, type PoolFailure } from "./analysis-pool";
import { serverLimitsFromEnv, type ServerLimits } from "./config";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

export type ServiceAnswer =
  /** `json` is the serialised report; `immutable`: the same request will always get this report. */
  | { ok: true; json: string; preview: ReportPreview; immutable: boolean; from: "cache" | "in-flight" | "worker" }
  | { ok: false; problem: ServiceProblem };

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
  const canonical = [input.requirements, bases, archs, noDeps, estimate, asOf, described];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url");
}

export interface CachedReport {
  json: string;
  preview: ReportPreview;
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
  const inFlight = new Map<string, Promise<ServiceAnswer>>();

  async function compute(key: string, input: AnalyzeInput): Promise<ServiceAnswer> {
    const result = await pool.run(input);
    if (!result.ok) return { ok: false, problem: fromPoolFailure(result.failure, limits) };
    const outcome = result.outcome;
    if (!outcome.ok) {
      if (outcome.code === "expired-in-queue") return { ok: false, problem: { code: "busy", retryAfterSeconds: BUSY_RETRY_SECONDS, queued: pool.stats().queued } };
      return { ok: false, problem: { code: "input-refused", status: outcome.status, error: outcome.error } };
    }
    const immutable = input.asOf !== undefined && outcome.final;
    if (immutable && limits.reportCacheBytes > 0) reports.set(key, { json: outcome.json, preview: outcome.preview });
    return { ok: true, json: outcome.json, preview: outcome.preview, immutable, from: "worker" };
  }

  return {
    limits,
    async analyze(input, client) {
      const key = canonicalRequestKey(input);
      const hit = reports.get(key);
      if (hit !== undefined) return { ok: true, ...hit, immutable: true, from: "cache" };
      const pending = inFlight.get(key);
      if (pending) {
        const answer = await pending;
        return answer.ok ? { ...answer, from: "in-flight" } : answer;
      }
      // Only new work is charged: reopening a shared link, or asking what another client already asked, is free.
      const decision = limiter.take(client);
      if (!decision.allowed) return { ok: false, problem: { code: "rate-limited", retryAfterSeconds: decision.retryAfterSeconds } };
      const started = compute(key, input).finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
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
