// Writes lib/contract/openapi-examples.json, the examples of the OpenAPI document (GET /api/openapi.json).
// Every example is a real answer, from the code that gives it:
//   - the report: the engine (lib/report analyze, as every analysis worker runs it) against the test
//     index (e2e/fixtures/fixture-index.ts, on a free loopback port), for one image on one architecture,
//     so the document stays small;
//   - 400 and 413: the POST /api/analyze route handler itself (it refuses them before any analysis);
//   - 429 and 503: the analysis service with the default limits (a burst of one here), its pool
//     answering "queue full", turned into HTTP by the same function the routes use;
//   - the streamed answer (NDJSON): a smaller analysis, serialised as the worker
//     does and streamed by the route's own stream as a finished (cached) report is: start, each target,
//     the report. A computed one has progress events between them, which depend on timing.
// Two values are fixed so that regenerating gives the same bytes: the report's `generatedAt` (the
// moment the engine is told it is) and `index.host`, the test index's address without its port.
// lib/contract/openapi.test.ts regenerates the file and compares, so it cannot go stale.
// Run: npx tsx bin/openapi-examples.ts
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { POST } from "@/app/api/analyze/route";
import { startFixtureIndex } from "@/e2e/fixtures/fixture-index";
import type { OpenApiExamples } from "@/lib/contract/openapi";
import { analyzeRequestSchema, DEFAULT_ESTIMATE } from "@/lib/contract/request";
import { createIndexClient } from "@/lib/index";
import { analyze } from "@/lib/report";
import type { AnalysisPool } from "@/lib/server/analysis-pool";
import { createAnalysisService } from "@/lib/server/analysis-service";
import { previewOf, serializeReport } from "@/lib/server/analysis-worker";
import { serverLimitsFromEnv } from "@/lib/server/config";
import { problemResponse } from "@/lib/server/report-response";
import { createReportStream } from "@/lib/server/report-stream";
import { encodeShareState } from "@/lib/share/state";

// Run from the repository's root, as npm scripts and the tests are.
export const EXAMPLES_FILE = path.resolve("lib", "contract", "openapi-examples.json");

/** psycopg2 2.9.9 has no Linux wheels (it compiles, with a builder stage); requests brings four wheels. */
const REQUEST = {
  requirements: "psycopg2==2.9.9\nrequests==2.31.0\n",
  bases: ["python:3.12-slim-bookworm"],
  archs: ["amd64"],
  // After the test index's last upload: every file it has counts.
  asOf: "2024-06-01T00:00:00Z",
} as const;
const GENERATED_AT = "2024-06-01T00:00:05.000Z";
/** The streamed examples hold the report twice (each target, then the whole): one small package. */
const STREAM_REQUEST = { ...REQUEST, requirements: "six==1.16.0\n" } as const;

async function errorOf(response: Response, status: number): Promise<{ error: string }> {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
  return (await response.json()) as { error: string };
}

function post(body: unknown): Promise<Response> {
  return POST(new Request("http://localhost/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}

async function reportExample(request: typeof REQUEST | typeof STREAM_REQUEST): Promise<OpenApiExamples["report"]> {
  const index = await startFixtureIndex();
  try {
    const input = analyzeRequestSchema.parse(request);
    const result = await analyze(input, { index: createIndexClient({ indexUrl: index.url, cacheDir: null }), indexHost: new URL(index.url).hostname, now: () => new Date(GENERATED_AT) });
    if (!result.ok) throw new Error(`the example analysis was refused: ${result.error}`);
    // As the worker sends it.
    return JSON.parse(JSON.stringify(result.report)) as OpenApiExamples["report"];
  } finally {
    await index.close();
  }
}

async function serviceProblems(): Promise<Pick<OpenApiExamples["problems"], "429" | "503">> {
  const limits = { ...serverLimitsFromEnv({}), rateBurst: 1 };
  const fullPool: AnalysisPool = {
    run: async () => ({ ok: false, failure: { code: "queue-full", queued: limits.maxQueue } }),
    stats: () => ({ workers: limits.workers, running: limits.workers * limits.analysesPerWorker, queued: limits.maxQueue, completed: 0 }),
    close: async () => {},
  };
  const service = createAnalysisService(limits, fullPool);
  const input = analyzeRequestSchema.parse(REQUEST);
  const answers = [await service.analyze(input, "client"), await service.analyze(input, "client")];
  await service.close();
  const [busy, limited] = answers.map((answer) => {
    if (answer.ok) throw new Error("the service answered a report with a full pool");
    return problemResponse(answer.problem, limits);
  });
  return { "503": await errorOf(busy!, 503), "429": await errorOf(limited!, 429) };
}

async function streamExample(report: OpenApiExamples["report"]): Promise<string> {
  const { json, targets } = serializeReport(report);
  const answer = { ok: true as const, json, targets, preview: previewOf(report), immutable: true, from: "cache" as const };
  const response = createReportStream("ndjson").response(Promise.resolve(answer), "cache", serverLimitsFromEnv({}));
  return response.text();
}

export async function generateOpenApiExamples(): Promise<OpenApiExamples> {
  const share = encodeShareState({ requirements: REQUEST.requirements, bases: [...REQUEST.bases], archs: [...REQUEST.archs], noDeps: false, estimate: DEFAULT_ESTIMATE, asOf: REQUEST.asOf });
  if (!share.ok) throw new Error(share.error);
  const streamReport = await reportExample(STREAM_REQUEST);
  return {
    about: "Generated by bin/openapi-examples.ts (npx tsx bin/openapi-examples.ts): real answers from Basewise's test index; do not edit.",
    request: { ...REQUEST, bases: [...REQUEST.bases], archs: [...REQUEST.archs] },
    shareParam: share.param,
    report: await reportExample(REQUEST),
    problems: {
      "400": await errorOf(await post({ requirements: "numpy\n", arch: "x86_64" }), 400),
      "413": await errorOf(await post({ requirements: "numpy\n".repeat(50_000) }), 413),
      ...(await serviceProblems()),
    },
    stream: { request: { ...STREAM_REQUEST, bases: [...STREAM_REQUEST.bases], archs: [...STREAM_REQUEST.archs] }, ndjson: await streamExample(streamReport) },
  };
}

/** The file's text: two-space indented, ending in a newline. */
export function examplesText(examples: OpenApiExamples): string {
  return `${JSON.stringify(examples, null, 2)}\n`;
}

// As a script (tsx runs it as CommonJS: no top-level await). The test index's sockets may keep the
// process alive a few seconds after; exit once written.
if (path.basename(process.argv[1] ?? "") === "openapi-examples.ts") {
  generateOpenApiExamples()
    .then((examples) => writeFile(EXAMPLES_FILE, examplesText(examples)))
    .then(() => {
      console.log(`wrote ${path.relative(process.cwd(), EXAMPLES_FILE)}`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
