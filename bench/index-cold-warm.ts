// Benchmark: the index layer alone, cold and warm, against snapshot-index with 50 ms of latency per
// response. Two workloads:
//   top 40:   the pages of the 40 top PyPI projects, then the core metadata of each page's newest file;
//   analysis: every page and metadata request one whole analysis makes (40 requirements × 12 images,
//             as bench/analysis-cold-warm.ts), recorded once, then replayed without the resolver, so
//             the figures are the index layer's only.
// Each workload runs three ways, each with a new client (a new analysis):
//   cold:               an empty disk cache;
//   warm, from disk:    the same disk cache in a fresh process (in-process caches forgotten);
//   warm, in process:   the same disk cache and the same process (a later analysis in one server).
// Needs ../shared (the snapshot index). Run: npm run bench:index
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sharedDir, startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import {
  createIndexClient,
  diskCacheCounters,
  forgetInProcessIndexCaches,
  pageFormatCounters,
  processParsedCache,
  type IndexClient,
  type IndexClientStats,
  type IndexFile,
} from "@/lib/index";
import { analyze } from "@/lib/report";
import { BENCH_BASES, benchRequirements } from "./analysis-inputs";

const PROJECTS = 40;
const LATENCY_MS = 50;
const RUNS = 5;
// The same images and requirements as bench/analysis-cold-warm.ts.
const REQUIREMENTS = 40;

type Call = { kind: "page"; name: string } | { kind: "metadata"; project: string; file: IndexFile };

interface Phase {
  ms: number;
  stats: IndexClientStats;
  failures: number;
  diskReads: number;
  pageParses: number;
  parsedHits: number;
}

/** The calls one analysis makes, in the order it makes them (each distinct call once). */
async function recordAnalysis(indexUrl: string): Promise<Call[]> {
  const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-record-"));
  try {
    const inner = createIndexClient({ indexUrl, cacheDir, deadlineMs: null });
    const calls: Call[] = [];
    const seen = new Set<string>();
    const note = (id: string, call: Call) => {
      if (!seen.has(id)) {
        seen.add(id);
        calls.push(call);
      }
    };
    const recording: IndexClient = {
      getProject: (name) => {
        note(`page ${name}`, { kind: "page", name });
        return inner.getProject(name);
      },
      getCoreMetadata: (project, file) => {
        note(`metadata ${project} ${file.url}`, { kind: "metadata", project, file });
        return inner.getCoreMetadata(project, file);
      },
      getSdistBuildSystem: (project, file) => inner.getSdistBuildSystem(project, file),
      stats: () => inner.stats(),
    };
    const result = await analyze({ requirements: benchRequirements(REQUIREMENTS), bases: BENCH_BASES, arch: "amd64" }, { index: recording, indexHost: "snapshot" });
    if (!result.ok) throw new Error(result.error);
    return calls;
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

function topProjectCalls(shared: string): (client: IndexClient) => Promise<number> {
  const top = JSON.parse(readFileSync(path.join(shared, "data/pypi/top-pypi-packages.json"), "utf8")) as { rows: { name: string }[] };
  const names = top.rows.slice(0, PROJECTS).map((row) => row.name);
  return async (client) => {
    const pages = await Promise.all(names.map((name) => client.getProject(name)));
    const metadata = await Promise.all(
      pages.map((page, i) => {
        const newest = page.ok ? page.page.files.at(-1) : undefined;
        return newest ? client.getCoreMetadata(names[i]!, newest) : null;
      }),
    );
    return pages.filter((p) => !p.ok).length + metadata.filter((m) => m !== null && !m.ok).length;
  };
}

/** Replays an analysis's calls: pages all at once, then metadata all at once (the resolver's read-ahead is about as eager). */
function replay(calls: Call[]): (client: IndexClient) => Promise<number> {
  return async (client) => {
    const pages = await Promise.all(calls.filter((c) => c.kind === "page").map((c) => client.getProject(c.name)));
    const metadata = await Promise.all(calls.flatMap((c) => (c.kind === "metadata" ? [client.getCoreMetadata(c.project, c.file)] : [])));
    // Pages the snapshot does not have are part of the workload (an analysis asks for them too).
    return pages.filter((p) => !p.ok && p.reason !== "not-found").length + metadata.filter((m) => !m.ok && m.reason !== "unavailable").length;
  };
}

async function phase(indexUrl: string, cacheDir: string, work: (client: IndexClient) => Promise<number>): Promise<Phase> {
  const before = { diskReads: diskCacheCounters.reads, pageParses: pageFormatCounters.json + pageFormatCounters.html, parsedHits: processParsedCache.counters.hits };
  const client = createIndexClient({ indexUrl, cacheDir, deadlineMs: null, maxProjects: 2000 });
  const started = performance.now();
  const failures = await work(client);
  return {
    ms: performance.now() - started,
    stats: client.stats(),
    failures,
    diskReads: diskCacheCounters.reads - before.diskReads,
    pageParses: pageFormatCounters.json + pageFormatCounters.html - before.pageParses,
    parsedHits: processParsedCache.counters.hits - before.parsedHits,
  };
}

async function directoryBytes(directory: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(directory).catch(() => [] as string[])) total += (await stat(path.join(directory, name))).size;
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function describe(label: string, runs: Phase[]): string {
  const last = runs.at(-1)!;
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  return `  ${label.padEnd(18)} median ${median(times).toFixed(0).padStart(5)} ms (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}); ${last.stats.requests} requests, ${last.stats.cacheHits} cache hits, ${last.diskReads} disk reads, ${last.pageParses} pages parsed, ${last.parsedHits} parsed-cache hits, ${last.failures} failures`;
}

async function workload(label: string, indexUrl: string, work: (client: IndexClient) => Promise<number>): Promise<void> {
  const cold: Phase[] = [];
  const fromDisk: Phase[] = [];
  const inProcess: Phase[] = [];
  let cacheBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-index-"));
    try {
      forgetInProcessIndexCaches();
      cold.push(await phase(indexUrl, cacheDir, work));
      cacheBytes = await directoryBytes(path.join(cacheDir, "simple-pages"));
      forgetInProcessIndexCaches();
      fromDisk.push(await phase(indexUrl, cacheDir, work));
      inProcess.push(await phase(indexUrl, cacheDir, work));
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  }
  console.log(`${label} (${RUNS} runs; disk cache after cold: ${(cacheBytes / (1024 * 1024)).toFixed(1)} MB; parsed cache: ${processParsedCache.size.entries} entries, ~${(processParsedCache.size.bytes / (1024 * 1024)).toFixed(1)} MB)`);
  console.log(describe("cold", cold));
  console.log(describe("warm, from disk", fromDisk));
  console.log(describe("warm, in process", inProcess));
}

async function main() {
  const shared = sharedDir();
  if (!shared) throw new Error("../shared is needed for this benchmark");
  const index = await startSnapshotIndex(["--latency-ms", String(LATENCY_MS)]);
  try {
    console.log(`index layer only, snapshot-index --latency-ms ${LATENCY_MS}`);
    await workload(`top ${PROJECTS} projects' pages and newest file's metadata`, index.url, topProjectCalls(shared));
    const calls = await recordAnalysis(index.url);
    const pages = calls.filter((c) => c.kind === "page").length;
    await workload(`one analysis's index calls, ${REQUIREMENTS} requirements × ${BENCH_BASES.length} images (${pages} pages, ${calls.length - pages} metadata files)`, index.url, replay(calls));
  } finally {
    await index.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
