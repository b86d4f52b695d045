// Benchmark: the streamed answer of /api/analyze as the page meets it, on the production build over
// the PyPI snapshot (every index answer 50 ms late, as in bench:analysis). For the seed case (the
// page's first example: Django, psycopg2, pandas 1.5.2, numpy 1.23.5, on the default images × amd64
// and arm64): the time to the first image's result (the first `target` event) against the time to the
// whole report, cold (empty index cache) and warm; a cached report (fixed asOf) streamed; and the
// same request's plain JSON answer, warm, for comparison.
//
// With --json-before DIR (a copy of the tree before streaming, with node_modules and its
// dist/analysis-worker.mjs built): the JSON path's warm latency through the analysis service and its
// worker pool, the old code against this one, requests alternating, no HTTP in between.
// Needs ../shared and `npm run build`. Run: npx tsx bench/streaming.ts [--runs 10] [--json-before DIR]
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { startAppServer } from "./app-server";

const LATENCY_MS = 50;
const SEED = "# A Django app with Postgres\nDjango~=4.2\npsycopg2==2.9.9\npandas==1.5.2\nnumpy==1.23.5  # pinned for pandas\n";

interface StreamTiming {
  headersMs: number;
  firstTargetMs: number | null;
  reportMs: number;
  targets: number;
  progress: number;
  bytes: number;
}

async function streamed(url: string, body: object, client: string): Promise<StreamTiming> {
  const started = performance.now();
  const response = await fetch(`${url}/api/analyze`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", accept: "application/x-ndjson", "x-forwarded-for": client } });
  const headersMs = performance.now() - started;
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let firstTargetMs: number | null = null;
  let bytes = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
    if (firstTargetMs === null && text.includes('{"type":"target"')) firstTargetMs = performance.now() - started;
  }
  const reportMs = performance.now() - started;
  const lines = text.trimEnd().split("\n");
  const last = JSON.parse(lines.at(-1) as string) as { type: string; error?: string };
  if (last.type !== "report") throw new Error(`the stream ended with ${last.type}: ${last.error ?? ""}`);
  const count = (type: string) => lines.filter((l) => l.startsWith(`{"type":"${type}"`)).length;
  return { headersMs, firstTargetMs, reportMs, targets: count("target"), progress: count("progress"), bytes };
}

async function plain(url: string, body: object, client: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/analyze`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", "x-forwarded-for": client } });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text}`);
  return { ms: performance.now() - started, bytes: text.length };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);

function describeStream(label: string, runs: StreamTiming[]): string {
  const first = runs.map((r) => r.firstTargetMs ?? r.reportMs);
  const report = runs.map((r) => r.reportMs);
  const last = runs.at(-1) as StreamTiming;
  return `${label}: first image ${ms(median(first))}, whole report ${ms(median(report))} (first/whole ${(median(first) / median(report)).toFixed(2)}; headers ${ms(median(runs.map((r) => r.headersMs)))}; ${last.targets} target events, ${last.progress} progress, ${(last.bytes / 1024).toFixed(0)} KB; median of ${runs.length})`;
}

async function serverBench(runs: number) {
  const index = await startSnapshotIndex(["--latency-ms", String(LATENCY_MS)]);
  const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-streaming-"));
  const app = await startAppServer({ BASEWISE_INDEX_URL: index.url, BASEWISE_CACHE_DIR: cacheDir, BASEWISE_TRUST_PROXY: "1", BASEWISE_RATE_LIMIT_PER_MIN: "600", BASEWISE_RATE_LIMIT_BURST: "600" });
  try {
    const body = { requirements: SEED };
    const cold = await streamed(app.url, body, "198.51.100.1");
    const warm: StreamTiming[] = [];
    const json: number[] = [];
    // Alternating, so that both forms meet the machine in the same state.
    for (let run = 0; run < runs; run++) {
      warm.push(await streamed(app.url, body, "198.51.100.1"));
      json.push((await plain(app.url, body, "198.51.100.1")).ms);
    }
    const fixed = { ...body, asOf: new Date().toISOString() };
    await plain(app.url, fixed, "198.51.100.1");
    const cached: StreamTiming[] = [];
    for (let run = 0; run < runs; run++) cached.push(await streamed(app.url, fixed, "198.51.100.1"));
    const cachedJson: number[] = [];
    for (let run = 0; run < runs; run++) cachedJson.push((await plain(app.url, fixed, "198.51.100.1")).ms);
    console.log(`seed case (${SEED.trim().split("\n").length - 1} requirements, default images × amd64 + arm64), production build, index latency ${LATENCY_MS} ms`);
    console.log(`  ${describeStream("cold, streamed      ", [cold])}`);
    console.log(`  ${describeStream("warm, streamed      ", warm)}`);
    console.log(`  warm, JSON answer   : whole report ${ms(median(json))} (median of ${json.length})`);
    console.log(`  ${describeStream("cached, streamed    ", cached)}`);
    console.log(`  cached, JSON answer : whole report ${ms(median(cachedJson))} (median of ${cachedJson.length})`);
  } finally {
    await app.close();
    await index.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

type ServiceModule = typeof import("@/lib/server/analysis-service");
type PoolModule = typeof import("@/lib/server/analysis-pool");
type ConfigModule = typeof import("@/lib/server/config");

async function jsonPathBench(before: string, runs: number) {
  const index = await startSnapshotIndex(["--latency-ms", String(LATENCY_MS)]);
  const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-json-path-"));
  // The workers read the index from the environment they start with.
  Object.assign(process.env, { BASEWISE_INDEX_URL: index.url, BASEWISE_CACHE_DIR: cacheDir });
  const trees = [
    { label: "before", root: path.resolve(before) },
    { label: "after ", root: process.cwd() },
  ];
  const services = await Promise.all(
    trees.map(async ({ label, root }) => {
      const service = (await import(path.join(root, "lib/server/analysis-service.ts"))) as ServiceModule;
      const pool = (await import(path.join(root, "lib/server/analysis-pool.ts"))) as PoolModule;
      const config = (await import(path.join(root, "lib/server/config.ts"))) as ConfigModule;
      const limits = { ...config.serverLimitsFromEnv(), workers: 1, ratePerMinute: 0 };
      const made = service.createAnalysisService(limits, pool.createAnalysisPool(limits, { workerFile: path.join(root, "dist/analysis-worker.mjs") }));
      return { label, service: made, times: [] as number[] };
    }),
  );
  try {
    const input = { requirements: SEED };
    // Warm each worker's caches (and the disk cache) first.
    for (const s of services) for (let i = 0; i < 2; i++) await s.service.analyze(input, "bench");
    for (let run = 0; run < runs; run++) {
      for (const s of services) {
        const started = performance.now();
        const answer = await s.service.analyze(input, "bench");
        if (!answer.ok) throw new Error(JSON.stringify(answer.problem));
        s.times.push(performance.now() - started);
      }
    }
    console.log(`JSON path, warm, through the analysis service and one worker (no HTTP): seed case, ${runs} runs each, alternating`);
    for (const s of services) console.log(`  ${s.label}: median ${ms(median(s.times))} (min ${ms(Math.min(...s.times))}, max ${ms(Math.max(...s.times))})`);
  } finally {
    await Promise.all(services.map((s) => s.service.close()));
    await index.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: "string" }, "json-before": { type: "string" } } });
  const runs = Number(values.runs ?? 10);
  if (values["json-before"]) await jsonPathBench(values["json-before"], runs);
  else await serverBench(runs);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
