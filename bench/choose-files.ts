// Benchmark: time to choose files for 100 pinned requirements × 12 targets with a warm cache, line by
// line (--no-deps): the file choice alone. bench/analysis-cold-warm.ts measures whole resolutions.
// Needs ../shared (the snapshot index). Run: npm run bench
import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sharedDir, startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient } from "@/lib/index";
import { compareVersions, isPrerelease } from "@/lib/pep440";
import { analyze } from "@/lib/report";
import { parseSdistFilename, parseWheelFilename } from "@/lib/tags";

const BASES = [
  "python:3.10-bullseye", "python:3.10-slim-bookworm", "python:3.11-slim-bookworm", "python:3.12-slim-bookworm",
  "python:3.12-bookworm", "python:3.13-slim-trixie", "python:3.10-alpine3.17", "python:3.11-alpine3.19",
  "python:3.12-alpine3.20", "python:3.13-alpine3.22", "python:3.9-slim-bullseye", "python:3.8-slim-bullseye",
];
const REQUIREMENTS = 100;
const RUNS = 5;

async function main() {
  const shared = sharedDir();
  if (!shared) throw new Error("../shared is needed for this benchmark");
  const index = await startSnapshotIndex();
  const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-cache-"));
  try {
    const top = JSON.parse(readFileSync(path.join(shared, "data/pypi/top-pypi-packages.json"), "utf8")) as { rows: { name: string }[] };
    const setup = createIndexClient({ indexUrl: index.url, cacheDir, maxProjects: 2000 });
    const lines: string[] = [];
    for (const { name } of top.rows) {
      if (lines.length >= REQUIREMENTS) break;
      const project = await setup.getProject(name);
      if (!project.ok) continue;
      const versions = project.page.files
        .map((f) => (parseWheelFilename(f.filename) ?? parseSdistFilename(f.filename, name))?.version)
        .filter((v): v is string => !!v && !isPrerelease(v));
      if (versions.length === 0) continue;
      lines.push(`${name}==${versions.sort(compareVersions).at(-1)}`);
    }
    const requirements = lines.join("\n");

    const timings: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh client per run, as each analysis gets: only the disk cache is warm.
      const client = createIndexClient({ indexUrl: index.url, cacheDir, maxProjects: 2000 });
      const start = performance.now();
      const result = await analyze({ requirements, bases: BASES, arch: "amd64", noDeps: true }, { index: client, indexHost: "snapshot" });
      timings.push(performance.now() - start);
      if (!result.ok || result.report.targets.length !== BASES.length) throw new Error("analysis failed");
      const stats = client.stats();
      if (run === RUNS - 1) console.log(`last run: ${stats.requests} network requests, ${stats.cacheHits} cache hits`);
    }
    timings.sort((a, b) => a - b);
    console.log(`choose files: ${lines.length} pinned requirements × ${BASES.length} targets, warm disk cache, ${RUNS} runs`);
    console.log(`  median ${timings[Math.floor(RUNS / 2)]?.toFixed(0)} ms, min ${timings[0]?.toFixed(0)} ms, max ${timings.at(-1)?.toFixed(0)} ms`);
  } finally {
    await index.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
