// Whole analyses against a failing index (snapshot-index with 503s, truncated answers, hung requests and
// 50 ms latency), with the index client exactly as the API route configures it. Every analysis must
// finish within the client's deadline; every package must be either what the fault-free index gives
// or unknown with the index's failure as its code (index-error, index-unreadable, timeout); a package missing from the faulty install set
// must have lost a requirer to a fault (its page or its metadata). Run by the snapshot suite only.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUIREMENTS_CORPUS } from "@/e2e/fixtures/requirements-corpus";
import { sharedDir, startSnapshotIndex, type SnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient, DEFAULT_DEADLINE_MS } from "@/lib/index";
import { analyze } from "./analyze";
import type { IndexFile } from "@/lib/index";
import type { CoreMetadata } from "@/lib/index/core-metadata";
import { isUndetectableTruncation } from "@/lib/index/truncation.test-support";
import type { Report, TargetPackage } from "@/lib/contract/report";

const FAULTS = ["--fail-rate", "0.2", "--malformed-rate", "0.05", "--hang-rate", "0.02", "--hang-s", "20", "--latency-ms", "50", "--seed", "7"];
const FILES = ["django-celery", "fastapi-service", "data-notebook", "etl-job", "scraper", "fastapi-auth", "gcp-job", "extras-heavy"];
const BASES = ["python:3.12-slim-bookworm", "python:3.11-alpine3.19", "python:3.10-bookworm"];
// The last answers' parsing and the resolution that follows the deadline, for 8 analyses at once on a
// CI machine that may be 3× slower than this one (the resolution after the deadline takes ~1–2 s here).
const MARGIN_MS = 10_000;
// What the faults produce, by code: a failed or unreadable answer, or one that never came.
const FAILURE = new Set(["index-error", "index-unreadable", "timeout"]);
const DEPENDENCY_FAILURE = new Set(["index-error", "index-unreadable", "timeout", "digest-mismatch"]);
const failed = (pkg: TargetPackage) => pkg.status === "unknown" && pkg.code !== null && FAILURE.has(pkg.code);

interface Run {
  report: Report;
  elapsedMs: number;
  /** Core metadata as the analysis received it, per project and file. */
  metadata: Map<string, CoreMetadata | null>;
}

async function run(indexUrl: string, requirements: string, deadline: "route" | "none"): Promise<Run> {
  const client = createIndexClient(deadline === "route" ? { indexUrl, cacheDir: null } : { indexUrl, cacheDir: null, deadlineMs: null });
  const metadata = new Map<string, CoreMetadata | null>();
  const index = {
    getProject: (name: string) => client.getProject(name),
    getCoreMetadata: async (project: string, file: IndexFile) => {
      const result = await client.getCoreMetadata(project, file);
      metadata.set(`${project} ${file.filename}`, result.ok ? result.metadata : null);
      return result;
    },
  };
  const started = performance.now();
  const result = await analyze({ requirements, bases: BASES, arch: "amd64" }, { index, indexHost: "snapshot" });
  if (!result.ok) throw new Error(result.error);
  return { report: result.report, elapsedMs: performance.now() - started, metadata };
}

/** Files whose metadata a fault cut short at a line end (see isUndetectableTruncation), by project. */
function truncatedMetadata(clean: Run, faulty: Run): Set<string> {
  const touched = new Set<string>();
  for (const [key, received] of faulty.metadata) {
    const truth = clean.metadata.get(key);
    if (received && truth && isUndetectableTruncation(truth, received)) touched.add(key.split(" ")[0]!);
  }
  return touched;
}

const same = (a: TargetPackage, b: TargetPackage) => a.version === b.version && a.filename === b.filename && a.status === b.status;

describe.skipIf(sharedDir() === null)("analyses against a faulty index", () => {
  let clean: SnapshotIndex;
  let faulty: SnapshotIndex;
  beforeAll(async () => {
    [clean, faulty] = await Promise.all([startSnapshotIndex(), startSnapshotIndex(FAULTS)]);
  });
  afterAll(async () => {
    await Promise.all([clean?.close(), faulty?.close()]);
  });

  it(`${FILES.length} requirements files × ${BASES.length} images: within the deadline, unaffected packages identical, affected ones say why`, async () => {
    const files = FILES.map((name) => REQUIREMENTS_CORPUS.find((f) => f.name === name)!);
    const reference = await Promise.all(files.map((f) => run(clean.url, f.text, "none")));
    const faultyRuns = await Promise.all(files.map((f) => run(faulty.url, f.text, "route")));

    let identical = 0;
    let unknown = 0;
    let dropped = 0;
    let changed = 0;
    let undetectable = 0;
    const problems: string[] = [];
    files.forEach((file, i) => {
      const { report: expected } = reference[i]!;
      const { report: actual, elapsedMs } = faultyRuns[i]!;
      const truncated = truncatedMetadata(reference[i]!, faultyRuns[i]!);
      undetectable += truncated.size;
      if (elapsedMs > DEFAULT_DEADLINE_MS + MARGIN_MS) problems.push(`${file.name}: took ${Math.round(elapsedMs)} ms`);
      actual.targets.forEach((target, t) => {
        const cleanTarget = expected.targets[t]!;
        const cleanByName = new Map(cleanTarget.packages.map((p) => [p.name, p]));
        const faultyByName = new Map(target.packages.map((p) => [p.name, p]));
        // Packages the faults touched: their page failed, or their metadata did.
        const affected = new Set(target.packages.filter((p) => failed(p) || (p.dependenciesUnknownCode !== null && DEPENDENCY_FAILURE.has(p.dependenciesUnknownCode))).map((p) => p.name));
        for (const name of truncated) affected.add(name);
        for (const pkg of target.packages) {
          const before = cleanByName.get(pkg.name);
          if (failed(pkg)) unknown++;
          else if (before && same(pkg, before)) identical++;
          // Its own metadata lost lines (Requires-Python, say) or a requirer's did: a different pick is the fault's doing.
          else if (affected.has(pkg.name) || pkg.requiredBy.some((r) => r.project !== null && affected.has(r.project))) changed++;
          else problems.push(`${file.name} on ${target.base}: ${pkg.name} ${pkg.version} (${pkg.status}) differs from the fault-free ${before ? `${before.version} (${before.status})` : "run, which does not install it"}`);
        }
        for (const [name, before] of cleanByName) {
          if (faultyByName.has(name)) continue;
          dropped++;
          // Its requirers in the fault-free run: at least one must have been touched by a fault.
          const requirers = before.requiredBy.map((r) => r.project).filter((p): p is string => p !== null);
          if (!requirers.some((r) => affected.has(r) || !faultyByName.has(r))) problems.push(`${file.name} on ${target.base}: ${name} is missing without a failed requirer`);
        }
      });
    });
    const times = faultyRuns.map((r) => Math.round(r.elapsedMs / 100) / 10);
    console.log(
      `faulty index (${FAULTS.join(" ")}): ${files.length} analyses × ${BASES.length} images in ${times.join(", ")} s (deadline ${DEFAULT_DEADLINE_MS / 1000} s); ` +
        `packages: ${identical} identical to the fault-free run, ${unknown} unknown with the index's failure, ${dropped} not reached because a requirer failed, ${changed} chosen differently because a fault changed their metadata or a requirer's; ` +
        `metadata files truncated undetectably (no digest on this index): ${undetectable}`,
    );
    expect(problems).toEqual([]);
    // The faults must actually have been met, or this proves nothing.
    expect(unknown).toBeGreaterThan(0);
    expect(identical).toBeGreaterThan(unknown);
  }, 180_000);
});
