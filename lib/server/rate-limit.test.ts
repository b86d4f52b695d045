import { describe, expect, it } from "vitest";
import { clientKey, createRateLimiter } from "./rate-limit";

describe("token bucket per client", () => {
  it("allows the burst, then one per refill interval, and says when to come back", () => {
    // 6 a minute: one token every 10 s; burst 2.
    const limiter = createRateLimiter(6, 2);
    const t0 = 1_000_000;
    expect(limiter.take("a", t0)).toEqual({ allowed: true });
    expect(limiter.take("a", t0)).toEqual({ allowed: true });
    expect(limiter.take("a", t0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take("a", t0 + 4_000)).toEqual({ allowed: false, retryAfterSeconds: 6 });
    expect(limiter.take("a", t0 + 10_000)).toEqual({ allowed: true });
    expect(limiter.take("a", t0 + 10_000)).toMatchObject({ allowed: false });
    // Long idle refills only up to the burst.
    expect(limiter.take("a", t0 + 3_600_000)).toEqual({ allowed: true });
    expect(limiter.take("a", t0 + 3_600_000)).toEqual({ allowed: true });
    expect(limiter.take("a", t0 + 3_600_000)).toMatchObject({ allowed: false });
  });

  it("keeps one bucket per client", () => {
    const limiter = createRateLimiter(1, 1);
    expect(limiter.take("a", 0)).toEqual({ allowed: true });
    expect(limiter.take("a", 0)).toMatchObject({ allowed: false });
    expect(limiter.take("b", 0)).toEqual({ allowed: true });
  });

  it("a rate of 0 turns the limit off", () => {
    const limiter = createRateLimiter(0, 1);
    for (let i = 0; i < 100; i++) expect(limiter.take("a", 0)).toEqual({ allowed: true });
  });
});

describe("client key", () => {
  const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
  it.each([
    { xff: "203.0.113.7", trust: true, key: "203.0.113.7" },
    { xff: "203.0.113.7, 10.0.0.1", trust: true, key: "203.0.113.7" },
    { xff: "203.0.113.7, 10.0.0.1", trust: false, key: "203.0.113.7, 10.0.0.1" },
    { xff: "::1", trust: false, key: "::1" },
    { xff: undefined, trust: false, key: "unknown" },
    { xff: "  ", trust: true, key: "unknown" },
    { xff: "x".repeat(10_000), trust: false, key: "x".repeat(100) },
  ])("X-Forwarded-For $xff (trust proxy: $trust) → $key", ({ xff, trust, key }) => {
    expect(clientKey(headers(xff), trust)).toBe(key);
  });
});
