import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { closeAnalysisService } from "@/lib/server/analysis-service";
import { DEFAULT_ESTIMATE, encodeShareState } from "@/lib/share/state";

// The routes over the real worker pool and the fixture index, with a rate limit small enough to meet:
// immutable answers are cached and marked so for a CDN, new work is charged per client, and the
// health check answers.

let index: FixtureIndex;
let route: typeof import("./route");
let health: typeof import("../health/route");
const saved = { ...process.env };
beforeAll(async () => {
  index = await startFixtureIndex();
  Object.assign(process.env, {
    BASEWISE_INDEX_URL: index.url,
    BASEWISE_CACHE_DIR: "off",
    BASEWISE_RATE_LIMIT_PER_MIN: "1",
    BASEWISE_RATE_LIMIT_BURST: "2",
    BASEWISE_TRUST_PROXY: "1",
  });
  // Imported after the environment is set: the routes read their limits when loaded.
  route = await import("./route");
  health = await import("../health/route");
});
afterAll(async () => {
  await closeAnalysisService();
  await index.close();
  process.env = saved;
});

const AS_OF = "2024-06-01T00:00:00Z";

function post(body: object, client: string) {
  return route.POST(
    new Request("http://localhost/api/analyze", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", "x-forwarded-for": client } }),
  );
}

function linkParam(requirements: string): string {
  const encoded = encodeShareState({ requirements, bases: ["python:3.12-slim-bookworm"], archs: ["amd64"], noDeps: false, estimate: DEFAULT_ESTIMATE, asOf: AS_OF });
  if (!encoded.ok) throw new Error(encoded.error);
  return encoded.param;
}

describe("the analysis routes behind the worker pool", () => {
  it("GET with a share link: computed once, then served from the cache with an immutable Cache-Control", async () => {
    const url = `http://localhost/api/analyze?s=${encodeURIComponent(linkParam("django"))}`;
    const first = await route.GET(new Request(url, { headers: { "x-forwarded-for": "198.51.100.1" } }));
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(first.headers.get("x-basewise-report")).toBe("worker");
    const report = await first.json();
    expect(report.asOf).toBe(AS_OF);
    const second = await route.GET(new Request(url, { headers: { "x-forwarded-for": "198.51.100.1" } }));
    expect(second.headers.get("x-basewise-report")).toBe("cache");
    expect(await second.json()).toEqual(report);
  });

  it("POST answers are never marked cacheable for a CDN", async () => {
    const response = await post({ requirements: "django", asOf: AS_OF, bases: ["python:3.12-slim-bookworm"] }, "198.51.100.2");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("a client over its rate limit gets 429 with Retry-After and a sentence; another client does not", async () => {
    const client = "198.51.100.3";
    expect((await post({ requirements: "django==4.2.0" }, client)).status).toBe(200);
    expect((await post({ requirements: "django==4.1.0" }, client)).status).toBe(200);
    const limited = await post({ requirements: "django==4.0.0" }, client);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(/many analyses .* Try again in \d+ seconds/);
    expect((await post({ requirements: "django==4.0.0" }, "198.51.100.4")).status).toBe(200);
  });

  it("GET without a link, or with a damaged one, is a 400 with a reason", async () => {
    expect((await route.GET(new Request("http://localhost/api/analyze"))).status).toBe(400);
    const damaged = await route.GET(new Request("http://localhost/api/analyze?s=v1.AAAA"));
    expect(damaged.status).toBe(400);
    expect((await damaged.json()).error).toMatch(/damaged/);
  });

  it("the health check reports the pool", async () => {
    const response = health.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", queued: 0, cachedReports: expect.any(Number) });
  });
});
