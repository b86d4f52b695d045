/**
 * Pure-Python projects with optional or mandatory C/Cython speedups: the async web stack
 * (aiohttp, yarl, multidict, frozenlist, propcache, uvloop, httptools), serialisers and helpers.
 */
import { BACKEND } from "../backends";
import { NO_BUILD_SYSTEM, type DynamicRequirement, type PackageBuildSystems } from "../types";
import { atTag, cite, readAt, sysdeps } from "./sources";

// aio-libs' in-tree backend (packaging/pep517_backend) wraps setuptools and adds Cython itself.
const AIO_LIBS_BACKEND = "pep517_backend.hooks (in-tree, wraps setuptools.build_meta)";
const AIO_LIBS_REQUIRES = ["expandvars", "setuptools>=47", "tomli; python_version < '3.11'"];

function cythonUnlessPure(envVar: string): DynamicRequirement {
  return { requirement: "Cython", when: `on CPython, unless a pure-Python build is asked for (${envVar}=1 or -C pure-python=true)` };
}

function simple(name: string, requires: readonly string[], confidence: "high" | "medium" | "low", source: string, note: string): PackageBuildSystems {
  return { name, eras: [{ versions: "", requires, backend: BACKEND.setuptools, family: "setuptools", confidence, source, note }] };
}

export const AIOHTTP: PackageBuildSystems = {
  name: "aiohttp",
  eras: [
    {
      versions: ">=3.8,<3.11",
      requires: ["setuptools>=46.4.0"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("aio-libs/aiohttp", "v3.9.5"),
      note: "From memory. The sdist ships generated C (vendored llhttp), so no Cython.",
    },
    {
      versions: ">=3.11",
      requires: ["pkgconfig", "setuptools>=67"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: cite(readAt("aio-libs/aiohttp", "495e778360d1924da63e16dba0f0d76baf56a56a", "setup.py"), sysdeps("aiohttp")),
      note: "Current releases' list (sysdeps); the release that added pkgconfig is a guess. No fallback: without a compiler the build fails unless AIOHTTP_NO_EXTENSIONS=1.",
    },
  ],
};

export const YARL: PackageBuildSystems = {
  name: "yarl",
  eras: [
    {
      versions: ">=1.9.3",
      requires: AIO_LIBS_REQUIRES,
      backend: AIO_LIBS_BACKEND,
      family: "setuptools",
      dynamic: [cythonUnlessPure("YARL_NO_EXTENSIONS")],
      confidence: "medium",
      source: cite(readAt("aio-libs/yarl", "7009e844cec7959e73741102ceadff49ed914291", "packaging/pep517_backend/_backend.py"), sysdeps("yarl")),
      note: "The in-tree backend cythonizes and compiles on CPython and does not fall back to pure Python.",
    },
  ],
};

export const FROZENLIST: PackageBuildSystems = {
  name: "frozenlist",
  eras: [
    {
      versions: ">=1.4.1",
      requires: AIO_LIBS_REQUIRES,
      backend: AIO_LIBS_BACKEND,
      family: "setuptools",
      dynamic: [cythonUnlessPure("FROZENLIST_NO_EXTENSIONS")],
      confidence: "medium",
      source: cite(readAt("aio-libs/frozenlist", "9538c5b1cf2c71cee17b6dd6d114d55b8ba10176", "packaging/pep517_backend/_backend.py"), sysdeps("frozenlist")),
      note: "Same machinery as yarl; current releases ask setuptools>=67.",
    },
  ],
};

export const PROPCACHE: PackageBuildSystems = {
  name: "propcache",
  eras: [
    {
      versions: "",
      requires: AIO_LIBS_REQUIRES,
      backend: AIO_LIBS_BACKEND,
      family: "setuptools",
      dynamic: [cythonUnlessPure("PROPCACHE_NO_EXTENSIONS")],
      confidence: "medium",
      source: cite(readAt("aio-libs/propcache", "334a3ae71c32e6c217c1d3ce5365529ebc79d1e1", "packaging/pep517_backend/_backend.py"), sysdeps("propcache")),
      note: "Same machinery as yarl since its first release.",
    },
  ],
};

export const MULTIDICT = simple("multidict", ["setuptools>=40"], "medium", cite(atTag("aio-libs/multidict", "v6.0.5"), sysdeps("multidict")), "Plain C compiled with -Werror; no fallback.");

export const GREENLET: PackageBuildSystems = {
  name: "greenlet",
  eras: [
    {
      versions: ">=2.0,<3.2",
      requires: ["setuptools>=40.8.0", "wheel"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("python-greenlet/greenlet", "3.1.1"),
      note: "C++ since 2.0.",
    },
    {
      versions: ">=3.2",
      requires: ["setuptools>=77.0.3"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: sysdeps("greenlet"),
      note: "As in current releases (sysdeps); the boundary at 3.2 is from memory.",
    },
  ],
};

export const UVLOOP: PackageBuildSystems = {
  name: "uvloop",
  eras: [
    {
      versions: ">=0.17,<0.20",
      requires: ["setuptools>=60", "wheel", "Cython(>=0.29.32,<0.30.0)"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("MagicStack/uvloop", "v0.19.0"),
      note: "Cython 0.29 only; the floor rose to 0.29.36 in later releases of the range. Builds the vendored libuv with configure/make.",
    },
    {
      versions: ">=0.20,<0.22",
      requires: ["setuptools>=60", "wheel", "Cython~=3.0"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("MagicStack/uvloop", "v0.21.0"),
    },
    {
      versions: ">=0.22",
      requires: ["setuptools>=60", "Cython~=3.1", "packaging>=20"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(readAt("MagicStack/uvloop", "0582f946aeca3a9e9af08c3abe7f812bdbc6f91d", "setup.py"), sysdeps("uvloop")),
      note: "As in current releases (sysdeps); the boundary at 0.22 is from memory.",
    },
  ],
};

export const HTTPTOOLS = simple(
  "httptools",
  ["setuptools"],
  "low",
  cite(readAt("MagicStack/httptools", "cf10ce6f0dae56e61817e67b9bb073dd39d0191a", "setup.py"), sysdeps("httptools")),
  "Approximate: current releases pin setuptools>=80.9,<=82.0.1; older ones declared less. The sdist ships generated C.",
);
export const WEBSOCKETS = simple("websockets", ["setuptools"], "medium", sysdeps("websockets"), "The speedups extension is optional (BUILD_EXTENSION=yes makes failure fatal).");
export const TORNADO = simple("tornado", ["setuptools"], "medium", sysdeps("tornado"), "Releases differ in the setuptools floor and whether wheel is listed. The speedups extension is optional.");
export const COVERAGE = simple("coverage", ["setuptools"], "medium", sysdeps("coverage"), "A py3-none-any wheel is also published, so pip rarely builds it.");

export const MARKUPSAFE: PackageBuildSystems = {
  name: "markupsafe",
  eras: [
    {
      versions: "<3.0",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: atTag("pallets/markupsafe", "2.1.5", "setup.py"),
      note: "From memory: setup.py/setup.cfg. The speedups build tolerates failure (pure Python).",
    },
    {
      versions: ">=3.0",
      requires: ["setuptools>=70.1"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("pallets/markupsafe", "3.0.2"), sysdeps("markupsafe")),
      note: "Current releases ask setuptools>=77.",
    },
  ],
};

export const SQLALCHEMY: PackageBuildSystems = {
  name: "sqlalchemy",
  eras: [
    {
      versions: ">=1.4,<2.0",
      requires: ["setuptools>=47", "wheel"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("sqlalchemy/sqlalchemy", "rel_1_4_54"),
      note: "Plain C extensions, optional: a failed compile installs pure Python.",
    },
    {
      versions: ">=2.0",
      requires: ["setuptools>=47", "cython>=0.29.24; platform_python_implementation == 'CPython'"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("sqlalchemy/sqlalchemy", "rel_2_0_36"), sysdeps("sqlalchemy")),
      note: "Cython extensions degrade to pure Python unless REQUIRE_SQLALCHEMY_CEXT=1. Current releases ask setuptools>=77.0.3, cython>=3.1.",
    },
  ],
};

export const WRAPT: PackageBuildSystems = {
  name: "wrapt",
  eras: [
    {
      versions: ">=1.14,<2.0",
      requires: ["setuptools>=38.3.0", "wheel"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("GrahamDumpleton/wrapt", "1.16.0"),
    },
    {
      versions: ">=2.0",
      requires: ["setuptools>=62", "wheel"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: sysdeps("wrapt"),
      note: "The extension is optional unless WRAPT_INSTALL_EXTENSIONS=true.",
    },
  ],
};

export const MSGPACK: PackageBuildSystems = {
  name: "msgpack",
  eras: [
    {
      versions: ">=1.0.5,<1.0.6",
      requires: ["Cython~=0.29.30", "setuptools>=35.0.2"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("msgpack/msgpack-python", "v1.0.5"),
    },
    {
      versions: ">=1.0.6,<1.1",
      requires: ["Cython~=3.0.0", "setuptools>=35.0.2"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("msgpack/msgpack-python", "v1.0.8"),
    },
    {
      versions: ">=1.1",
      requires: ["setuptools>=69.5.1"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(readAt("msgpack/msgpack-python", "2e4be090f6a42e1ad19526ca6f6ee67f3476389a", "setup.py"), sysdeps("msgpack")),
      note: "The sdist contains the generated C++, so Cython is not needed. Current releases ask setuptools>=78.1.1.",
    },
  ],
};

export const CYTHON: PackageBuildSystems = {
  name: "cython",
  eras: [
    {
      versions: "",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: cite(readAt("cython/cython", "7c6185fbd99597a9ff693ba03d40f2845a4b6c6e", "setup.py"), sysdeps("cython")),
      note: "A py3-none-any wheel is published, so pip never needs to build Cython.",
    },
  ],
};

export const PYZMQ: PackageBuildSystems = {
  name: "pyzmq",
  eras: [
    {
      versions: ">=22,<26",
      requires: ["setuptools", "wheel", "packaging", "cython>=0.29.35; implementation_name == 'cpython'"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("zeromq/pyzmq", "v25.1.2"),
      note: "From memory.",
    },
    {
      versions: ">=26",
      requires: ["scikit-build-core>=0.10", "cython>=3.0.0; implementation_name == 'cpython'", "packaging"],
      backend: BACKEND.scikitBuildCore,
      family: "scikit-build-core",
      confidence: "medium",
      source: cite(readAt("zeromq/pyzmq", "c6bc8f20d47f9e779d17137201939a31fcd457cc"), sysdeps("pyzmq")),
      note: "Uses a system libzmq when found, else CMake downloads libzmq and libsodium during the build (needs network). Marker spelling reconstructed.",
    },
  ],
};

export const SNOWFLAKE_CONNECTOR: PackageBuildSystems = {
  name: "snowflake-connector-python",
  eras: [
    {
      versions: ">=3.5",
      requires: ["setuptools>=40.6.0", "wheel", "cython"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: cite(readAt("snowflakedb/snowflake-connector-python", "50e7fc5cd6e1af0901fb6d92a5dfda215438372f", "setup.py"), sysdeps("snowflake-connector-python")),
      note: "From the nanoarrow-based releases on (boundary from memory); earlier releases also built against pyarrow.",
    },
  ],
};

export const SPEEDUPS: readonly PackageBuildSystems[] = [
  AIOHTTP,
  YARL,
  FROZENLIST,
  PROPCACHE,
  MULTIDICT,
  GREENLET,
  UVLOOP,
  HTTPTOOLS,
  WEBSOCKETS,
  TORNADO,
  COVERAGE,
  MARKUPSAFE,
  SQLALCHEMY,
  WRAPT,
  MSGPACK,
  CYTHON,
  PYZMQ,
  SNOWFLAKE_CONNECTOR,
];
