import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalizeName } from "@/lib/pep508";
import { NATIVE_BUILD_TABLE } from "./table";

// The curated table against the gathered facts (../shared/data/sysdeps/native-packages.json, read
// here as an oracle, never copied): for every project both know, the newest range's kind and
// compilers agree, and the Debian and Alpine build packages the facts list are installed.

interface Fact {
  package: string;
  kind: "native" | "optional-native" | "pure";
  toolchains: string[];
  apt: { build: string[]; runtime: string[] };
  apk: { build: string[]; runtime: string[] };
}

const facts = JSON.parse(readFileSync(join(__dirname, "../../../shared/data/sysdeps/native-packages.json"), "utf8")) as Fact[];
const byName = new Map(facts.map((f) => [canonicalizeName(f.package), f]));
const COMPILERS = new Set(["c", "cxx", "fortran", "rust"]);

// Where the table deliberately differs from the facts, and why.
const DIFFERENCES: Readonly<Record<string, string>> = {
  "argon2-cffi-bindings": "the facts list cmake for the unreleased scikit-build-core main branch; released 21.2.0 and 25.1.0 build with setuptools + cffi (their pyproject.toml)",
};

const shared = NATIVE_BUILD_TABLE.filter((pkg) => byName.has(canonicalizeName(pkg.name)) && !(canonicalizeName(pkg.name) in DIFFERENCES));

describe("native-build table vs gathered facts", () => {
  it("knows most of the gathered packages", () => {
    console.log(`table ${NATIVE_BUILD_TABLE.length} projects; ${shared.length} also in native-packages.json (${facts.length})`);
    expect(shared.length).toBeGreaterThanOrEqual(70);
  });

  it.each(shared.map((pkg) => [pkg.name, pkg] as const))("%s: newest range's kind, compilers and build packages", (_name, pkg) => {
    const fact = byName.get(canonicalizeName(pkg.name));
    const newest = pkg.eras.at(-1);
    if (!fact || !newest) throw new Error("unreachable");
    expect(newest.kind).toBe(fact.kind);
    const compilers = fact.toolchains.filter((t) => COMPILERS.has(t)).sort();
    expect([...newest.toolchains].sort()).toEqual(compilers);
    expect(newest.os.apt.build).toEqual(expect.arrayContaining(fact.apt.build));
    expect(newest.os.apk.build).toEqual(expect.arrayContaining(fact.apk.build));
  });
});
