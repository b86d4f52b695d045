// Benchmark: one whole analysis (resolution of every dependency, build environments included) of a
// 40-requirement file across 12 images, with the index client as the API route configures it.
//   cold: an empty disk cache, against snapshot-index answering every request after 50 ms;
//   warm: the same disk cache, a new client (a later analysis within the pages' max-age; the
//         process-wide cache of parsed pages in lib/index answers);
//   warm, one client: the same client again (its own maps hold the pages): Basewise's CPU alone.
// Those are on amd64 alone (comparable with earlier figures); then the same file on both
// architectures, the default since analyses cover amd64 and arm64 side by side (24 targets).
// Then, for 3 of the images, side by side: the real pip resolving the same file against the same
// index (its HTTP cache warmed by one run first) and Basewise analysing that one image warm.
// Needs ../shared (the snapshot index) and python3 with pip. Run: npm run bench:analysis [-- --pip-only]
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient, type IndexClient } from "@/lib/index";
import { analyze, type Report } from "@/lib/report";
import { pipTargetArgs } from "@/lib/tags";
import { makeTarget, resolveBaseImage } from "@/lib/targets";
import { BENCH_BASES, benchRequirements } from "./analysis-inputs";

const REQUIREMENTS = 40;
const COLD_RUNS = 4;
const WARM_RUNS = 20;
const LATENCY_MS = 50;
const PIP_IMAGES = ["python:3.12-slim-bookworm", "python:3.12-alpine3.20", "python:3.10-bookworm"];
// pip takes 15–60 s per resolution here; one timed run per image (after a warm-up) keeps the bench to minutes.
const PIP_RUNS = 1;
const BASEWISE_IMAGE_RUNS = 10;

interface Measured {
  ms: number;
  /** This process's CPU time (user + system) over the run: what other work on the machine inflates least. */
  cpuMs: number;
  report: Report;
  requests: number;
}

const AMD64_ONLY = ["amd64"] as const;
const BOTH_ARCHS = ["amd64", "arm64"] as const;
const BOTH_COLD_RUNS = 2;
const BOTH_WARM_RUNS = 10;

async function once(client: IndexClient, requirements: string, bases = BENCH_BASES, archs: readonly ("amd64" | "arm64")[] = AMD64_ONLY): Promise<Measured> {
  const before = client.stats().requests;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await analyze({ requirements, bases, archs: [...archs] }, { index: client, indexHost: "snapshot" });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(result.error);
  return { ms, cpuMs: (used.user + used.system) / 1000, report: result.report, requests: client.stats().requests - before };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

function timing(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
  return `median ${ms(percentile(sorted, 0.5))}, p90 ${ms(percentile(sorted, 0.9))} (min ${ms(sorted[0] as number)}, max ${ms(sorted.at(-1) as number)}, ${sorted.length} runs)`;
}

function describe(label: string, runs: Measured[]): string {
  const last = runs.at(-1)!;
  const packages = last.report.targets.reduce((sum, t) => sum + t.packages.length, 0);
  const unknown = last.report.targets.reduce((sum, t) => sum + t.summary.unknown, 0);
  const builds = last.report.targets.reduce((sum, t) => sum + t.builds.length, 0);
  const requests = [...new Set(runs.map((r) => r.requests))].join("/");
  return `${label}: ${timing(runs.map((r) => r.ms))}; CPU ${timing(runs.map((r) => r.cpuMs))}; ${requests} index requests, ${packages} packages over ${last.report.targets.length} targets, ${builds} build environments, ${unknown} unknown`;
}

// A clean environment: this machine's pip config must not add indexes; the cache is the bench's own.
function pipEnvironment(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, PIP_CONFIG_FILE: "/dev/null", PIP_DISABLE_PIP_VERSION_CHECK: "1", PIP_NO_INPUT: "1", PIP_CACHE_DIR: path.join(home, "cache") } as unknown as NodeJS.ProcessEnv;
}

function runPip(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile("python3", ["-m", "pip", ...args], { env, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ ms: performance.now() - started, code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

async function pipSideBySide(indexUrl: string, requirements: string): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), "basewise-bench-pip-"));
  const client = createIndexClient({ indexUrl, cacheDir: path.join(work, "basewise-cache") });
  try {
    const file = path.join(work, "requirements.txt");
    await writeFile(file, requirements);
    const env = pipEnvironment(work);
    console.log(`real pip vs Basewise, per image (pip: install --dry-run --target --only-binary=:all:, HTTP cache warmed; Basewise: one image, warm client, ${BASEWISE_IMAGE_RUNS} runs)`);
    await once(client, requirements, PIP_IMAGES); // warms Basewise's client for these images
    // Projects left out for one image stay out for the next (pip would stop at them again).
    let lines = requirements.split("\n");
    const dropped: string[] = [];
    for (const base of PIP_IMAGES) {
      const resolved = resolveBaseImage(base);
      if (!resolved.ok) throw new Error(resolved.error);
      const made = makeTarget(resolved.image, "amd64");
      if (!made.ok) throw new Error(made.error);
      const { target } = made;
      await writeFile(file, lines.join("\n"));
      const args = [
        // pip 23.x accepts --platform/--abi for install only with --target (nothing is installed: --dry-run).
        "install", "--dry-run", "--ignore-installed", "--isolated", "--target", path.join(work, "target"), "--report", path.join(work, "report.json"), "--only-binary=:all:",
        ...pipTargetArgs({ pythonVersion: target.pythonVersion, implementation: "cp", libc: target.libc, arch: target.machine }),
        "--index-url", indexUrl, "-r", file,
      ];
      // With --only-binary=:all: pip stops at the first project without a usable wheel (django-environ
      // ships only an sdist); such projects are left out, for both, so pip's time is a whole resolution.

      let first = await runPip(args, env);
      for (let attempt = 0; attempt < 8 && first.code !== 0; attempt++) {
        const missing = /(?:No matching distribution found for|Could not find a version that satisfies the requirement) ([A-Za-z0-9._-]+)/.exec(first.output)?.[1];
        if (!missing) break;
        const normalized = missing.toLowerCase().replace(/[-_.]+/g, "-");
        dropped.push(normalized);
        lines = lines.filter((line) => line.toLowerCase().replace(/[-_.]+/g, "-") !== normalized);
        await writeFile(file, lines.join("\n"));
        first = await runPip(args, env);
      }
      const pipMs: number[] = [];
      for (let run = 0; run < PIP_RUNS; run++) pipMs.push((await runPip(args, env)).ms);
      const ours: number[] = [];
      const oursCpu: number[] = [];
      await once(client, lines.join("\n"), [base]);
      for (let run = 0; run < BASEWISE_IMAGE_RUNS; run++) {
        const measured = await once(client, lines.join("\n"), [base]);
        ours.push(measured.ms);
        oursCpu.push(measured.cpuMs);
      }
      const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 0.5);
      const outcome =
        (first.code === 0 ? `${lines.length} requirements resolved` : `exit ${first.code}: ${/ERROR: .*/.exec(first.output)?.[0] ?? "see pip's output"}`) +
        (dropped.length ? `, without ${dropped.join(", ")}` : "");
      console.log(
        `  ${base.padEnd(28)} pip ${(median(pipMs) / 1000).toFixed(2)} s (${outcome}); Basewise ${median(ours).toFixed(1)} ms (CPU ${median(oursCpu).toFixed(1)} ms); pip / Basewise = ${(median(pipMs) / median(ours)).toFixed(0)}×`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main() {
  const requirements = benchRequirements(REQUIREMENTS);
  if (!process.argv.includes("--pip-only")) await coldAndWarm(requirements);
  const fast = await startSnapshotIndex();
  try {
    await pipSideBySide(fast.url, requirements);
  } finally {
    await fast.close();
  }
}

async function coldAndWarm(requirements: string) {
  const slow = await startSnapshotIndex(["--latency-ms", String(LATENCY_MS)]);
  const cold: Measured[] = [];
  const warm: Measured[] = [];
  const warmOneClient: Measured[] = [];
  const coldBoth: Measured[] = [];
  const warmBoth: Measured[] = [];
  try {
    for (let run = 0; run < COLD_RUNS; run++) {
      const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-analysis-"));
      try {
        cold.push(await once(createIndexClient({ indexUrl: slow.url, cacheDir }), requirements));
        if (run === 0) {
          for (let w = 0; w < WARM_RUNS; w++) warm.push(await once(createIndexClient({ indexUrl: slow.url, cacheDir }), requirements));
          const client = createIndexClient({ indexUrl: slow.url, cacheDir });
          await once(client, requirements);
          for (let w = 0; w < WARM_RUNS; w++) warmOneClient.push(await once(client, requirements));
        }
      } finally {
        await rm(cacheDir, { recursive: true, force: true });
      }
    }
    for (let run = 0; run < BOTH_COLD_RUNS; run++) {
      const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-analysis-"));
      try {
        coldBoth.push(await once(createIndexClient({ indexUrl: slow.url, cacheDir }), requirements, BENCH_BASES, BOTH_ARCHS));
        if (run === 0) for (let w = 0; w < BOTH_WARM_RUNS; w++) warmBoth.push(await once(createIndexClient({ indexUrl: slow.url, cacheDir }), requirements, BENCH_BASES, BOTH_ARCHS));
      } finally {
        await rm(cacheDir, { recursive: true, force: true });
      }
    }
  } finally {
    await slow.close();
  }
  console.log(`whole analysis: ${REQUIREMENTS} requirements × ${BENCH_BASES.length} images, index latency ${LATENCY_MS} ms`);
  console.log(`  ${describe("cold (empty cache)        ", cold)}`);
  console.log(`  ${describe("warm (new client)         ", warm)}`);
  console.log(`  ${describe("warm (one client, reused) ", warmOneClient)}`);
  console.log(`the same on amd64 and arm64 (the default): ${BENCH_BASES.length * BOTH_ARCHS.length} targets`);
  console.log(`  ${describe("cold, both archs          ", coldBoth)}`);
  console.log(`  ${describe("warm, both archs          ", warmBoth)}`);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
