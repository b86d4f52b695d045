// Benchmark: many people at once. N simulated users (default 50) for S seconds (default 60) each
// post real requirements files (e2e/fixtures/requirements-corpus.ts) on 3 base images, alternating
// amd64 and arm64, each as a new analysis (its own `asOf`, as the page sets it on Analyze), then
// read the result for a moment before the next. The index cache is warmed first. Prints status
// counts, dropped connections and p50/p90/p99 latency. Goal: 0 errors (5xx or dropped), p99 ≤ 2 s.
// Needs ../shared and `npm run build`. Run: npm run bench:load [-- --users 50 --seconds 60 --think-ms 2000]
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { REQUIREMENTS_CORPUS } from "@/e2e/fixtures/requirements-corpus";
import { startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { startAppServer } from "./app-server";

const IMAGES = ["python:3.12-slim-bookworm", "python:3.12-alpine3.20", "python:3.11-slim-bookworm", "python:3.13-slim-trixie", "python:3.10-bookworm", "python:3.13-alpine3.22"];
const ARCHS = ["amd64", "arm64"] as const;

// A small deterministic generator, so two runs send the same mix.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const { values } = parseArgs({ options: { users: { type: "string" }, seconds: { type: "string" }, "think-ms": { type: "string" } } });
  const users = Number(values.users ?? 50);
  const seconds = Number(values.seconds ?? 60);
  const thinkMs = Number(values["think-ms"] ?? 2000);

  const index = await startSnapshotIndex();
  const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-load-"));
  // Behind a trusted proxy each simulated user is its own client for the rate limit.
  const app = await startAppServer({ BASEWISE_INDEX_URL: index.url, BASEWISE_CACHE_DIR: cacheDir, BASEWISE_TRUST_PROXY: "1" });
  const post = (body: object, client: string) =>
    fetch(`${app.url}/api/analyze`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", "x-forwarded-for": client } });
  try {
    // Warm the index cache: every file on every image and arch once (two at a time, one per worker).
    const warmStarted = performance.now();
    const jobs = REQUIREMENTS_CORPUS.flatMap((file) => ARCHS.map((arch) => ({ requirements: file.text, bases: IMAGES, arch })));
    let next = 0;
    await Promise.all(
      [0, 1].map(async (lane) => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          await (await post(job, `203.0.113.${lane}`)).arrayBuffer();
        }
      }),
    );
    console.log(`load: warmed the index cache with ${jobs.length} analyses in ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`);

    const latencies: number[] = [];
    const statuses = new Map<string, number>();
    const sources = new Map<string, number>();
    const endAt = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: users }, async (_, user) => {
        const next = random(user + 1);
        let arch = user % 2;
        // Users start spread over the first think time, as people do.
        await new Promise((resolve) => setTimeout(resolve, next() * thinkMs));
        while (performance.now() < endAt) {
          const file = REQUIREMENTS_CORPUS[Math.floor(next() * REQUIREMENTS_CORPUS.length)]!;
          const first = Math.floor(next() * IMAGES.length);
          const bases = [0, 2, 4].map((offset) => IMAGES[(first + offset) % IMAGES.length]!);
          const body = { requirements: file.text, bases, arch: ARCHS[arch++ % 2], asOf: new Date().toISOString() };
          const t0 = performance.now();
          let status: string;
          try {
            const response = await post(body, `198.51.100.${user}`);
            await response.arrayBuffer();
            status = String(response.status);
            const source = response.headers.get("x-basewise-report");
            if (source) sources.set(source, (sources.get(source) ?? 0) + 1);
          } catch {
            status = "dropped";
          }
          latencies.push(performance.now() - t0);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + next())));
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const errors = [...statuses].filter(([s]) => s === "dropped" || Number(s) >= 500).reduce((sum, [, n]) => sum + n, 0);
    console.log(`load: ${users} users for ${seconds} s (think time ${thinkMs} ms ±50 %), 3 images each, amd64/arm64 alternating`);
    console.log(`  requests: ${latencies.length} (${(latencies.length / elapsed).toFixed(1)}/s); status ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(" ")}; answered by ${[...sources].map(([s, n]) => `${s}×${n}`).join(" ")}`);
    console.log(`  latency: p50 ${percentile(sorted, 50).toFixed(0)} ms, p90 ${percentile(sorted, 90).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms (goal p99 ≤ 2000 ms)`);
    console.log(`  errors (5xx or dropped): ${errors} (goal 0)`);
  } finally {
    await app.close();
    await index.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
