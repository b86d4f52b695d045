import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { streamEventSchema, type StreamEvent } from "@/lib/contract/stream";
import { closeAnalysisService } from "@/lib/server/analysis-service";
import { DEFAULT_ESTIMATE, encodeShareState } from "@/lib/share/state";

// The streamed answers of /api/analyze over the real worker pool (dist/analysis-worker.mjs) and the
// fixture index: NDJSON and server-sent events carry the same events, in the contract's order, and
// end with exactly the report the JSON answer gives; refusals before the analysis starts stay plain
// JSON problems.

let index: FixtureIndex;
let route: typeof import("./route");
const saved = { ...process.env };
beforeAll(async () => {
  index = await startFixtureIndex();
  Object.assign(process.env, {
    BASEWISE_INDEX_URL: index.url,
    BASEWISE_CACHE_DIR: "off",
    BASEWISE_RATE_LIMIT_PER_MIN: "1",
    BASEWISE_RATE_LIMIT_BURST: "4",
    BASEWISE_TRUST_PROXY: "1",
  });
  // Imported after the environment is set: the routes read their limits when loaded.
  route = await import("./route");
});
afterAll(async () => {
  await closeAnalysisService();
  await index.close();
  process.env = saved;
});

const AS_OF = "2024-06-01T00:00:00Z";
const NDJSON = "application/x-ndjson";
const SSE = "text/event-stream";
const BASES = ["python:3.12-slim-bookworm", "python:3.12-alpine3.20", "python:3.11-slim-bookworm"];

function post(body: object, client: string, accept?: string) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": client };
  if (accept) headers.accept = accept;
  return route.POST(new Request("http://localhost/api/analyze", { method: "POST", body: JSON.stringify(body), headers }));
}

function ndjsonEvents(text: string): StreamEvent[] {
  expect(text.endsWith("\n")).toBe(true);
  return text.slice(0, -1).split("\n").map((line) => streamEventSchema.parse(JSON.parse(line)));
}

/** Server-sent events: `event: <type>` and one `data:` line, the type repeated inside the JSON. */
function sseEvents(text: string): StreamEvent[] {
  expect(text.endsWith("\n\n")).toBe(true);
  return text.slice(0, -2).split("\n\n").map((frame) => {
    const [eventLine, dataLine, ...rest] = frame.split("\n");
    expect(rest).toEqual([]);
    expect(eventLine).toMatch(/^event: \w+$/);
    expect(dataLine).toMatch(/^data: /);
    const event = streamEventSchema.parse(JSON.parse((dataLine as string).slice("data: ".length)));
    expect(event.type).toBe((eventLine as string).slice("event: ".length));
    return event;
  });
}

/** The contract's order: start, then progress and targets (each target once), the report last. */
function expectContractOrder(events: StreamEvent[]) {
  const types = events.map((e) => e.type);
  expect(types[0]).toBe("start");
  expect(types.at(-1)).toBe("report");
  expect(types.slice(1, -1).every((t) => t === "progress" || t === "target")).toBe(true);
  const start = events[0] as Extract<StreamEvent, { type: "start" }>;
  const report = (events.at(-1) as Extract<StreamEvent, { type: "report" }>).report;
  const targets = events.filter((e): e is Extract<StreamEvent, { type: "target" }> => e.type === "target");
  expect(targets.map((t) => t.index).sort((a, b) => a - b)).toEqual(report.targets.map((_, i) => i));
  for (const { index: i, target } of targets) expect(target).toEqual(report.targets[i]);
  expect(start.targets).toEqual(report.targets.map(({ base, arch }) => ({ base, arch })));
  return { report, targets };
}

describe("POST /api/analyze with Accept: application/x-ndjson or text/event-stream", () => {
  it("streams start, each target as it finishes and the report last; the report equals the JSON answer's", { timeout: 60_000 }, async () => {
    const body = { requirements: "requests==2.31.0\ncryptography\n", bases: BASES, archs: ["amd64", "arm64"] };
    const streamed = await post(body, "198.51.100.10", NDJSON);
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(streamed.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(streamed.headers.get("x-accel-buffering")).toBe("no");
    expect(streamed.headers.get("x-basewise-report")).toBe("worker");
    const events = ndjsonEvents(await streamed.text());
    const { report, targets } = expectContractOrder(events);
    expect(events.some((e) => e.type === "progress")).toBe(true);
    expect(report.targets).toHaveLength(6);
    expect(targets).toHaveLength(6);

    const json = await post(body, "198.51.100.10");
    expect(json.headers.get("content-type")).toBe("application/json");
    // Two runs differ only in when they ran (with no asOf, "as of" is that moment).
    const plain = await json.json();
    expect({ ...report, generatedAt: null, asOf: null }).toEqual({ ...plain, generatedAt: null, asOf: null });
  });

  it("as server-sent events: the same events, each named by its type", async () => {
    const body = { requirements: "requests\n", bases: BASES.slice(0, 2), archs: ["amd64"] };
    const streamed = await post(body, "198.51.100.11", SSE);
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(streamed.headers.get("x-accel-buffering")).toBe("no");
    const { report } = expectContractOrder(sseEvents(await streamed.text()));
    expect(report.targets.map((t) => t.base)).toEqual(BASES.slice(0, 2));
  });

  it("a cached report streams as its targets then the report at once, byte for byte the JSON answer", async () => {
    // Every package here has a wheel on both images, so the report is final and cached.
    const body = { requirements: "numpy\nsix\n", bases: [BASES[0], BASES[2]], asOf: AS_OF };
    const first = await post(body, "198.51.100.12");
    const jsonText = await first.text();
    expect(first.headers.get("x-basewise-report")).toBe("worker");
    const cached = await post(body, "198.51.100.12", NDJSON);
    expect(cached.headers.get("x-basewise-report")).toBe("cache");
    const text = await cached.text();
    const lines = text.trimEnd().split("\n");
    expect(lines.at(-1)).toBe(`{"type":"report","report":${jsonText}}`);
    const events = ndjsonEvents(text);
    expect(events.map((e) => e.type)).toEqual(["start", "target", "target", "target", "target", "report"]);
    expectContractOrder(events);
  });

  it("the GET share-link form streams too, and its JSON answer varies by Accept for a CDN", async () => {
    const encoded = encodeShareState({ requirements: "numpy", bases: ["python:3.12-slim-bookworm"], archs: ["amd64"], noDeps: false, estimate: DEFAULT_ESTIMATE, asOf: AS_OF });
    if (!encoded.ok) throw new Error(encoded.error);
    const url = `http://localhost/api/analyze?s=${encodeURIComponent(encoded.param)}`;
    const json = await route.GET(new Request(url, { headers: { "x-forwarded-for": "198.51.100.13" } }));
    expect(json.headers.get("vary")).toBe("accept");
    const streamed = await route.GET(new Request(url, { headers: { "x-forwarded-for": "198.51.100.13", accept: NDJSON } }));
    // A stream is never kept, even for a fixed asOf.
    expect(streamed.headers.get("cache-control")).toBe("no-store, no-transform");
    const { report } = expectContractOrder(ndjsonEvents(await streamed.text()));
    expect(report).toEqual(await json.json());
  });

  it("a bad request is a plain JSON 400 before anything streams", async () => {
    const response = await post({ requirements: "django", bases: Array(13).fill("python:3.12-slim") }, "198.51.100.14", NDJSON);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect((await response.json()).error).toMatch(/at most 12/);
  });

  it("too large a file is a plain JSON 413", async () => {
    const response = await post({ requirements: "django\n".repeat((300 * 1024) / 7) }, "198.51.100.14", SSE);
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it("a client over its rate limit gets a plain JSON 429 with Retry-After, not a stream", async () => {
    const client = "198.51.100.15";
    for (const version of ["4.2.0", "4.1.0", "4.0.0", "3.2.0"]) {
      const ok = await post({ requirements: `django==${version}`, bases: BASES.slice(0, 1), archs: ["amd64"] }, client, NDJSON);
      expect(ok.status).toBe(200);
      await ok.text();
    }
    const limited = await post({ requirements: "django==3.1.0", bases: BASES.slice(0, 1), archs: ["amd64"] }, client, NDJSON);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(/many analyses/);
  });

  it("an Accept header that names neither stream gets the JSON answer", async () => {
    const response = await post({ requirements: "numpy", bases: BASES.slice(0, 1), archs: ["amd64"], asOf: AS_OF }, "198.51.100.16", "application/json, */*");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect((await response.json()).schemaVersion).toBeGreaterThan(0);
  });
});
