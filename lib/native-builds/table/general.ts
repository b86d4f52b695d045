/**
 * General-purpose extensions found in most web and tooling stacks: process and text utilities,
 * decorators and proxies with pure-Python twins, coverage and debuggers, and sdists that are pure
 * although their platform wheels are compiled (mypyc, Cython opt-ins).
 */
import { custom, lists, TOOL } from "../os-packages";
import type { PackageNativeBuilds } from "../types";
import { compiled, project, pure, selfContained } from "./compose";
import { externalDeps, pypiFiles, readAt } from "./sources";

/** A speed-up extension that quietly falls back to pure Python when it does not compile. */
function optionalC(name: string, sources: readonly string[], note: string, env?: { name: string; value: string }): PackageNativeBuilds {
  return project(name, {
    versions: "",
    kind: "optional-native",
    fallback: env ? { automatic: true, env } : { automatic: true },
    toolchains: ["c"],
    backend: "setuptools",
    os: compiled(["c"]),
    confidence: "high",
    sources,
    note,
  });
}

export const REGEX = selfContained("regex", [externalDeps("regex")], "One large C module; no fallback.");

export const PSUTIL: PackageNativeBuilds = project("psutil", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"], TOOL.linuxHeaders),
  confidence: "high",
  sources: [externalDeps("psutil"), readAt("giampaolo/psutil", "d77cf39abb5b423bde4bb0420eba78203281376b", "setup.py")],
  note: "Includes <linux/*.h> headers: Alpine needs linux-headers (Debian has them through libc6-dev).",
});

export const SETPROCTITLE = selfContained("setproctitle", [readAt("dvarrazzo/py-setproctitle", "42a90422fe65be95d7d32c4cb6e441fcb26c8731", "setup.py")], "A tiny C module.");

export const WRAPT = optionalC(
  "wrapt",
  [externalDeps("wrapt"), readAt("GrahamDumpleton/wrapt", "2061a7011c27e5cd60d3105e3e61d26c5db740b2", "setup.py")],
  "The extension is optional unless WRAPT_INSTALL_EXTENSIONS=true.",
  { name: "WRAPT_INSTALL_EXTENSIONS", value: "false" },
);
export const COVERAGE = optionalC(
  "coverage",
  [externalDeps("coverage"), readAt("nedbat/coveragepy", "210ade2b3bed97c089ba29255c9a342c5b7aee14", "setup.py")],
  "The C tracer is optional (the Python tracer is slower); a py3-none-any wheel is also published.",
  { name: "COVERAGE_DISABLE_EXTENSION", value: "1" },
);
export const PYRSISTENT = optionalC(
  "pyrsistent",
  [externalDeps("pyrsistent"), readAt("tobgu/pyrsistent", "0c0b7aec8cd25b1d2d8ba07b10acdefd0f38f2c7", "setup.py")],
  "pvectorc build errors are caught and ignored.",
  { name: "PYRSISTENT_SKIP_EXTENSION", value: "1" },
);
export const LAZY_OBJECT_PROXY = optionalC(
  "lazy-object-proxy",
  [readAt("ionelmc/python-lazy-object-proxy", "f970e323d03bfd974bf11f342236b06163ac398f", "setup.py")],
  "Optional C extension.",
  { name: "SETUPPY_FORCE_PURE", value: "1" },
);
export const ZOPE_INTERFACE = optionalC(
  "zope.interface",
  [readAt("zopefoundation/zope.interface", "af320871c99c6d8630bc2ff1c13aa944aacda9e0", "setup.py")],
  "optional_build_ext tolerates a failed compile; PURE_PYTHON=1 at run time turns the C optimisations off.",
);
export const MULTIPROCESS = optionalC(
  "multiprocess",
  [readAt("uqfoundation/multiprocess", "9fdfe7f88c9bad3af62daf67ffbd740e7f4a6c36", "setup.py")],
  "A failed compile only warns and falls back to the standard library's _multiprocessing.",
);
export const MAXMINDDB: PackageNativeBuilds = project(
  "maxminddb",
  {
    versions: "<2.5",
    kind: "optional-native",
    fallback: { automatic: true },
    toolchains: ["c"],
    backend: "setuptools",
    // The extension links the system libmaxminddb (libraries=["maxminddb"]); with gcc alone the
    // BuildFailed handler installs pure Python, so the row lists the library that makes it compile.
    os: compiled(
      ["c"],
      custom(lists(["libmaxminddb-dev"], ["libmaxminddb0"]), lists(["libmaxminddb-dev"], ["libmaxminddb"]), lists(["libmaxminddb-devel"], ["libmaxminddb"])),
    ),
    confidence: "medium",
    sources: [readAt("maxmind/MaxMind-DB-Reader-python", "824a83b07b9bc1b9f05d33a9502ef3c0861af71b", "setup.py"), readAt("maxmind/MaxMind-DB-Reader-python", "886f20e6623eaa3d237d72df585452190838a6c2", "setup.py")],
    note: "2.0–2.4 link the system libmaxminddb and fall back to pure Python (slower lookups) when it or a compiler is missing. Debian names checked (bookworm libmaxminddb-dev 1.7.1, runtime libmaxminddb0); Alpine and Fedora names not checked.",
  },
  {
    versions: ">=2.5",
    kind: "optional-native",
    fallback: { automatic: true },
    toolchains: ["c"],
    backend: "setuptools",
    os: compiled(["c"]),
    confidence: "high",
    sources: [readAt("maxmind/MaxMind-DB-Reader-python", "e672eb88d1a25012a322c183aea34714234b7f64", "setup.py"), readAt("maxmind/MaxMind-DB-Reader-python", "09f43738052d7768c849d94322a4dd617bc7f836", "setup.py"), readAt("maxmind/MaxMind-DB-Reader-python", "e1446f180ac2c06bb0c5549b1ffe1c30e760e179", "setup.py")],
    note: "From 2.5 the sdist bundles libmaxminddb's sources; a failed compile falls back to pure Python. MAXMINDDB_USE_SYSTEM_LIBMAXMINDDB=1 links the system library instead.",
  },
);
export const DEBUGPY = optionalC(
  "debugpy",
  [readAt("microsoft/debugpy", "2f73444688e6d617c2fafb629e42c92133361e62", "setup.py")],
  "The pydevd Cython speed-ups are optional (REQUIRE_CYTHON_BUILD=1 makes them mandatory).",
  { name: "SKIP_CYTHON_BUILD", value: "1" },
);

export const RAPIDFUZZ: PackageNativeBuilds = project("RapidFuzz", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true },
  toolchains: ["c", "cxx"],
  cython: true,
  backend: "scikit-build-core",
  tools: ["cmake"],
  os: compiled(["c", "cxx"], TOOL.cmake),
  env: [{ name: "RAPIDFUZZ_BUILD_EXTENSION", value: "1", effect: "Fails the build instead of producing the pure-Python wheel." }],
  confidence: "high",
  sources: [readAt("rapidfuzz/RapidFuzz", "384c6768f604001d528f9a5bd9cc270659dfbc24", "pyproject.toml")],
  note: "If CMake or the C++ build fails, scikit-build-core's override produces a pure-Python wheel.",
});

export const LEVENSHTEIN: PackageNativeBuilds = project("Levenshtein", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  cython: true,
  backend: "scikit-build-core",
  tools: ["cmake"],
  os: compiled(["c", "cxx"], TOOL.cmake),
  confidence: "high",
  sources: [readAt("rapidfuzz/Levenshtein", "95c04eec412b75122cd543293244eb03fd858c87", "pyproject.toml")],
  note: "C++ (rapidfuzz-cpp); unlike RapidFuzz there is no pure-Python fallback.",
});

export const TREE_SITTER = selfContained("tree-sitter", [readAt("tree-sitter/py-tree-sitter", "4fb9f66172ac6d4239b0d8c79092aacc57d93bbe", "setup.py")], "Bundles the tree-sitter C runtime.");

export const CYTHON: PackageNativeBuilds = project("Cython", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: false },
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("cython/cython", "7c6185fbd99597a9ff693ba03d40f2845a4b6c6e", "setup.py")],
  note: "Cython publishes a pure py3-none-any wheel, so pip rarely builds it; the sdist compiles Cython's own modules unless --no-cython-compile is passed.",
});

// Pure sdists whose platform wheels are compiled: on an image without those wheels pip builds
// them, and nothing needs a compiler.

export const PYDANTIC: PackageNativeBuilds = project(
  "pydantic",
  pure("", {
    backend: "hatchling (v2); setuptools (v1)",
    confidence: "high",
    sources: [readAt("pydantic/pydantic", "2151025aa51263f3016502b00010b78e4481eaa1", "pyproject.toml")],
    note: "v2 is pure Python (the compiled half is pydantic-core). v1's sdist compiled with Cython only when Cython was already installed, which build isolation does not do.",
  }),
);
export const TOMLI: PackageNativeBuilds = project(
  "tomli",
  pure("", {
    backend: "flit_core",
    confidence: "high",
    sources: [readAt("hukkin/tomli", "920e20b1cf495b63f6d4a6aa3cd5e4ff25f5f5a7", "pyproject.toml")],
    note: "Recent platform wheels are mypyc-compiled; the sdist is pure.",
  }),
);
export const BLACK: PackageNativeBuilds = project(
  "black",
  pure("", {
    backend: "hatchling (optional hatch-mypyc hook)",
    confidence: "high",
    sources: [readAt("psf/black", "8947c48ef2077c3a301b03c1e814dc2e3f78436e", "pyproject.toml")],
    note: "Platform wheels are mypyc-compiled; the sdist and py3-none-any wheel are pure.",
  }),
);
export const MYPY: PackageNativeBuilds = project(
  "mypy",
  pure("", {
    backend: "setuptools",
    confidence: "high",
    sources: [readAt("python/mypy", "8b3e7d8b9f63543374e53d1c389ea443dd65bc46", "setup.py")],
    note: "The sdist builds pure Python unless MYPY_USE_MYPYC=1.",
  }),
);
export const WATCHDOG: PackageNativeBuilds = project(
  "watchdog",
  pure("", {
    backend: "setuptools",
    confidence: "high",
    sources: [readAt("gorakhargosh/watchdog", "a0bb46c54bc26b9f62975d5d0d625d8cac82e968", "setup.py")],
    note: "The only C extension is macOS-only; on Linux the sdist is pure (inotify through ctypes).",
  }),
);
export const ARGON2_CFFI: PackageNativeBuilds = project(
  "argon2-cffi",
  pure("", {
    backend: "hatchling",
    confidence: "high",
    sources: [readAt("hynek/argon2-cffi", "ca682ee81aea0294ba3f187731b3236989feb507", "pyproject.toml")],
    note: "Pure Python; the compiled part is argon2-cffi-bindings.",
  }),
);

// Pure sdists (issue 15's top-100 list): the releases named ship only py3-none-any wheels in the
// 2023 PyPI snapshot and the 2021–2026 lock-file harvest (../shared/data/pypi), and their
// build files declare no extension. Newer releases with platform wheels are not tabled yet.

export const CHARDET: PackageNativeBuilds = project(
  "chardet",
  pure("<7", {
    backend: "setuptools (4.x); hatchling (5.x–6.x)",
    confidence: "medium",
    sources: [readAt("chardet/chardet", "198c8923dd88d840cdb36677fec6a1e64eba991f", "pyproject.toml"), readAt("chardet/chardet", "1355907628bff3148cc81ec77093b41d922436a7", "pyproject.toml"), pypiFiles("chardet")],
    note: "Pure Python before 7. From 7.0.1 chardet publishes cpXY manylinux wheels; what its sdist compiles was not read, so releases from 7 get the generic answer.",
  }),
);
export const LITELLM: PackageNativeBuilds = project(
  "litellm",
  pure("<1.92", {
    backend: "poetry-core",
    confidence: "medium",
    sources: [readAt("BerriAI/litellm", "813b8fda5c68b0c1df80cf6c4eaf6e98b81853d0", "pyproject.toml"), pypiFiles("litellm")],
    note: "Releases before 1.92 ship only a py3-none-any wheel beside the sdist; 1.80.0's pyproject.toml declares poetry-core and no extension. From 1.92.0 litellm publishes cpXY and abi3 manylinux/musllinux wheels; what its sdist compiles was not read, so releases from 1.92 get the generic answer.",
  }),
);
export const DBT_CORE: PackageNativeBuilds = project(
  "dbt-core",
  pure(">=1.0.6,<1.13", {
    backend: "not read (pure-Python packaging; no extension in the wheels)",
    confidence: "medium",
    sources: [pypiFiles("dbt-core")],
    note: "Releases 1.0.6–1.12.0 in the lock-file harvest ship only py3-none-any wheels. manylinux-wheel-projects.json (2026-08) lists dbt-core with a manylinux wheel in some later release, not read here.",
  }),
);
export const AIOFILE: PackageNativeBuilds = project(
  "aiofile",
  pure(">=3.3.3,<3.13", {
    backend: "poetry-core",
    confidence: "medium",
    sources: [readAt("mosquito/aiofile", "10b7c8023f0e656cccfdb8e958888a0f70803180", "pyproject.toml"), pypiFiles("aiofile")],
    note: "Releases 3.3.3–3.12.3 in the lock-file harvest ship only py3-none-any wheels (3.9.0's pyproject.toml: poetry-core, no extension); the compiled Linux AIO is its dependency caio. Older releases are not tabled.",
  }),
);

export const PYTOKENS: PackageNativeBuilds = project(
  "pytokens",
  pure("<0.4", {
    backend: "setuptools",
    confidence: "medium",
    sources: [pypiFiles("pytokens")],
    note: "Releases before 0.4 ship only a py3-none-any wheel.",
  }),
  {
    versions: ">=0.4",
    kind: "optional-native",
    fallback: { automatic: false, env: { name: "PYTOKENS_USE_MYPYC", value: "0" } },
    toolchains: ["c"],
    backend: "setuptools + mypyc (mypy in build-system.requires)",
    os: compiled(["c"]),
    confidence: "medium",
    sources: [readAt("tusharsadhwani/pytokens", "e4520de10c2faf7b8f68d458bdd3a56df48d5c87", "setup.py"), readAt("tusharsadhwani/pytokens", "0f0e419ce5d59ae4937f22f4afef315f2ff81c61", "pyproject.toml"), pypiFiles("pytokens")],
    note: "setup.py compiles the module with mypyc on CPython unless PYTOKENS_USE_MYPYC=0; a failed compile is not caught. 0.4.0 is the first release with cpXY wheels in the lock-file harvest.",
  },
);

export const LIBRT: PackageNativeBuilds = project("librt", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "medium",
  sources: ["https://archlinux.org/packages/extra/x86_64/python-librt", "https://pkgs.alpinelinux.org/package/edge/community/x86_64/py3-librt", pypiFiles("librt")],
  note: "mypyc's runtime library (C implementations used by mypyc-compiled code, mypy among them): C extensions built with setuptools, linking nothing but libc (Arch's package depends on glibc alone). The build files were not read.",
});

export const DULWICH: PackageNativeBuilds = project("dulwich", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true },
  toolchains: ["rust"],
  backend: "setuptools + setuptools-rust",
  os: compiled(["rust"]),
  confidence: "low",
  sources: [readAt("jelmer/dulwich", "53315d31f67a00bc75956423148a58065da55aa0", "setup.py"), "https://github.com/jelmer/dulwich/issues/1405"],
  note: "Current setup.py builds PyO3 extensions (_objects, _diff_tree, _pack) marked optional unless CIBUILDWHEEL=1, so without cargo pip installs pure Python. Older releases compiled optional C extensions instead; the release that switched was not read (check dulwich's NEWS), so for those the row names Rust where gcc would do.",
});
