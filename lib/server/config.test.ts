import { describe, expect, it } from "vitest";
import { serverLimitsFromEnv } from "./config";

describe("server limits from the environment", () => {
  it("has defaults for everything", () => {
    const limits = serverLimitsFromEnv({});
    expect(limits).toMatchObject({ analysesPerWorker: 4, maxQueue: 64, analysisTimeoutMs: 60_000, ratePerMinute: 30, rateBurst: 10, trustProxy: false, reportCacheBytes: 64 * 1024 * 1024 });
    expect(limits.workers).toBeGreaterThanOrEqual(1);
  });

  it.each([
    { env: { BASEWISE_WORKERS: "3" }, field: "workers", value: 3 },
    { env: { BASEWISE_WORKERS: "0" }, field: "workers", value: 1 },
    { env: { BASEWISE_MAX_QUEUE: "0" }, field: "maxQueue", value: 0 },
    { env: { BASEWISE_ANALYSIS_TIMEOUT_S: "1" }, field: "analysisTimeoutMs", value: 5_000 },
    { env: { BASEWISE_ANALYSIS_TIMEOUT_S: "90" }, field: "analysisTimeoutMs", value: 90_000 },
    { env: { BASEWISE_RATE_LIMIT_PER_MIN: "0" }, field: "ratePerMinute", value: 0 },
    { env: { BASEWISE_RATE_LIMIT_PER_MIN: "lots" }, field: "ratePerMinute", value: 30 },
    { env: { BASEWISE_RATE_LIMIT_BURST: "0" }, field: "rateBurst", value: 1 },
    { env: { BASEWISE_TRUST_PROXY: "yes" }, field: "trustProxy", value: true },
    { env: { BASEWISE_TRUST_PROXY: "0" }, field: "trustProxy", value: false },
    { env: { BASEWISE_REPORT_CACHE_MB: "0" }, field: "reportCacheBytes", value: 0 },
  ])("$env → $field = $value", ({ env, field, value }) => {
    expect(serverLimitsFromEnv(env)[field as keyof ReturnType<typeof serverLimitsFromEnv>]).toBe(value);
  });
});
