// Benchmark: the index client's cold and warm times for one analysis's worth of projects.
//   cold: an empty disk cache against snapshot-index with 50 ms of latency per response;
//   warm: the same disk cache, a new client (a later analysis within the pages' max-age).
// Each phase fetches the pages of the 40 top PyPI projects, then the core metadata of each page's
// newest file. Needs ../shared (the snapshot index). Run: npx tsx bench/index-cold-warm.ts
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sharedDir, startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient, type IndexClientStats } from "@/lib/index";

const PROJECTS = 40;
const LATENCY_MS = 50;
const RUNS = 5;

interface Phase {
  pagesMs: number;
  metadataMs: number;
  stats: IndexClientStats;
  failures: number;
}

async function phase(indexUrl: string, cacheDir: string, names: string[]): Promise<Phase> {
  const client = createIndexClient({ indexUrl, cacheDir, deadlineMs: null });
  const started = performance.now();
  const pages = await Promise.all(names.map((name) => client.getProject(name)));
  const pagesMs = performance.now() - started;
  const metadata = await Promise.all(
    pages.map((page, i) => {
      const newest = page.ok ? page.page.files.at(-1) : undefined;
      return newest ? client.getCoreMetadata(names[i]!, newest) : null;
    }),
  );
  const metadataMs = performance.now() - started - pagesMs;
  const failures = pages.filter((p) => !p.ok).length + metadata.filter((m) => m !== null && !m.ok).length;
  return { pagesMs, metadataMs, stats: client.stats(), failures };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function describe(label: string, runs: Phase[]): string {
  const pages = median(runs.map((r) => r.pagesMs));
  const metadata = median(runs.map((r) => r.metadataMs));
  const last = runs.at(-1)!;
  return `${label}: pages ${pages.toFixed(0)} ms, + metadata ${metadata.toFixed(0)} ms (median of ${runs.length}); ${last.stats.requests} requests, ${last.stats.cacheHits} cache hits, ${last.failures} failures`;
}

async function main() {
  const shared = sharedDir();
  if (!shared) throw new Error("../shared is needed for this benchmark");
  const top = JSON.parse(readFileSync(path.join(shared, "data/pypi/top-pypi-packages.json"), "utf8")) as { rows: { name: string }[] };
  const names = top.rows.slice(0, PROJECTS).map((row) => row.name);
  const index = await startSnapshotIndex(["--latency-ms", String(LATENCY_MS)]);
  const cold: Phase[] = [];
  const warm: Phase[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-index-"));
      try {
        cold.push(await phase(index.url, cacheDir, names));
        warm.push(await phase(index.url, cacheDir, names));
      } finally {
        await rm(cacheDir, { recursive: true, force: true });
      }
    }
  } finally {
    await index.close();
  }
  console.log(`index client, ${PROJECTS} top projects and each one's newest file's metadata, snapshot-index --latency-ms ${LATENCY_MS}`);
  console.log(describe("cold (empty disk cache)", cold));
  console.log(describe("warm (same disk cache, new client)", warm));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
