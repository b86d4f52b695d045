import "server-only";

// Server-only: how the server protects itself — the analysis worker pool, its queue and timeout, the
// per-client rate limit and the finished-report cache. Read once from the environment; every value
// has a default that suits a small (2-core) machine and is documented in README.md.

import { availableParallelism } from "node:os";

export interface ServerLimits {
  /** Worker threads running analyses (default: the machine's cores). */
  workers: number;
  /** Analyses one worker interleaves while they wait on the index (CPU work still runs one at a time). */
  analysesPerWorker: number;
  /** Analyses waiting for a worker beyond those running; past it the server answers 503 at once. */
  maxQueue: number;
  /** From arrival to answer: the analysis stops its own work shortly before, the worker is ended at it. */
  analysisTimeoutMs: number;
  /** Per-client token bucket on /api/analyze and /api/og: sustained analyses per minute, and burst. */
  ratePerMinute: number;
  rateBurst: number;
  /** Take the client's address from the first X-Forwarded-For entry (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Finished reports kept in memory, by approximate size. */
  reportCacheBytes: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function number(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  // A mistyped setting must not silently disable a protection: out-of-range values are clamped.
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

export function serverLimitsFromEnv(env: Env = process.env): ServerLimits {
  return {
    workers: Math.round(number(env, "BASEWISE_WORKERS", availableParallelism(), 1, 64)),
    analysesPerWorker: Math.round(number(env, "BASEWISE_ANALYSES_PER_WORKER", 4, 1, 32)),
    maxQueue: Math.round(number(env, "BASEWISE_MAX_QUEUE", 64, 0, 10_000)),
    analysisTimeoutMs: number(env, "BASEWISE_ANALYSIS_TIMEOUT_S", 60, 5, 600) * 1000,
    ratePerMinute: number(env, "BASEWISE_RATE_LIMIT_PER_MIN", 30, 0, 1_000_000),
    rateBurst: Math.round(number(env, "BASEWISE_RATE_LIMIT_BURST", 10, 1, 1_000_000)),
    trustProxy: ["1", "true", "yes", "on"].includes(env.BASEWISE_TRUST_PROXY?.trim().toLowerCase() ?? ""),
    reportCacheBytes: number(env, "BASEWISE_REPORT_CACHE_MB", 64, 0, 16_384) * 1024 * 1024,
  };
}
