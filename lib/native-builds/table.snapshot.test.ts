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
  // pkg-config is optional in these three builds, so the table does not install pkgconf.
  cffi: "no pkgconf: setup.py's _ask_pkg_config ignores a missing pkg-config and links -lffi with ffi.h on the default include path (python-cffi/cffi setup.py, 1.15.1 to 2.0.0)",
  lxml: "no pkgconf: setupinfo.py falls back to xml2-config/xslt-config, which libxml2-dev and libxslt1-dev ship (lxml setupinfo.py 4.9.2 to 6.0.0; bookworm and trixie .debs)",
  pillow: "no pkgconf: setup.py uses pkg-config only when the command exists and otherwise searches the ldconfig directories and /usr/include (Pillow setup.py 9.5.0, 12.3.0)",
  lz4: "no pkgconf in the row: pkg-config only finds a system liblz4, which the row does not install; the optional feature 'link the system liblz4' adds pkgconf with liblz4-dev (python-lz4 setup.py)",
  "google-crc32c": "pure, not optional-native: its only extension links libcrc32c, which Debian does not package, so setup.py's fallback always installs pure Python and a compiler would be wasted",
  "snowflake-connector-python": "optional-native, not native: SNOWFLAKE_DISABLE_COMPILE_ARROW_EXTENSIONS=true makes setup.py skip the nanoarrow extension (3.4 and later)",
  pygobject: "the newest range (>= 3.51) needs girepository-2.0 from GLib >= 2.80 (meson.build), so its apt names are Debian 13's libgirepository-2.0-dev; the facts list bookworm's libgirepository1.0-dev, which only PyGObject < 3.51 can use",
  // Wheel-only projects whose wheels hold prebuilt binaries: pip compiles nothing, so the row is pure
  // (with wheelOnly); the facts call them native with no compiler.
  "nvidia-nccl-cu12": "pure + wheelOnly: the manylinux wheels carry prebuilt NCCL libraries and the only sdist is a placeholder; nothing is compiled",
  playwright: "pure + wheelOnly: the platform wheels bundle the Node.js driver and releases from 1.0 have no sdist; nothing is compiled",
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
