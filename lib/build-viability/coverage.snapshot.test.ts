import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { findNativePackage } from "@/lib/native-builds/table";
import { canonicalizeName } from "@/lib/pep508";
import { findViabilityProject } from "./table";

// Coverage (issue 15): the 100 most-downloaded PyPI projects that ship compiled code each have an
// answer in both tables. "Most-downloaded" is ../shared/data/pypi/top-pypi-packages.json (30-day
// ranking); "ships compiled code" is a project in manylinux-wheel-projects.json (projects with a
// manylinux wheel, 2026-08) or flagged `manylinux_project` in packages.jsonl.gz (the 2023 snapshot).
// Every such project needs a native-build row (native, optional-native, pure, or wheel-only: each
// sourced); one whose sdist compiles needs build-viability rows too. A pure sdist (mypyc-compiled
// wheels) or a wheel-only project has nothing to build, and its native-build row says so.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const pypi = path.resolve(repoRoot, "../shared/data/pypi");
const haveData = existsSync(path.join(pypi, "top-pypi-packages.json"));

// Projects in the list whose compiling releases have no viability rows yet, and why. Each must still
// be in the list and still lack rows (so the entry goes when rows arrive).
const GAPS: Readonly<Record<string, string>> = {
  protobuf:
    "4.21+ sdists compile a C extension (native-build row) but publish abi3 wheels, so there is no per-minor wheel evidence; the 4.21.x PyPI sdists carried the deprecated C++ extension (protocolbuffers/protobuf#11145), which failed on 3.11 (#10305), and the release whose sdist builds upb was not found",
};

interface Ranked {
  rank: number;
  name: string;
}

function topCompiled(count: number): string[] {
  const ranking = (JSON.parse(readFileSync(path.join(pypi, "top-pypi-packages.json"), "utf8")) as { rows: Ranked[] }).rows;
  const manylinux = new Set((JSON.parse(readFileSync(path.join(pypi, "manylinux-wheel-projects.json"), "utf8")) as { projects: string[] }).projects.map(canonicalizeName));
  for (const line of gunzipSync(readFileSync(path.join(pypi, "packages.jsonl.gz"))).toString("utf8").split("\n")) {
    if (!line) continue;
    const row = JSON.parse(line) as { name: string; manylinux_project?: boolean };
    if (row.manylinux_project) manylinux.add(canonicalizeName(row.name));
  }
  return [...ranking]
    .sort((a, b) => a.rank - b.rank)
    .map((r) => canonicalizeName(r.name))
    .filter((name) => manylinux.has(name))
    .slice(0, count);
}

describe.skipIf(!haveData)("the 100 most-downloaded projects that ship compiled code", () => {
  const top = haveData ? topCompiled(100) : [];

  it("are 100 distinct projects, from charset-normalizer and cryptography down", () => {
    expect(new Set(top).size).toBe(100);
    expect(top.slice(0, 3)).toEqual(["charset-normalizer", "cryptography", "numpy"]);
    // Names that must be in it, so a broken filter cannot pass with 100 arbitrary projects.
    for (const name of ["markupsafe", "matplotlib", "regex", "wrapt", "msgpack", "hf-xet", "confluent-kafka"]) expect(top).toContain(name);
    // Pure-Python projects never count, however popular.
    for (const name of ["boto3", "requests", "urllib3"]) expect(top).not.toContain(name);
    for (const name of Object.keys(GAPS)) expect(top, `GAPS lists ${name}, which is not in the list`).toContain(name);
  });

  it.each(top.map((name, i) => [i + 1, name] as const))("#%i %s: a sourced native-build row, and viability rows when its sdist compiles", (_i, name) => {
    const native = findNativePackage(name);
    expect(native, `${name}: no native-build row`).toBeDefined();
    if (!native) return;
    for (const era of native.entry.eras) expect(era.sources.length, `${name} ${era.versions || "(all)"}`).toBeGreaterThan(0);
    const compiles = native.entry.eras.some((era) => era.kind !== "pure" && !era.wheelOnly);
    if (!compiles) return;
    const viability = findViabilityProject(name);
    if (name in GAPS) {
      expect(viability, `${name} has rows now: drop it from GAPS`).toBeUndefined();
      return;
    }
    expect(viability, `${name}: its sdist compiles but the build-viability table has no row`).toBeDefined();
    if (viability) expect(viability.entry.python.length + viability.entry.breakages.length, name).toBeGreaterThan(0);
  });
});
