import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { analysisService, closeAnalysisService } from "@/lib/server/analysis-service";

// A streaming client that goes away stops its analysis (when no one else waits for it) instead of
// leaving it to run to its deadline: over the real worker pool and a slow fixture index (every answer
// delayed), so that an analysis takes seconds and its stop is visible in the pool's counts.

const DELAY_MS = 600;
let index: FixtureIndex;
let route: typeof import("./route");
const saved = { ...process.env };
beforeAll(async () => {
  index = await startFixtureIndex({ delayMs: DELAY_MS });
  Object.assign(process.env, { BASEWISE_INDEX_URL: index.url, BASEWISE_CACHE_DIR: "off", BASEWISE_WORKERS: "1", BASEWISE_TRUST_PROXY: "1" });
  route = await import("./route");
});
afterAll(async () => {
  await closeAnalysisService();
  await index.close();
  process.env = saved;
});

const AS_OF = "2024-06-01T00:00:00Z";
const BASES = ["python:3.12-slim-bookworm", "python:3.11-slim-bookworm"];

function post(body: object, client: string, options: { accept?: string; signal?: AbortSignal } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": client };
  if (options.accept) headers.accept = options.accept;
  return route.POST(new Request("http://localhost/api/analyze", { method: "POST", body: JSON.stringify(body), headers, ...(options.signal ? { signal: options.signal } : {}) }));
}

async function firstLine(response: Response): Promise<{ line: string; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return { line: text.slice(0, text.indexOf("\n")), reader };
}

async function idleWithin(ms: number): Promise<number> {
  const started = Date.now();
  while (analysisService().stats().pool.running > 0) {
    if (Date.now() - started > ms) throw new Error(`the pool was still running an analysis after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe("a streaming client that disconnects", () => {
  it("stops the analysis: the worker is free within about one index answer, and nothing partial is cached", { timeout: 60_000 }, async () => {
    const body = { requirements: "requests==2.31.0\ncryptography==41.0.7\n", bases: BASES, asOf: AS_OF };
    const response = await post(body, "203.0.113.1", { accept: "application/x-ndjson" });
    expect(response.status).toBe(200);
    const { line, reader } = await firstLine(response);
    expect(JSON.parse(line)).toMatchObject({ type: "start" });
    expect(analysisService().stats().pool.running).toBe(1);
    await reader.cancel();
    expect(analysisService().stats().inFlight).toBe(0);
    // Stopped within a resolver round: the index answer being waited for, then the (partial) report.
    const stoppedInMs = await idleWithin(3 * DELAY_MS + 1000);

    // The same request afterwards is computed afresh and complete (the stopped run was not cached).
    const startedAt = Date.now();
    const again = await post(body, "203.0.113.1");
    // Measured: stopped 1.7 s after the disconnect; the whole analysis, its pages already fetched once, 4.3 s.
    expect(stoppedInMs).toBeLessThan(Date.now() - startedAt);
    expect(again.headers.get("x-basewise-report")).toBe("worker");
    const report = await again.json();
    for (const target of report.targets) {
      expect(target.resolution).toEqual({ ok: true });
      expect(target.unreached).toEqual([]);
    }
  });

  it("its request's signal stops it too", { timeout: 60_000 }, async () => {
    const gone = new AbortController();
    const response = await post({ requirements: "requests==2.32.0\n", bases: BASES }, "203.0.113.2", { accept: "text/event-stream", signal: gone.signal });
    const { line } = await firstLine(response);
    expect(line).toBe("event: start");
    gone.abort();
    expect(analysisService().stats().inFlight).toBe(0);
    await idleWithin(3 * DELAY_MS + 1000);
  });

  it("does not stop an analysis a JSON client also waits for", { timeout: 60_000 }, async () => {
    const body = { requirements: "requests==2.32.3\n", bases: BASES };
    const json = post(body, "203.0.113.3");
    const streamed = await post(body, "203.0.113.4", { accept: "application/x-ndjson" });
    expect(streamed.headers.get("x-basewise-report")).toBe("in-flight");
    const { reader } = await firstLine(streamed);
    await reader.cancel();
    const report = await (await json).json();
    for (const target of report.targets) {
      expect(target.resolution).toEqual({ ok: true });
      expect(target.unreached).toEqual([]);
    }
  });
});
