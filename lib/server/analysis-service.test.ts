import { describe, expect, it } from "vitest";
import type { AnalyzeInput } from "@/lib/report/types";
import type { AnalysisPool, PoolResult, RunOptions } from "./analysis-pool";
import type { AnalysisEvent } from "./analysis-task";
import { canonicalRequestKey, createAnalysisService } from "./analysis-service";
import { serverLimitsFromEnv } from "./config";
import { createRateLimiter } from "./rate-limit";

// The service over a fake pool: which requests reach the workers, which are served from the cache or
// joined in flight, and what is charged to the rate limit.

const AS_OF = "2024-06-01T00:00:00Z";

function fakePool(answer: (input: AnalyzeInput, options: RunOptions) => PoolResult | Promise<PoolResult>) {
  const runs: AnalyzeInput[] = [];
  const pool: AnalysisPool = {
    async run(input, options = {}) {
      runs.push(input);
      return answer(input, options);
    },
    stats: () => ({ workers: 1, running: 0, queued: 3, completed: runs.length }),
    close: async () => undefined,
  };
  return { pool, runs };
}

const report = (input: AnalyzeInput, final = true): PoolResult => ({
  ok: true,
  outcome: { ok: true, json: JSON.stringify({ echo: input.requirements }), final, preview: { recommended: "python:3.12-slim-bookworm", headlines: [] } },
});

function service(pool: AnalysisPool, rate = 0, burst = 1) {
  return createAnalysisService({ ...serverLimitsFromEnv({}), ratePerMinute: rate, rateBurst: burst }, pool, createRateLimiter(rate, burst));
}

describe("canonical request key", () => {
  it("fills defaults, so equivalent requests share a key", () => {
    expect(canonicalRequestKey({ requirements: "django" })).toBe(canonicalRequestKey({ requirements: "django", archs: ["amd64", "arm64"], noDeps: false, estimate: { cores: 4, buildHost: "native" } }));
    // The older forms are the same requests as their v4 spellings.
    expect(canonicalRequestKey({ requirements: "django", arch: "arm64" })).toBe(canonicalRequestKey({ requirements: "django", archs: ["arm64"] }));
    expect(canonicalRequestKey({ requirements: "django", estimate: { emulated: true } })).toBe(canonicalRequestKey({ requirements: "django", estimate: { buildHost: "ci-amd64" } }));
  });
  it.each([
    { other: { requirements: "django\n" } },
    { other: { requirements: "django", arch: "arm64" as const } },
    { other: { requirements: "django", archs: ["arm64" as const, "amd64" as const] } },
    { other: { requirements: "django", estimate: { buildHost: "mac-arm64" as const } } },
    { other: { requirements: "django", bases: ["python:3.12-alpine"] } },
    { other: { requirements: "django", asOf: AS_OF } },
    { other: { requirements: "django", noDeps: true } },
    { other: { requirements: "django", estimate: { cores: 8 } } },
  ])("tells $other apart from the plain request", ({ other }) => {
    expect(canonicalRequestKey(other)).not.toBe(canonicalRequestKey({ requirements: "django" }));
  });
});

describe("analysis service", () => {
  it("serves a repeated request with a fixed asOf from the cache", async () => {
    const { pool, runs } = fakePool((input) => report(input));
    const s = service(pool);
    const first = await s.analyze({ requirements: "django", asOf: AS_OF }, "a");
    const second = await s.analyze({ requirements: "django", asOf: AS_OF }, "b");
    expect(first).toMatchObject({ ok: true, immutable: true, from: "worker" });
    expect(second).toMatchObject({ ok: true, immutable: true, from: "cache", json: first.ok ? first.json : "" });
    expect(runs).toHaveLength(1);
    expect(s.cached({ requirements: "django", asOf: AS_OF })?.preview.recommended).toBe("python:3.12-slim-bookworm");
  });

  it("does not cache a report without asOf, or one with transient unknowns", async () => {
    const { pool, runs } = fakePool((input) => report(input, input.requirements !== "flaky"));
    const s = service(pool);
    await s.analyze({ requirements: "django" }, "a");
    await s.analyze({ requirements: "django" }, "a");
    await s.analyze({ requirements: "flaky", asOf: AS_OF }, "a");
    const again = await s.analyze({ requirements: "flaky", asOf: AS_OF }, "a");
    expect(again).toMatchObject({ ok: true, immutable: false, from: "worker" });
    expect(runs).toHaveLength(4);
  });

  it("joins identical requests while the first is running", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { pool, runs } = fakePool(async (input) => {
      await gate;
      return report(input);
    });
    const s = service(pool);
    const answers = Promise.all([1, 2, 3].map((n) => s.analyze({ requirements: "django" }, `client-${n}`)));
    release();
    const [a, b, c] = await answers;
    expect(runs).toHaveLength(1);
    expect([a?.ok && a.from, b?.ok && b.from, c?.ok && c.from]).toEqual(["worker", "in-flight", "in-flight"]);
  });

  it("charges only new work to the client's rate limit", async () => {
    const { pool, runs } = fakePool((input) => report(input));
    const s = service(pool, 1, 1);
    expect(await s.analyze({ requirements: "a", asOf: AS_OF }, "me")).toMatchObject({ ok: true });
    // Served from the cache: free.
    expect(await s.analyze({ requirements: "a", asOf: AS_OF }, "me")).toMatchObject({ ok: true, from: "cache" });
    const limited = await s.analyze({ requirements: "b", asOf: AS_OF }, "me");
    expect(limited).toEqual({ ok: false, problem: { code: "rate-limited", retryAfterSeconds: 60 } });
    expect(await s.analyze({ requirements: "b", asOf: AS_OF }, "someone else")).toMatchObject({ ok: true });
    expect(runs).toHaveLength(2);
  });

  it.each([
    { failure: { code: "queue-full" as const, queued: 64 }, problem: { code: "busy", retryAfterSeconds: 5, queued: 64 } },
    { failure: { code: "timeout" as const, afterMs: 65_000 }, problem: { code: "timeout", afterSeconds: 60 } },
    { failure: { code: "out-of-memory" as const }, problem: { code: "out-of-memory" } },
  ])("maps the pool's $failure.code to $problem.code", async ({ failure, problem }) => {
    const { pool } = fakePool(() => ({ ok: false, failure }));
    expect(await service(pool).analyze({ requirements: "django" }, "a")).toEqual({ ok: false, problem });
  });

  it("a task that waited too long in the queue is 'busy'", async () => {
    const { pool } = fakePool(() => ({ ok: true, outcome: { ok: false, code: "expired-in-queue" } }));
    expect(await service(pool).analyze({ requirements: "django" }, "a")).toEqual({ ok: false, problem: { code: "busy", retryAfterSeconds: 5, queued: 3 } });
  });

  it("keeps the cache within its byte bound", async () => {
    const { pool } = fakePool((input) => report(input));
    const s = createAnalysisService({ ...serverLimitsFromEnv({}), ratePerMinute: 0, reportCacheBytes: 64 * 1024 }, pool);
    for (let i = 0; i < 50; i++) await s.analyze({ requirements: `p${i}\n${"x".repeat(4000)}`, asOf: AS_OF }, "a");
    const { cachedBytes, cachedReports } = s.stats();
    expect(cachedBytes).toBeLessThanOrEqual(64 * 1024);
    expect(cachedReports).toBeGreaterThan(0);
    expect(cachedReports).toBeLessThan(50);
  });
});

describe("analysis service, watched (the streamed answer)", () => {
  const watcher = () => {
    const events: AnalysisEvent[] = [];
    const left = new AbortController();
    return { events, left, watch: { onEvent: (event: AnalysisEvent) => events.push(event), signal: left.signal } };
  };
  const start: AnalysisEvent = { type: "start", targets: [{ base: "python:3.12-slim-bookworm", arch: "amd64" }] };
  const progress = (projects: number): AnalysisEvent => ({ type: "progress", projects, files: 0, latest: `p${projects}` });

  it("hands on the worker's events; a client that joins later hears what was said, the progress only as its latest", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let send: (event: AnalysisEvent) => void = () => undefined;
    const { pool, runs } = fakePool(async (input, options) => {
      send = (event) => options.onEvent?.(event);
      await gate;
      return report(input);
    });
    const s = service(pool);
    const first = watcher();
    const started = s.watch({ requirements: "django" }, "a", first.watch);
    expect(started).toMatchObject({ ok: true, from: "worker" });
    await Promise.resolve();
    send(start);
    send(progress(1));
    send(progress(2));
    const second = watcher();
    expect(s.watch({ requirements: "django" }, "b", second.watch)).toMatchObject({ ok: true, from: "in-flight" });
    send({ type: "target", index: 0, json: "{}" });
    release();
    if (!started.ok) throw new Error("refused");
    expect(await started.answer).toMatchObject({ ok: true, from: "worker" });
    expect(runs).toHaveLength(1);
    expect(first.events).toEqual([start, progress(1), progress(2), { type: "target", index: 0, json: "{}" }]);
    expect(second.events).toEqual([start, progress(2), { type: "target", index: 0, json: "{}" }]);
  });

  it("stops the analysis when its last watcher leaves, and the next request starts afresh", async () => {
    const aborts: AbortSignal[] = [];
    const { pool, runs } = fakePool((input, options) => {
      if (options.abort) aborts.push(options.abort);
      return new Promise((resolve) => options.abort?.addEventListener("abort", () => resolve(report(input, false))));
    });
    const s = service(pool);
    const one = watcher();
    const two = watcher();
    s.watch({ requirements: "django" }, "a", one.watch);
    s.watch({ requirements: "django" }, "b", two.watch);
    await Promise.resolve();
    one.left.abort();
    expect(aborts[0]?.aborted).toBe(false);
    two.left.abort();
    expect(aborts[0]?.aborted).toBe(true);
    expect(s.stats().inFlight).toBe(0);
    const again = watcher();
    expect(s.watch({ requirements: "django" }, "c", again.watch)).toMatchObject({ ok: true, from: "worker" });
    await Promise.resolve();
    expect(runs).toHaveLength(2);
    again.left.abort();
  });

  it("never stops an analysis a JSON client waits for", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let abort: AbortSignal | undefined;
    const { pool } = fakePool(async (input, options) => {
      abort = options.abort;
      await gate;
      return report(input);
    });
    const s = service(pool);
    const json = s.analyze({ requirements: "django" }, "a");
    const w = watcher();
    expect(s.watch({ requirements: "django" }, "b", w.watch)).toMatchObject({ ok: true, from: "in-flight" });
    w.left.abort();
    expect(abort?.aborted).toBe(false);
    release();
    expect(await json).toMatchObject({ ok: true, from: "worker" });
  });

  it("refuses at once, before anything streams: over the rate limit, or with the queue full", () => {
    const { pool } = fakePool((input) => report(input));
    const limited = service(pool, 1, 1);
    expect(limited.watch({ requirements: "a" }, "me", watcher().watch)).toMatchObject({ ok: true });
    expect(limited.watch({ requirements: "b" }, "me", watcher().watch)).toEqual({ ok: false, problem: { code: "rate-limited", retryAfterSeconds: 60 } });
    const full: AnalysisPool = { ...pool, stats: () => ({ workers: 1, running: 4, queued: 64, completed: 0 }) };
    const busy = createAnalysisService({ ...serverLimitsFromEnv({}), workers: 1, analysesPerWorker: 4, maxQueue: 64, ratePerMinute: 0 }, full);
    expect(busy.watch({ requirements: "a" }, "me", watcher().watch)).toEqual({ ok: false, problem: { code: "busy", retryAfterSeconds: 5, queued: 64 } });
  });

  it("a cached report comes with its targets' spans", async () => {
    const targets = [{ base: "python:3.12-slim-bookworm", arch: "amd64" as const, start: 1, end: 3 }];
    const { pool } = fakePool((input) => ({ ok: true, outcome: { ok: true, json: JSON.stringify({ echo: input.requirements }), final: true, targets, preview: { recommended: null, headlines: [] } } }));
    const s = service(pool);
    await s.analyze({ requirements: "django", asOf: AS_OF }, "a");
    const cached = s.watch({ requirements: "django", asOf: AS_OF }, "a", watcher().watch);
    expect(cached).toMatchObject({ ok: true, from: "cache" });
    if (!cached.ok) throw new Error("refused");
    expect(await cached.answer).toMatchObject({ ok: true, from: "cache", targets });
  });
});
