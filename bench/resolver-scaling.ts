// Benchmark: how the resolver scales with the size of a requirements file. 300, 600 and 1 200 real
// project names (the snapshot's, most downloaded first), unpinned, resolved on one image, as one
// whole analysis (build environments included) through the snapshot index without added latency.
//   cold: a fresh index client and disk cache (pages fetched and parsed in this run; Basewise's own
//         parse caches of versions and specifiers may hold entries from an earlier size);
//   warm: the same client again (pages held in memory; what remains is Basewise's CPU work).
// Also prints the resolver work units spent (what DEFAULT_WORK_BUDGET is measured in).
// Needs ../shared. Run: npx tsx bench/resolver-scaling.ts [sizes…]
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sharedDir, startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient } from "@/lib/index";
import { parseRequirementsFile } from "@/lib/requirements-file";
import { analyze } from "@/lib/report";
import { imageContext } from "@/lib/report/image-context";
import { indexSources, resolveTarget, WorkBudget } from "@/lib/resolve/resolver";
import { makeTarget, resolveBaseImage } from "@/lib/targets";

const BASE = "python:3.12-slim-bookworm";

function snapshotNames(count: number): string[] {
  const shared = sharedDir();
  if (!shared) throw new Error("../shared was not found");
  const top = JSON.parse(readFileSync(path.join(shared, "data/pypi/top-pypi-packages.json"), "utf8")) as { rows: { name: string }[] };
  const known = JSON.parse(readFileSync(path.join(shared, "data/pypi/packages-index.json"), "utf8")) as Record<string, unknown>;
  return top.rows.map((r) => r.name).filter((name) => name in known).slice(0, count);
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const index = await startSnapshotIndex();
  try {
    const resolved = resolveBaseImage(BASE);
    if (!resolved.ok) throw new Error(resolved.error);
    const made = makeTarget(resolved.image, "amd64");
    if (!made.ok) throw new Error(made.error);
    console.log(`${BASE} (amd64), snapshot index without latency`);
    for (const size of sizes.length ? sizes : [300, 600, 1200]) {
      const requirements = snapshotNames(size).join("\n");
      // Its own disk cache, so the process-wide parsed-page cache (keyed by cache store) starts empty too.
      const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-scaling-"));
      // No analysis deadline: a cold run on a busy machine can pass the default 30 s, and projects
      // fetched after it would be unknown. The project limit stays the product's (500): beyond it
      // projects are unknown, as in the app. With every project fetched (maxProjects: 5000), 600 and
      // 1 200 of these names have no solution together (some have no usable file on the image) and
      // the resolver stops at once; the limited run is the heavier, more useful workload.
      const client = createIndexClient({ indexUrl: index.url, cacheDir, deadlineMs: null });
      const runs: string[] = [];
      for (const label of ["cold", "warm"]) {
        const started = performance.now();
        const result = await analyze({ requirements, bases: [BASE] }, { index: client, indexHost: "snapshot" });
        const ms = performance.now() - started;
        if (!result.ok) throw new Error(result.error);
        const [target] = result.report.targets;
        runs.push(`${label} ${(ms / 1000).toFixed(2)} s (${target?.packages.length} packages, ${target?.builds.length} builds, resolution ${target?.resolution.ok ? "ok" : (target?.resolution as { code: string }).code})`);
      }
      // The image's own resolution alone, to count its work units.
      const parsed = parseRequirementsFile(requirements);
      if (!parsed.ok) throw new Error(parsed.error);
      const image = imageContext(made.target, parsed.file);
      const budget = new WorkBudget(Infinity);
      const started = performance.now();
      await resolveTarget(parsed.file.requirements, indexSources(client, new Date()), { tags: image.tags, tagTarget: image.tagTarget, environment: image.environment, policy: image.policy, budget });
      const resolveMs = performance.now() - started;
      // Cache writes may still be landing; a leftover temp folder is harmless.
      await rm(cacheDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => {});
      console.log(`  ${String(size).padStart(5)} requirements: ${runs.join("; ")}; resolution alone (warm) ${(resolveMs / 1000).toFixed(2)} s, ${budget.spent} work units`);
    }
  } finally {
    await index.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
