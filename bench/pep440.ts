// Benchmark: Basewise's PEP 440 module against @renovatebot/pep440 4.x on every version string in
// the PyPI snapshot — parse, sort each project's releases, filter with a specifier — and how often
// the two disagree on order. Needs ../shared. Run: npm run bench:pep440
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import * as renovate from "@renovatebot/pep440";
import { sharedDir } from "@/e2e/fixtures/snapshot-index";
import { compareVersions, filterVersions, parseSpecifierSet, parseVersion } from "@/lib/pep440";

const SPECIFIER = ">=1.0,!=1.5.*,<3";
const RUNS = 5;

function loadProjects(): string[][] {
  const shared = sharedDir();
  if (!shared) throw new Error("../shared is needed for this benchmark");
  const lines = gunzipSync(readFileSync(path.join(shared, "data/pypi/packages.jsonl.gz"))).toString("utf8").split("\n");
  return lines.filter(Boolean).map((line) => Object.keys((JSON.parse(line) as { versions: Record<string, unknown> }).versions ?? {}));
}

function median(work: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

function main() {
  const projects = loadProjects();
  // Only versions both libraries accept, so each does the same work.
  const valid = projects.map((versions) => versions.filter((v) => parseVersion(v) !== null && renovate.valid(v) !== null));
  const total = valid.reduce((n, v) => n + v.length, 0);
  const spec = parseSpecifierSet(SPECIFIER);
  if (!spec.ok) throw new Error(spec.error);

  const rows = [
    ["parse every version", () => valid.forEach((vs) => vs.forEach((v) => parseVersion(v))), () => valid.forEach((vs) => vs.forEach((v) => renovate.parse(v)))],
    ["sort each project's versions", () => valid.forEach((vs) => [...vs].sort(compareVersions)), () => valid.forEach((vs) => [...vs].sort(renovate.compare))],
    [`filter by "${SPECIFIER}"`, () => valid.forEach((vs) => filterVersions(spec.value, vs)), () => valid.forEach((vs) => renovate.filter(vs, SPECIFIER))],
  ] as const;

  console.log(`${projects.length} projects, ${total} versions both libraries parse; median of ${RUNS} runs`);
  for (const [label, ours, theirs] of rows) {
    const a = median(ours);
    const b = median(theirs);
    console.log(`  ${label.padEnd(36)} basewise ${a.toFixed(0).padStart(5)} ms   @renovatebot/pep440 ${b.toFixed(0).padStart(5)} ms`);
  }

  let differentOrder = 0;
  for (const vs of valid) {
    const ours = [...vs].sort(compareVersions).join(" ");
    const theirs = [...vs].sort(renovate.compare).join(" ");
    if (ours !== theirs) differentOrder++;
  }
  console.log(`  projects whose release order differs between the two: ${differentOrder}`);
}

main();
