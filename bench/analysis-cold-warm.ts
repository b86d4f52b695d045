// Benchmark: one whole analysis (resolution of every dependency, build environments included) of a
// 40-requirement file across 12 images, with the index client as the API route configures it.
//   cold: an empty disk cache, against snapshot-index answering every request after 50 ms;
//   warm: the same disk cache, a new client (a later analysis within the pages' max-age).
// Needs ../shared (the snapshot index). Run: npm run bench:analysis
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { REQUIREMENTS_CORPUS } from "@/e2e/fixtures/requirements-corpus";
import { startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient } from "@/lib/index";
import { analyze, type Report } from "@/lib/report";

const BASES = [
  "python:3.12-slim-bookworm", "python:3.12-bookworm", "python:3.12-alpine3.20", "python:3.13-slim-trixie",
  "python:3.13-alpine3.22", "python:3.11-slim-bookworm", "python:3.11-alpine3.19", "python:3.10-bookworm",
  "python:3.10-slim-bullseye", "python:3.9-slim-bookworm", "gcr.io/distroless/python3-debian13", "ubuntu:24.04",
];
const REQUIREMENTS = 40;
const RUNS = 3;
const LATENCY_MS = 50;

/** The first 40 distinct projects of the realistic corpus, unpinned, as a team's combined file would list them. */
function requirementsFile(): string {
  const names: string[] = [];
  for (const file of REQUIREMENTS_CORPUS) {
    for (const line of file.text.split("\n")) {
      const name = line.split(/[\s;<>=~![]/)[0]?.toLowerCase();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names.slice(0, REQUIREMENTS).join("\n");
}

interface Measured {
  ms: number;
  report: Report;
  requests: number;
}

async function once(indexUrl: string, cacheDir: string, requirements: string): Promise<Measured> {
  const client = createIndexClient({ indexUrl, cacheDir });
  const started = performance.now();
  const result = await analyze({ requirements, bases: BASES, arch: "amd64" }, { index: client, indexHost: "snapshot" });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(result.error);
  return { ms, report: result.report, requests: client.stats().requests };
}

function describe(label: string, runs: Measured[]): string {
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const last = runs.at(-1)!;
  const packages = last.report.targets.reduce((sum, t) => sum + t.packages.length, 0);
  const unknown = last.report.targets.reduce((sum, t) => sum + t.summary.unknown, 0);
  const builds = last.report.targets.reduce((sum, t) => sum + t.builds.length, 0);
  return `${label}: median ${(times[Math.floor(times.length / 2)]! / 1000).toFixed(2)} s (min ${(times[0]! / 1000).toFixed(2)}, max ${(times.at(-1)! / 1000).toFixed(2)}), ${last.requests} index requests, ${packages} packages over ${last.report.targets.length} images, ${builds} build environments, ${unknown} unknown`;
}

async function main() {
  const requirements = requirementsFile();
  const index = await startSnapshotIndex(["--latency-ms", String(LATENCY_MS)]);
  const cold: Measured[] = [];
  const warm: Measured[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-analysis-"));
      try {
        cold.push(await once(index.url, cacheDir, requirements));
        warm.push(await once(index.url, cacheDir, requirements));
      } finally {
        await rm(cacheDir, { recursive: true, force: true });
      }
    }
  } finally {
    await index.close();
  }
  console.log(`whole analysis: ${REQUIREMENTS} requirements × ${BASES.length} images, index latency ${LATENCY_MS} ms, ${RUNS} runs each`);
  console.log(`  ${describe("cold (empty cache)", cold)}`);
  console.log(`  ${describe("warm (disk cache) ", warm)}`);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
