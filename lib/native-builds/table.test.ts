import { describe, expect, it } from "vitest";
import { compareVersions, parseSpecifierSet, specifierSetContains } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import { nativeBuildFor, osPackagesFor } from "./lookup";
import { NATIVE_BUILD_TABLE } from "./table";
import type { NativeBuildEra } from "./types";

// The table itself: every row has a source, ranges are half-open intervals that do not overlap, and
// the fields agree with the kind.

const rows = NATIVE_BUILD_TABLE.flatMap((pkg) => pkg.eras.map((era) => ({ pkg: pkg.name, era })));

function interval(versions: string): { lower: string | null; upper: string | null } {
  const parsed = parseSpecifierSet(versions);
  if (!parsed.ok) throw new Error(parsed.error);
  const result: { lower: string | null; upper: string | null } = { lower: null, upper: null };
  for (const clause of parsed.value.clauses) {
    if (clause.operator === ">=" && result.lower === null) result.lower = clause.version;
    else if (clause.operator === "<" && result.upper === null) result.upper = clause.version;
    else throw new Error(`"${clause.text}" in "${versions}": only one >= and one < are allowed`);
  }
  return result;
}

describe("native-build table", () => {
  it("covers at least 80 projects, each once by PEP 503 name", () => {
    const names = NATIVE_BUILD_TABLE.map((pkg) => canonicalizeName(pkg.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(80);
  });

  it.each(rows.map((r) => [r.pkg, r.era.versions || "(all)", r.era] as const))("%s %s: has a source, a valid range and fields that fit its kind", (_pkg, _v, era: NativeBuildEra) => {
    expect(era.sources.length).toBeGreaterThan(0);
    for (const source of era.sources) expect(source).toMatch(/^https:\/\/\S+$|^[\w.-]+\/[\w.-]+@[0-9a-f]{7,40}:\S+$/);
    expect(() => interval(era.versions)).not.toThrow();
    expect(["high", "medium", "low"]).toContain(era.confidence);
    expect(era.backend.length).toBeGreaterThan(0);
    expect(era.fallback !== undefined).toBe(era.kind === "optional-native");
    if (era.kind === "pure") {
      expect(era.toolchains).toEqual([]);
      expect(era.os.apt.build).toEqual([]);
      expect(era.os.apk.build).toEqual([]);
    } else {
      expect(era.toolchains.length).toBeGreaterThan(0);
      // A compiled row installs a compiler on every family.
      expect(era.os.apt.build).toEqual(expect.arrayContaining(era.toolchains.includes("c") ? ["gcc"] : []));
      expect(era.os.apk.build.length).toBeGreaterThan(0);
      expect(era.os.dnf.build.length).toBeGreaterThan(0);
    }
  });

  it.each(NATIVE_BUILD_TABLE.map((pkg) => [pkg.name, pkg] as const))("%s: ranges oldest first, not overlapping", (_name, pkg) => {
    const intervals = pkg.eras.map((era) => interval(era.versions));
    for (let i = 1; i < intervals.length; i++) {
      const previous = intervals[i - 1];
      const current = intervals[i];
      expect(previous?.upper, `${pkg.name}: every range but the last has an upper bound`).not.toBeNull();
      expect(current?.lower).not.toBeNull();
      expect(compareVersions(previous?.upper ?? "0", current?.lower ?? "0")).toBeLessThanOrEqual(0);
    }
    const sets = pkg.eras.map((era) => {
      const parsed = parseSpecifierSet(era.versions);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.value;
    });
    for (const bound of intervals.flatMap((i) => [i.lower, i.upper]).filter((b): b is string => b !== null)) {
      expect(sets.filter((set) => specifierSetContains(set, bound)).length, `${pkg.name} ${bound}`).toBeLessThanOrEqual(1);
    }
  });
});

describe("nativeBuildFor", () => {
  it("cryptography: C only before 3.4, 3.4.x with CRYPTOGRAPHY_DONT_BUILD_RUST set, Rust from 35", () => {
    expect(nativeBuildFor("cryptography", "3.3.2").toolchains).toEqual(["c"]);
    const c34 = nativeBuildFor("cryptography", "3.4.8");
    expect(c34.env).toEqual([expect.objectContaining({ name: "CRYPTOGRAPHY_DONT_BUILD_RUST", value: "1", set: true, appliesTo: ">=3.4,<35" })]);
    expect(c34.toolchains).not.toContain("rust");
    const c35 = nativeBuildFor("Cryptography", "35.0.0");
    expect(c35.toolchains).toContain("rust");
    expect(c35.env).toEqual([]);
    expect(osPackagesFor(nativeBuildFor("cryptography", "42.0.5"), "apk").build).toContain("cargo");
  });

  it("matches pre-releases and post-releases by their release number", () => {
    expect(nativeBuildFor("cryptography", "35.0.0rc1").appliesTo).toBe(">=35,<43");
    expect(nativeBuildFor("cryptography", "3.4.post1").appliesTo).toBe(">=3.4,<35");
  });

  it("an unknown project gets a generic, labelled C-toolchain answer", () => {
    const answer = nativeBuildFor("not-in-the-table", "1.0");
    expect(answer).toMatchObject({ basis: "generic", kind: "native", toolchains: ["c"], confidence: "low" });
    expect(answer.note).toMatch(/C toolchain is assumed/);
    expect(osPackagesFor(answer, "apt")).toEqual({ build: ["gcc", "libc6-dev"], runtime: [] });
    expect(osPackagesFor(answer, "apk")).toEqual({ build: ["gcc", "musl-dev"], runtime: [] });
    expect(osPackagesFor(answer, "none")).toEqual({ build: [], runtime: [] });
  });

  it("no version: the newest range, said so", () => {
    const answer = nativeBuildFor("cryptography", null);
    expect(answer.appliesTo).toBe(">=43");
    expect(answer.note).toMatch(/No version known/);
  });

  it("Debian runtime names follow the release; Wolfi names where the table has them", () => {
    const answer = nativeBuildFor("cffi", "1.16.0");
    expect(osPackagesFor(answer, "apt", { codename: "bookworm" }).runtime).toEqual(["libffi8"]);
    expect(osPackagesFor(answer, "apt", { codename: "bullseye" }).runtime).toEqual(["libffi7"]);
    expect(osPackagesFor(answer, "apk", { id: "wolfi" }).build).toContain("build-base");
    expect(osPackagesFor(answer, "apk", { id: "alpine" }).build).toContain("musl-dev");
  });
});
