import { describe, expect, it } from "vitest";
import { compareVersions, parseSpecifierSet, parseVersion, specifierSetContains } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import { DISTRO_RUST } from "./distro-toolchains";
import { BUILD_VIABILITY_TABLE } from "./table";
import { PYO3_MAXIMUM_PYTHON } from "./table/pyo3";
import type { Breakage, PythonFloor } from "./types";

// The table itself: every row has a source and a confidence, ranges are half-open intervals,
// floors are ordered and their boundaries are PEP 440 versions.

const SOURCE = /^https:\/\/\S+$/;
const MINOR = /^3\.\d+$/;

function interval(versions: string): { lower: string | null; upper: string | null } {
  const parsed = parseSpecifierSet(versions);
  if (!parsed.ok) throw new Error(parsed.error);
  const result: { lower: string | null; upper: string | null } = { lower: null, upper: null };
  for (const clause of parsed.value.clauses) {
    if (clause.operator === ">=" && result.lower === null) result.lower = clause.version;
    else if (clause.operator === "<" && result.upper === null) result.upper = clause.version;
    else throw new Error(`"${clause.text}" in "${versions}": only one >= and one < are allowed`);
  }
  if (result.lower !== null && result.upper !== null && compareVersions(result.lower, result.upper) >= 0) throw new Error(`"${versions}" is empty`);
  return result;
}

const floors = BUILD_VIABILITY_TABLE.flatMap((p) => p.python.map((f) => [p.name, f.python, f] as const));
const breakages = BUILD_VIABILITY_TABLE.flatMap((p) => p.breakages.map((b) => [p.name, b.kind, b.versions || "(all)", b] as const));

describe("build-viability table", () => {
  it("covers at least 60 projects, each once by PEP 503 name, each with at least one row", () => {
    const names = BUILD_VIABILITY_TABLE.map((p) => canonicalizeName(p.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(60);
    for (const p of BUILD_VIABILITY_TABLE) expect(p.python.length + p.breakages.length, p.name).toBeGreaterThan(0);
  });

  it.each(floors)("%s on %s: a sourced, well-formed floor", (_name, _py, f: PythonFloor) => {
    expect(f.python).toMatch(MINOR);
    expect(f.sources.length).toBeGreaterThan(0);
    for (const s of f.sources) expect(s).toMatch(SOURCE);
    expect(["high", "medium", "low"]).toContain(f.confidence);
    expect(["reported", "inferred", "none"]).toContain(f.failure);
    if (f.firstBuilding !== null) expect(parseVersion(f.firstBuilding), f.firstBuilding).not.toBeNull();
    else expect(f.failure).not.toBe("none");
    if (f.checkedFrom !== undefined) {
      expect(f.failure).toBe("reported");
      if (f.firstBuilding) expect(compareVersions(f.checkedFrom, f.firstBuilding)).toBeLessThan(0);
    }
    if (f.certainBelow !== undefined) {
      expect(f.failure).toBe("reported");
      if (f.firstBuilding) expect(compareVersions(f.certainBelow, f.firstBuilding)).toBeLessThanOrEqual(0);
    }
    // A low-confidence row says what to check.
    if (f.confidence === "low") expect(f.note ?? "").toMatch(/[Cc]heck/);
  });

  it.each(BUILD_VIABILITY_TABLE.map((p) => [p.name, p] as const))("%s: floors oldest Python first, one per minor, boundaries never going back", (_name, p) => {
    const minors = p.python.map((f) => Number(f.python.split(".")[1]));
    expect([...minors].sort((a, b) => a - b)).toEqual(minors);
    expect(new Set(minors).size).toBe(minors.length);
    // Releases that fail on 3.X also fail on 3.X+1, so a newer minor's first building release is not older.
    const known = p.python.filter((f) => f.failure !== "none" && f.firstBuilding !== null).map((f) => f.firstBuilding as string);
    for (let i = 1; i < known.length; i++) expect(compareVersions(known[i - 1]!, known[i]!), `${p.name} ${known.join(" ")}`).toBeLessThanOrEqual(0);
  });

  it.each(breakages)("%s %s %s: a sourced breakage over a half-open range", (_name, _kind, _v, b: Breakage) => {
    expect(() => interval(b.versions)).not.toThrow();
    expect(b.sources.length).toBeGreaterThan(0);
    for (const s of b.sources) expect(s).toMatch(SOURCE);
    expect(["high", "medium", "low"]).toContain(b.confidence);
    switch (b.kind) {
      case "build-requirement-broken": {
        expect(b.requirement).toBe(canonicalizeName(b.requirement));
        const broken = parseSpecifierSet(b.broken);
        expect(broken.ok).toBe(true);
        if (b.fixedIn) {
          const range = parseSpecifierSet(b.versions);
          expect(range.ok && specifierSetContains(range.value, b.fixedIn)).toBe(false);
        }
        break;
      }
      case "toolchain-too-old":
        expect(b.minimum).toMatch(/^1\.\d+$/);
        break;
      case "library-missing":
        expect(b.missingOn.length).toBeGreaterThan(0);
        break;
      case "platform-unsupported":
        expect(b.libc !== undefined || b.arch !== undefined).toBe(true);
        break;
    }
  });

  it.each(BUILD_VIABILITY_TABLE.map((p) => [p.name, p] as const))("%s: toolchain ranges do not overlap", (_name, p) => {
    const ranges = p.breakages.filter((b) => b.kind === "toolchain-too-old").map((b) => interval(b.versions));
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i - 1]?.upper).not.toBeNull();
      expect(compareVersions(ranges[i - 1]?.upper ?? "0", ranges[i]?.lower ?? "0")).toBeLessThanOrEqual(0);
    }
  });

  it("distro rustc rows and PyO3's ceilings are sourced", () => {
    for (const row of DISTRO_RUST) {
      expect(row.rustc).toMatch(/^1\.\d+$/);
      expect(row.sources.length).toBeGreaterThan(0);
      for (const s of row.sources) expect(s).toMatch(SOURCE);
      if (row.confidence === "low") expect(row.note ?? "").toMatch(/[Cc]heck/);
    }
    expect(new Set(DISTRO_RUST.map((r) => `${r.os} ${r.version}`)).size).toBe(DISTRO_RUST.length);
    for (const row of PYO3_MAXIMUM_PYTHON) {
      expect(parseSpecifierSet(row.pyo3).ok).toBe(true);
      expect(row.source).toMatch(SOURCE);
    }
  });
});
