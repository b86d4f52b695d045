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

// Issue 15 ("Will it build?"): rows checked against real builds and the projects' build files.
describe("listed packages are what the build uses", () => {
  const build = (name: string, version: string, manager: "apt" | "apk" | "dnf" = "apt", codename?: string) =>
    osPackagesFor(nativeBuildFor(name, version), manager, codename ? { codename } : {});

  it("PyYAML: libyaml is installed, so the extension compiles (gcc alone builds pure Python)", () => {
    expect(build("PyYAML", "6.0.1")).toEqual({ build: ["gcc", "libc6-dev", "libyaml-dev"], runtime: ["libyaml-0-2"] });
    expect(build("PyYAML", "6.0.1", "apk")).toEqual({ build: ["gcc", "musl-dev", "yaml-dev"], runtime: ["yaml"] });
    expect(build("PyYAML", "6.0.1", "dnf")).toEqual({ build: ["gcc", "libyaml-devel"], runtime: ["libyaml"] });
    expect(nativeBuildFor("PyYAML", "6.0.1").optional).toEqual([]);
  });

  it.each([
    ["cffi", "1.17.1"],
    ["Pillow", "10.4.0"],
    ["Pillow", "12.3.0"],
    ["lxml", "4.9.2"],
    ["lxml", "5.3.0"],
    ["lz4", "4.3.3"],
  ])("%s %s: no pkgconf (pkg-config is optional in its build)", (name, version) => {
    for (const manager of ["apt", "apk", "dnf"] as const) {
      expect(build(name, version, manager).build.filter((p) => p.startsWith("pkgconf"))).toEqual([]);
    }
    expect(nativeBuildFor(name, version).tools).not.toContain("pkg-config");
  });

  it("cffi, Pillow, lxml keep their libraries", () => {
    expect(build("cffi", "1.17.1")).toEqual({ build: ["gcc", "libc6-dev", "libffi-dev"], runtime: ["libffi8"] });
    expect(build("Pillow", "10.4.0").build).toEqual(["gcc", "libc6-dev", "zlib1g-dev", "libjpeg62-turbo-dev"]);
    expect(build("lxml", "4.9.2")).toEqual({ build: ["gcc", "libc6-dev", "libxml2-dev", "libxslt1-dev", "zlib1g-dev"], runtime: ["libxml2", "libxslt1.1", "zlib1g"] });
    const lz4 = nativeBuildFor("lz4", "4.3.3").optional;
    expect(lz4.map((o) => o.os.apt.build)).toEqual([["pkgconf", "liblz4-dev"]]);
  });

  it("pycairo: setuptools before 1.27, meson-python from 1.27; cairo through pkg-config either way", () => {
    const old = nativeBuildFor("pycairo", "1.26.1");
    expect(old).toMatchObject({ basis: "table", appliesTo: "<1.27", backend: "setuptools", kind: "native" });
    const meson = nativeBuildFor("pycairo", "1.28.0");
    expect(meson).toMatchObject({ appliesTo: ">=1.27", backend: "meson-python" });
    for (const version of ["1.20.1", "1.26.1", "1.27.0", "1.28.0"]) {
      expect(build("pycairo", version)).toEqual({ build: ["gcc", "libc6-dev", "pkgconf", "libcairo2-dev"], runtime: ["libcairo2"] });
      expect(build("pycairo", version, "apk")).toEqual({ build: ["gcc", "musl-dev", "pkgconf", "cairo-dev"], runtime: ["cairo"] });
      expect(build("pycairo", version, "dnf")).toEqual({ build: ["gcc", "pkgconf-pkg-config", "cairo-devel"], runtime: ["cairo"] });
    }
  });

  it("PyGObject: girepository-1.0 before 3.51 (setuptools before 3.47, meson-python after), girepository-2.0 from 3.51", () => {
    expect(nativeBuildFor("PyGObject", "3.46.0")).toMatchObject({ appliesTo: "<3.47", backend: "setuptools" });
    expect(nativeBuildFor("pygobject", "3.48.2")).toMatchObject({ appliesTo: ">=3.47,<3.51", backend: "meson-python" });
    for (const version of ["3.42.2", "3.46.0", "3.48.2", "3.50.0"]) {
      expect(build("PyGObject", version)).toEqual({
        build: ["gcc", "libc6-dev", "pkgconf", "libgirepository1.0-dev", "libcairo2-dev", "libffi-dev"],
        runtime: ["libgirepository-1.0-1", "gir1.2-glib-2.0", "libcairo2", "libcairo-gobject2", "libffi8"],
      });
      expect(build("PyGObject", version, "apk").build).toEqual(["gcc", "musl-dev", "pkgconf", "gobject-introspection-dev", "cairo-dev", "libffi-dev"]);
      expect(build("PyGObject", version, "dnf").build).toEqual(["gcc", "pkgconf-pkg-config", "gobject-introspection-devel", "cairo-devel", "cairo-gobject-devel", "libffi-devel"]);
    }
    const gi2 = nativeBuildFor("PyGObject", "3.52.0");
    expect(gi2).toMatchObject({ appliesTo: ">=3.51", backend: "meson-python" });
    expect(build("PyGObject", "3.52.0", "apt", "trixie")).toEqual({
      build: ["gcc", "libc6-dev", "pkgconf", "libgirepository-2.0-dev", "libcairo2-dev", "libffi-dev"],
      runtime: ["libgirepository-2.0-0", "gir1.2-glib-2.0", "libcairo2", "libcairo-gobject2", "libffi8"],
    });
    expect(gi2.note).toMatch(/PyGObject<3\.51/);
  });

  it("dbus-python: autotools through setup.py before 1.3, meson-python from 1.3; dbus-1 and glib-2.0 through pkg-config", () => {
    expect(nativeBuildFor("dbus-python", "1.2.18")).toMatchObject({ appliesTo: "<1.3", tools: ["pkg-config", "make"] });
    expect(build("dbus-python", "1.2.18").build).toEqual(["gcc", "libc6-dev", "pkgconf", "make", "libdbus-1-dev", "libglib2.0-dev"]);
    for (const version of ["1.3.2", "1.4.0"]) {
      expect(nativeBuildFor("dbus_python", version)).toMatchObject({ appliesTo: ">=1.3", backend: "meson-python" });
      expect(build("dbus-python", version)).toEqual({ build: ["gcc", "libc6-dev", "pkgconf", "libdbus-1-dev", "libglib2.0-dev"], runtime: ["libdbus-1-3", "libglib2.0-0"] });
      expect(build("dbus-python", version, "apk")).toEqual({ build: ["gcc", "musl-dev", "pkgconf", "dbus-dev", "glib-dev"], runtime: ["dbus-libs", "glib"] });
      expect(build("dbus-python", version, "dnf")).toEqual({ build: ["gcc", "pkgconf-pkg-config", "dbus-devel", "glib2-devel"], runtime: ["dbus-libs", "glib2"] });
    }
    expect(build("dbus-python", "1.4.0", "apt", "trixie").runtime).toEqual(["libdbus-1-3", "libglib2.0-0t64"]);
  });

  it("no compiler for sdists that build pure: google-crc32c, fonttools, ruamel.yaml, snowflake-connector-python < 2.3", () => {
    for (const [name, version] of [["google-crc32c", "1.7.1"], ["fonttools", "4.60.1"], ["ruamel.yaml", "0.18.6"], ["snowflake-connector-python", "2.2.10"]] as const) {
      const answer = nativeBuildFor(name, version);
      expect(answer).toMatchObject({ basis: "table", kind: "pure", toolchains: [] });
      expect(osPackagesFor(answer, "apt").build).toEqual([]);
    }
  });

  it("ijson: the system yajl is what makes its C backend compile", () => {
    expect(build("ijson", "3.3.0")).toEqual({ build: ["gcc", "libc6-dev", "libyajl-dev"], runtime: ["libyajl2"] });
  });

  it("uWSGI: PCRE 8 before 2.0.25, PCRE2 from 2.0.25, SSL and libxml2 offered as optional features", () => {
    const features = (version: string) => nativeBuildFor("uwsgi", version).optional.map((o) => o.os.apt.build);
    expect(features("2.0.24")).toEqual([["libpcre3-dev"], ["libssl-dev"], ["libxml2-dev"]]);
    expect(features("2.0.28")).toEqual([["libpcre2-dev"], ["libssl-dev"], ["libxml2-dev"]]);
    expect(build("uWSGI", "2.0.28")).toEqual({ build: ["gcc", "libc6-dev"], runtime: [] });
  });

  it("new top-200 rows: ruff (Rust), snowflake-connector-python (C++ Arrow iterator)", () => {
    expect(nativeBuildFor("ruff", "0.8.0")).toMatchObject({ basis: "table", kind: "native", toolchains: ["rust"] });
    expect(nativeBuildFor("snowflake-connector-python", "3.0.0")).toMatchObject({ kind: "native", toolchains: ["c", "cxx"], appliesTo: ">=2.3,<3.4" });
    const current = nativeBuildFor("snowflake-connector-python", "3.12.0");
    expect(current).toMatchObject({ kind: "optional-native", fallback: { automatic: false, env: { name: "SNOWFLAKE_DISABLE_COMPILE_ARROW_EXTENSIONS", value: "true" } } });
  });
});

describe("optional native parts: what the listed packages enable, and packages for the rest", () => {
  const withOptional = rows.filter((r) => (r.era.optional ?? []).length > 0);

  it.each(withOptional.map((r) => [r.pkg, r.era.versions || "(all)", r.era] as const))("%s %s: each optional part adds a package the build list does not already install", (_pkg, _v, era) => {
    for (const feature of era.optional ?? []) {
      for (const manager of ["apt", "apk", "dnf"] as const) {
        const extra = feature.packages[manager].build.filter((p) => !era.os[manager].build.includes(p));
        expect(extra.length, `${feature.feature} (${manager})`).toBeGreaterThan(0);
      }
    }
  });

  it.each(rows.filter((r) => (r.era.optional ?? []).length + (r.era.enables ?? []).length > 0).map((r) => [r.pkg, r.era.versions || "(all)", r.era] as const))(
    "%s %s: every part has a short code, none repeated",
    (_pkg, _v, era) => {
      const codes = [...(era.enables ?? []), ...(era.optional ?? [])].map((p) => p.code);
      for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(new Set(codes).size).toBe(codes.length);
    },
  );

  it("PyYAML, Pillow and uWSGI say what their listed packages enable", () => {
    expect(nativeBuildFor("PyYAML", "6.0.2").enables).toEqual([{ code: "libyaml", feature: "the libyaml binding (yaml.CLoader, yaml.CDumper)" }]);
    const pillow = nativeBuildFor("Pillow", "11.0.0");
    expect(pillow.enables.map((e) => e.code)).toEqual(["jpeg", "zlib", "core-formats"]);
    expect(pillow.enables.map((e) => e.feature)).toContain("JPEG (libjpeg)");
    expect(pillow.optional.map((o) => o.code)).toEqual(["freetype", "lcms2", "webp", "tiff", "jpeg2000"]);
    expect(pillow.optional.map((o) => o.feature)).toEqual(["FreeType (ImageFont)", "colour management (ImageCms)", "WebP", "TIFF", "JPEG 2000"]);
    expect(pillow.optional.find((o) => o.feature === "WebP")?.os.apt.build).toEqual(["libwebp-dev"]);
    for (const version of ["2.0.24", "2.0.28"]) expect(nativeBuildFor("uWSGI", version).enables, version).toHaveLength(1);
    // A generic answer claims nothing.
    expect(nativeBuildFor("left-pad-py", "1.0").enables).toEqual([]);
  });
});

describe("msgpack: C++ before 1.1, a silent pure fallback before 1.0.7", () => {
  const build = (version: string, manager: "apt" | "apk" = "apt") => osPackagesFor(nativeBuildFor("msgpack", version), manager, {});

  it("1.0.3 (a real bookworm build without g++ installed pure Python) lists g++ on Debian and Alpine", () => {
    expect(nativeBuildFor("msgpack", "1.0.3")).toMatchObject({ kind: "optional-native", toolchains: ["c", "cxx"], fallback: { automatic: true }, appliesTo: "<1.0.7" });
    expect(build("1.0.3").build).toEqual(["gcc", "libc6-dev", "g++"]);
    expect(build("1.0.3", "apk").build).toEqual(["gcc", "musl-dev", "g++"]);
  });

  it("1.0.8 still needs g++ and no longer falls back by itself; 1.1.0 and its release candidate compile C only", () => {
    expect(nativeBuildFor("msgpack", "1.0.8")).toMatchObject({ toolchains: ["c", "cxx"], fallback: { automatic: false, env: { name: "MSGPACK_PUREPYTHON", value: "1" } } });
    for (const version of ["1.1.0rc1", "1.1.0", "1.1.2"]) {
      expect(nativeBuildFor("msgpack", version).toolchains, version).toEqual(["c"]);
      expect(build(version).build, version).not.toContain("g++");
    }
  });
});

describe("the top-100 additions (issue 15)", () => {
  it("wheel-only projects say so: torch, onnxruntime, ray build nothing pip could use; nvidia-nccl-cu12 and playwright compile nothing", () => {
    for (const name of ["torch", "onnxruntime", "ray"]) expect(nativeBuildFor(name, name === "torch" ? "2.5.1" : "1.20.0")).toMatchObject({ basis: "table", wheelOnly: true });
    expect(nativeBuildFor("nvidia-nccl-cu12", "2.21.5")).toMatchObject({ kind: "pure", wheelOnly: true, toolchains: [] });
    expect(nativeBuildFor("playwright", "1.48.0")).toMatchObject({ kind: "pure", wheelOnly: true });
    // triton's rows stop where the harvest shows an sdist again.
    expect(nativeBuildFor("triton", "3.4.1").basis).toBe("generic");
  });

  it("pytokens compiles with mypyc from 0.4 unless PYTOKENS_USE_MYPYC=0; 0.3.0 is pure", () => {
    expect(nativeBuildFor("pytokens", "0.3.0")).toMatchObject({ kind: "pure", toolchains: [] });
    expect(nativeBuildFor("pytokens", "0.4.1")).toMatchObject({ kind: "optional-native", toolchains: ["c"], fallback: { automatic: false, env: { name: "PYTOKENS_USE_MYPYC", value: "0" } } });
  });

  it("chardet and litellm are pure before their compiled releases, and unknown (generic) from them", () => {
    expect(nativeBuildFor("chardet", "5.2.0")).toMatchObject({ basis: "table", kind: "pure" });
    expect(nativeBuildFor("chardet", "7.0.1").basis).toBe("generic");
    expect(nativeBuildFor("litellm", "1.50.0")).toMatchObject({ basis: "table", kind: "pure" });
    expect(nativeBuildFor("litellm", "1.92.0").basis).toBe("generic");
  });

  it("uv needs Rust; PyMuPDF needs g++ and swig; opencv-python needs g++ and cmake", () => {
    expect(nativeBuildFor("uv", "0.5.0")).toMatchObject({ kind: "native", toolchains: ["rust"] });
    expect(osPackagesFor(nativeBuildFor("PyMuPDF", "1.24.0"), "apt", {}).build).toEqual(expect.arrayContaining(["g++", "swig"]));
    expect(osPackagesFor(nativeBuildFor("opencv-python", "4.10.0.84"), "apk", {}).build).toEqual(expect.arrayContaining(["g++", "cmake"]));
  });
});

describe("maxminddb: the system library before 2.5, bundled sources from 2.5", () => {
  it("lists libmaxminddb-dev where the extension links it, nothing extra where it is bundled", () => {
    expect(osPackagesFor(nativeBuildFor("maxminddb", "2.4.0"), "apt")).toEqual({ build: ["gcc", "libc6-dev", "libmaxminddb-dev"], runtime: ["libmaxminddb0"] });
    expect(osPackagesFor(nativeBuildFor("maxminddb", "2.6.2"), "apt")).toEqual({ build: ["gcc", "libc6-dev"], runtime: [] });
  });
});
