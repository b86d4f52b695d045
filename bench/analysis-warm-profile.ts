// Profiling aid: one index client reused across warm analyses (its in-memory maps hold parsed pages,
// so what remains is Basewise's own CPU work above the index layer). Writes a CPU profile of the warm
// runs only (open it in Chrome DevTools or speedscope):
//   npx tsx bench/analysis-warm-profile.ts [runs] [profile.cpuprofile]
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { performance } from "node:perf_hooks";
import { startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient } from "@/lib/index";
import { analyze } from "@/lib/report";
import { WorkBudget } from "@/lib/resolve/resolver";
import { BENCH_BASES, benchRequirements } from "./analysis-inputs";

async function main() {
  const runs = Number(process.argv[2] ?? 10);
  const index = await startSnapshotIndex();
  const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-profile-"));
  try {
    const client = createIndexClient({ indexUrl: index.url, cacheDir });
    const requirements = benchRequirements(40);
    const times: number[] = [];
    const session = new Session();
    session.connect();
    for (let run = 0; run <= runs; run++) {
      if (run === 1 && process.argv[3]) {
        await session.post("Profiler.enable");
        await session.post("Profiler.start");
      }
      const started = performance.now();
      const budget = new WorkBudget(Infinity);
      const result = await analyze({ requirements, bases: BENCH_BASES, arch: "amd64" }, { index: client, indexHost: "snapshot", workBudget: budget });
      if (!result.ok) throw new Error(result.error);
      times.push(performance.now() - started);
      if (run === 0) console.log(`resolver work: ${budget.spent} units`);
    }
    if (process.argv[3]) {
      const { profile } = await session.post("Profiler.stop");
      await writeFile(process.argv[3], JSON.stringify(profile));
    }
    console.log(`first (cold) ${times[0]!.toFixed(0)} ms; warm, same client: ${times.slice(1).map((t) => t.toFixed(0)).join(" ")} ms`);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
    await index.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
