import { describe, expect, it } from "vitest";
import { compareVersions, parseSpecifierSet, specifierSetContains } from "@/lib/pep440";
import { canonicalizeName, evaluateMarker, parseRequirement, type MarkerEnvironment } from "@/lib/pep508";
import { BACKEND, BUILD_SYSTEM_TABLE, NO_BUILD_SYSTEM, type BuildSystemEra } from "./index";

// Checks the table itself: every string parses, every range is a half-open interval, and the
// ranges of one project never overlap (so a release has at most one row).

const rows = BUILD_SYSTEM_TABLE.flatMap((pkg) => pkg.eras.map((era) => ({ pkg: pkg.name, era })));

function requirementStrings(era: BuildSystemEra): string[] {
  const declared = era.requires === NO_BUILD_SYSTEM ? [] : [...era.requires];
  return [...declared, ...(era.dynamic ?? []).map((d) => d.requirement)];
}

// Linux targets only: markers must evaluate (not just parse) for them.
const LINUX_ENVS: MarkerEnvironment[] = ["3.8", "3.10", "3.12", "3.13", "3.14"].flatMap((py) =>
  ["x86_64", "aarch64"].map((machine) => ({
    python_version: py,
    python_full_version: `${py}.0`,
    implementation_name: "cpython",
    implementation_version: `${py}.0`,
    platform_python_implementation: "CPython",
    sys_platform: "linux",
    platform_system: "Linux",
    platform_machine: machine,
    platform_release: "6.1.0",
    platform_version: "#1 SMP",
    os_name: "posix",
  })),
);

interface Interval {
  lower: string | null; // inclusive
  upper: string | null; // exclusive
}

function interval(versions: string): Interval {
  const parsed = parseSpecifierSet(versions);
  if (!parsed.ok) throw new Error(parsed.error);
  const result: Interval = { lower: null, upper: null };
  for (const clause of parsed.value.clauses) {
    if (clause.operator === ">=") {
      if (result.lower !== null) throw new Error(`two lower bounds in "${versions}"`);
      result.lower = clause.version;
    } else if (clause.operator === "<") {
      if (result.upper !== null) throw new Error(`two upper bounds in "${versions}"`);
      result.upper = clause.version;
    } else {
      throw new Error(`"${clause.text}" in "${versions}": only >= and < are allowed`);
    }
  }
  return result;
}

// a ends at or before b starts.
function endsBefore(a: Interval, b: Interval): boolean {
  return a.upper !== null && b.lower !== null && compareVersions(a.upper, b.lower) <= 0;
}

describe("build-requirements table", () => {
  it("covers at least 40 projects, each once by PEP 503 name", () => {
    const names = BUILD_SYSTEM_TABLE.map((pkg) => canonicalizeName(pkg.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows.map((r) => [r.pkg, r.era.versions || "(all)", r.era] as const))("%s %s: every requirement is valid PEP 508", (_pkg, _v, era) => {
    for (const text of requirementStrings(era)) {
      const parsed = parseRequirement(text);
      expect(parsed.ok, `${text}: ${parsed.ok ? "" : parsed.error}`).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.url).toBeNull();
      if (parsed.value.marker) {
        const marker = parsed.value.marker;
        for (const env of LINUX_ENVS) expect(() => evaluateMarker(marker, env)).not.toThrow();
      }
    }
  });

  it.each(rows.map((r) => [r.pkg, r.era.versions || "(all)", r.era] as const))("%s %s: range, backend, source and confidence", (_pkg, _v, era) => {
    expect(parseSpecifierSet(era.versions).ok).toBe(true);
    expect(() => interval(era.versions)).not.toThrow();
    expect(era.backend.length).toBeGreaterThan(0);
    expect(era.source.trim().length).toBeGreaterThan(10);
    expect(["high", "medium", "low"]).toContain(era.confidence);
    if (era.requires === NO_BUILD_SYSTEM) {
      expect(era.backend).toBe(BACKEND.setuptoolsLegacy);
    } else {
      expect(era.requires.length).toBeGreaterThan(0);
    }
  });

  it.each(BUILD_SYSTEM_TABLE.map((pkg) => [pkg.name, pkg] as const))("%s: ranges are oldest first and do not overlap", (_name, pkg) => {
    const intervals = pkg.eras.map((era) => interval(era.versions));
    for (let i = 1; i < intervals.length; i++) {
      const previous = intervals[i - 1];
      const current = intervals[i];
      if (!previous || !current) continue;
      expect(endsBefore(previous, current), `${pkg.eras[i - 1]?.versions} vs ${pkg.eras[i]?.versions}`).toBe(true);
    }
    // The same, by sampling versions around every boundary through the real matcher.
    const probes = new Set<string>(["0.1", "999"]);
    for (const { lower, upper } of intervals) {
      for (const bound of [lower, upper]) {
        if (bound === null) continue;
        probes.add(bound);
        probes.add(`${bound}.1`);
        const parts = bound.split(".").map(Number);
        const last = parts.length - 1;
        if ((parts[last] ?? 0) > 0) probes.add([...parts.slice(0, last), (parts[last] ?? 0) - 1].join("."));
      }
    }
    const sets = pkg.eras.map((era) => {
      const parsed = parseSpecifierSet(era.versions);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value;
    });
    for (const probe of probes) {
      const matching = sets.filter((set) => specifierSetContains(set, probe)).length;
      expect(matching, `${pkg.name} ${probe}`).toBeLessThanOrEqual(1);
    }
  });
});
