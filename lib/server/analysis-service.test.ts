import { describe, expect, it } from "vitest";
import type { AnalyzeInput } from "@/lib/report/types";
import type { AnalysisPool, PoolResult } from "./analysis-pool";
import { canonicalRequestKey, createAnalysisService } from "./analysis-service";
import { serverLimitsFromEnv } from "./config";
import { createRateLimiter } from "./rate-limit";

// The service over a fake pool: which requests reach the workers, which are served from the cache or
// joined in flight, and what is charged to the rate limit.

const AS_OF = "2024-06-01T00:00:00Z";

function fakePool(answer: (input: AnalyzeInput) => PoolResult | Promise<PoolResult>) {
  const runs: AnalyzeInput[] = [];
  const pool: AnalysisPool = {
    async run(input) {
      runs.push(input);
      return answer(input);
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
