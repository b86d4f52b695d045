/**
 * Pure-Python projects with optional or mandatory C/Cython speedups: the async web stack
 * (aiohttp, yarl, multidict, frozenlist, propcache, uvloop, httptools), serialisers and helpers.
 */
import { BACKEND } from "../backends";
import { NO_BUILD_SYSTEM, type BuildSystemEra, type DynamicRequirement, type PackageBuildSystems } from "../types";
import { atTag, cite, readAt, readAtTag, sysdeps } from "./sources";

// aio-libs' in-tree backend (packaging/pep517_backend) wraps setuptools and adds Cython itself.
const AIO_LIBS_BACKEND = "pep517_backend.hooks (in-tree, wraps setuptools.build_meta)";
const AIO_LIBS_REQUIRES = ["expandvars", "setuptools>=47", "tomli; python_version < '3.11'"];

function cythonUnlessPure(envVar: string): DynamicRequirement {
  return { requirement: "Cython", when: `on CPython, unless a pure-Python build is asked for (${envVar}=1 or -C pure-python=true)` };
}

function simple(name: string, requires: readonly string[], confidence: "high" | "medium" | "low", source: string, note: string): PackageBuildSystems {
  return { name, eras: [{ versions: "", requires, backend: BACKEND.setuptools, family: "setuptools", confidence, source, note }] };
}

const AIOHTTP_NOTE = "The sdist ships generated C (vendored llhttp), so no Cython. Without a compiler the build fails unless AIOHTTP_NO_EXTENSIONS=1.";

export const AIOHTTP: PackageBuildSystems = {
  name: "aiohttp",
  eras: [
    {
      versions: "<3.8.1",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("aio-libs/aiohttp", "v3.0.0", "5cf72cf5b2444a8fad1ae7db6ca5b76e2a092e27"), readAtTag("aio-libs/aiohttp", "v3.8.0", "208a4eb6dbf5")),
      note: "pyproject.toml without a [build-system] table (v3.0.0 to v3.8.0), so pip's default applies.",
    },
    {
      versions: ">=3.8.1,<3.12",
      requires: ["setuptools >= 46.4.0"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("aio-libs/aiohttp", "v3.8.1", "cc6dc0c49f5d002485f9a3cdf9bc3127a3ac1388"), readAtTag("aio-libs/aiohttp", "v3.11.18", "2be611a64cfc")),
      note: AIOHTTP_NOTE,
    },
    {
      versions: ">=3.12,<3.13.1",
      requires: ["pkgconfig", "setuptools >= 46.4.0"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("aio-libs/aiohttp", "v3.12.0", "7a6ee687e945902d55eb08027987ac34c5f02840"), readAtTag("aio-libs/aiohttp", "v3.13.0", "371373e7f6b3")),
      note: `pkgconfig is for AIOHTTP_USE_SYSTEM_DEPS=1 (a system llhttp). ${AIOHTTP_NOTE}`,
    },
    {
      versions: ">=3.13.1",
      requires: ["pkgconfig", "setuptools >= 67.0"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("aio-libs/aiohttp", "v3.13.1", "ff12dadcfa2a105c0dd8cd21d48a76c1677b722b"), readAtTag("aio-libs/aiohttp", "v3.14.3", "5e392ce0456f"), sysdeps("aiohttp")),
      note: AIOHTTP_NOTE,
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
      versions: "<3.0.2",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("python-greenlet/greenlet", "3.0.1", "77a9a2952b16", "pyproject.toml (absent)"),
      note: "No pyproject.toml up to 3.0.1: setup.py only. C++ since 2.0.",
    },
    {
      versions: ">=3.0.2,<3.3.1",
      requires: ["setuptools >= 40.8.0"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("python-greenlet/greenlet", "3.0.2", "719ea473c61e9934cb75ebd04a52dda32a030863"), readAtTag("python-greenlet/greenlet", "3.3.0", "0f904314e2fe")),
    },
    {
      versions: ">=3.3.1",
      requires: ["setuptools >= 77.0.3"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("python-greenlet/greenlet", "3.3.1", "d1a0a3fa740425b8dd4dceafbecedda21d70cc08"), readAtTag("python-greenlet/greenlet", "3.5.3", "6ee8c2c5b92f"), sysdeps("greenlet")),
    },
  ],
};

export const UVLOOP: PackageBuildSystems = {
  name: "uvloop",
  eras: [
    {
      versions: "<0.18",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("MagicStack/uvloop", "v0.17.0", "afb326897c26", "pyproject.toml (absent)"),
      note: "No pyproject.toml (v0.15.0 to v0.17.0 read): setup.py only; it asks for Cython through setup_requires when the generated C is missing. Builds the vendored libuv with configure/make.",
    },
    {
      versions: ">=0.18,<0.21",
      requires: ["setuptools>=60", "wheel", "Cython(>=0.29.36,<0.30.0)"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("MagicStack/uvloop", "v0.18.0", "5ddf38bccad1107e6488357fd3dbb6b886b95134"), readAtTag("MagicStack/uvloop", "v0.20.0", "2d35f106d3cc")),
      note: "Cython 0.29 only. Builds the vendored libuv with configure/make.",
    },
    {
      versions: ">=0.21,<0.22",
      requires: ["setuptools>=60", "wheel", "Cython~=3.0"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("MagicStack/uvloop", "v0.21.0", "2e8feae2a6db57bb611ffa388d28443487f4db94"),
    },
    {
      versions: ">=0.22",
      requires: ["setuptools>=60", "wheel", "Cython~=3.1"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("MagicStack/uvloop", "v0.22.0", "3cf6b44fb39e0a865c812b8070fc8af640750476"), readAtTag("MagicStack/uvloop", "v0.22.1", "74f4c96d3fc5"), sysdeps("uvloop")),
      note: "The main branch (after 0.22.1) drops wheel and adds packaging>=20, as sysdeps lists.",
    },
  ],
};

export const HTTPTOOLS: PackageBuildSystems = {
  name: "httptools",
  eras: [
    {
      versions: "<0.7",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("MagicStack/httptools", "v0.0.4", "3bb896ef9202aea11f0a5db77fc73e204d80990b", "pyproject.toml (absent)"), readAtTag("MagicStack/httptools", "v0.6.4", "e265ae033d3d", "pyproject.toml (absent)")),
      note: "setup.py only. The sdist ships generated C.",
    },
    {
      versions: ">=0.7,<0.8",
      requires: ["setuptools==80.9.0"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("MagicStack/httptools", "v0.7.0", "b04ab824f23c8925d00d38e1ed0cfe4718ba1ba7"), readAtTag("MagicStack/httptools", "v0.7.1", "26461dae5a10")),
    },
    {
      versions: ">=0.8",
      requires: ["setuptools>=80.9.0,<=82.0.1"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("MagicStack/httptools", "v0.8.0", "cf10ce6f0dae56e61817e67b9bb073dd39d0191a"), sysdeps("httptools")),
      note: "The sdist ships generated C.",
    },
  ],
};

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
      confidence: "high",
      source: readAtTag("pallets/markupsafe", "2.1.5", "fbba4acd0312", "pyproject.toml (absent)"),
      note: "No pyproject.toml up to 2.1.5: setup.py/setup.cfg. The speedups build tolerates failure (pure Python).",
    },
    {
      versions: ">=3.0,<3.0.2",
      requires: ["setuptools"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("pallets/markupsafe", "3.0.0", "7643710ef05e9d3bfe48325f29f671679d39aaab"), readAtTag("pallets/markupsafe", "3.0.1", "ef0b95e2544e")),
    },
    {
      versions: ">=3.0.2",
      requires: ["setuptools>=70.1"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("pallets/markupsafe", "3.0.2", "28ace20b140d15c083e1cbc163ee6b7778ba098c"), sysdeps("markupsafe")),
      note: "Releases after 3.0.2 ask setuptools>=77 (sysdeps).",
    },
  ],
};

const SQLALCHEMY_CYTHON = "cython>=0.29.24; platform_python_implementation == 'CPython'";

export const SQLALCHEMY: PackageBuildSystems = {
  name: "sqlalchemy",
  eras: [
    {
      versions: ">=1.4,<1.4.53",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("sqlalchemy/sqlalchemy", "rel_1_4_0", "e769ba4b00859ac8c95610ed149da4d940eac9d0"), readAtTag("sqlalchemy/sqlalchemy", "rel_1_4_52", "768507602e45")),
      note: "pyproject.toml without a [build-system] table. Plain C extensions, optional: a failed compile installs pure Python.",
    },
    {
      versions: ">=1.4.53,<1.4.54",
      requires: ["setuptools>=44,<69.3"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("sqlalchemy/sqlalchemy", "rel_1_4_53", "257a65d755a0dac4513bb6a35d279b05ceb7e079"),
    },
    {
      versions: ">=1.4.54,<2.0",
      requires: ["setuptools>=44"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("sqlalchemy/sqlalchemy", "rel_1_4_54", "dfe401fd471323638ad3e1b1027d89e01fcbeef5"),
    },
    {
      versions: ">=2.0,<2.0.1",
      requires: ["setuptools>=47", "wheel>=0.34", "cython>=0.29.24; python_implementation == 'CPython'"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("sqlalchemy/sqlalchemy", "rel_2_0_0", "ad2a65ef7e3cd57912c6c0373c8b843b8a1730eb"),
      note: "python_implementation is a legacy alias of platform_python_implementation, which pip (packaging) accepts; 2.0.28 switched to the standard name.",
    },
    {
      versions: ">=2.0.1,<2.0.28",
      requires: ["setuptools>=47", "cython>=0.29.24; python_implementation == 'CPython'"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("sqlalchemy/sqlalchemy", "rel_2_0_1", "2b5aacf114dbab663ef228aeee732dde9425de47"), readAtTag("sqlalchemy/sqlalchemy", "rel_2_0_27", "43f0d8408240")),
      note: "python_implementation is a legacy alias of platform_python_implementation, which pip (packaging) accepts. Cython extensions degrade to pure Python unless REQUIRE_SQLALCHEMY_CEXT=1.",
    },
    {
      versions: ">=2.0.28,<2.0.32",
      requires: ["setuptools>=47", SQLALCHEMY_CYTHON],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("sqlalchemy/sqlalchemy", "rel_2_0_28", "2a71f3b1f955e5e78b19b91e41ecd60aa257883e"), readAtTag("sqlalchemy/sqlalchemy", "rel_2_0_31", "2ef2c65db914")),
    },
    {
      versions: ">=2.0.32,<2.0.33",
      requires: ["setuptools>=61.0,<69.3", SQLALCHEMY_CYTHON],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("sqlalchemy/sqlalchemy", "rel_2_0_32", "3a254c31a755a8c052fd0f0ce0ae88baa7b8ba1b"),
    },
    {
      versions: ">=2.0.33",
      requires: ["setuptools>=61.0", SQLALCHEMY_CYTHON],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("sqlalchemy/sqlalchemy", "rel_2_0_33", "4f41476377a95d0c8d50cbb79bca073951d33b8e"), readAtTag("sqlalchemy/sqlalchemy", "rel_2_0_52", "190990768104"), sysdeps("sqlalchemy")),
      note: "Cython extensions degrade to pure Python unless REQUIRE_SQLALCHEMY_CEXT=1. Releases after 2.0.52 ask setuptools>=77.0.3, cython>=3.1 (sysdeps).",
    },
  ],
};

export const WRAPT: PackageBuildSystems = {
  name: "wrapt",
  eras: [
    {
      versions: ">=1.10,<2.0",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("GrahamDumpleton/wrapt", "1.17.3", "99130c02842c", "pyproject.toml (absent)"),
      note: "No pyproject.toml from 1.10.0 to 1.17.3: setup.py only.",
    },
    {
      versions: ">=2.0,<2.1",
      requires: ["setuptools>=38.3.0", "wheel"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("GrahamDumpleton/wrapt", "2.0.0", "d07059f5359da0e4778546a9250d5449d78dc54a"), readAtTag("GrahamDumpleton/wrapt", "2.0.1", "14387afb0be6")),
    },
    {
      versions: ">=2.1",
      requires: ["setuptools>=62.0", "wheel"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("GrahamDumpleton/wrapt", "2.1.0", "0febe4a0e314b0594329d6258159b4327988ed33"), readAtTag("GrahamDumpleton/wrapt", "2.3.0", "95d5d01bd671"), sysdeps("wrapt")),
      note: "The extension is optional unless WRAPT_INSTALL_EXTENSIONS=true.",
    },
  ],
};

export const MSGPACK: PackageBuildSystems = {
  name: "msgpack",
  eras: [
    {
      versions: ">=1.0,<1.0.3",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("msgpack/msgpack-python", "v1.0.2", "c0516c603f0e", "pyproject.toml (absent)"),
      note: "No pyproject.toml (v1.0.0 to v1.0.2): setup.py only; the sdist ships the generated C++.",
    },
    {
      versions: ">=1.0.3,<1.0.4",
      requires: ["Cython~=0.29.13", "setuptools >= 35.0.2"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("msgpack/msgpack-python", "v1.0.3", "6129789e9f6ebccdb19b23c2cd1dc9551e57fc53"),
    },
    {
      versions: ">=1.0.4,<1.0.6",
      requires: ["Cython~=0.29.30", "setuptools >= 35.0.2"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("msgpack/msgpack-python", "v1.0.4", "b5acfd53833c3dbd379e539cc6e540cec83d0a99"), readAtTag("msgpack/msgpack-python", "v1.0.5", "35b2d246cfdb")),
    },
    {
      versions: ">=1.0.6,<1.0.8",
      requires: ["Cython~=3.0.0", "setuptools >= 35.0.2"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("msgpack/msgpack-python", "v1.0.6", "b1b0edaeedd073f21023ec01a60bfa9da077ad2b"), readAtTag("msgpack/msgpack-python", "v1.0.7", "acd068439233")),
    },
    {
      versions: ">=1.0.8,<1.1",
      requires: ["Cython~=3.0.8", "setuptools >= 35.0.2"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("msgpack/msgpack-python", "v1.0.8", "9aedf8ed7f632044d42984e9710fefbd97023f71"),
    },
    {
      versions: ">=1.1",
      requires: ["setuptools >= 69.5.1"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(readAtTag("msgpack/msgpack-python", "v1.1.0", "4587393b1ae2c9ebbd5bc93005b8aea2c8050b27"), readAt("msgpack/msgpack-python", "2e4be090f6a42e1ad19526ca6f6ee67f3476389a", "setup.py"), sysdeps("msgpack")),
      note: "The sdist contains the generated C++, so Cython is not needed. The floor rose over 1.1.x/1.2.x (75.3.0 in 1.1.1, 80.9.0 in 1.1.2, 78.1.1 in 1.2.x); pip installs the newest setuptools either way.",
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

const PYZMQ_PYPY_CFFI = "cffi; implementation_name == 'pypy'";

export const PYZMQ: PackageBuildSystems = {
  name: "pyzmq",
  eras: [
    {
      versions: ">=21,<22.3",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("zeromq/pyzmq", "v21.0.0", "978d04c65998414a7b41fa6cef8fdbc0d9d2cbde"), readAtTag("zeromq/pyzmq", "v22.2.1", "63ed17b92e70")),
      note: "pyproject.toml without a [build-system] table. The sdist ships the Cython-generated C.",
    },
    {
      versions: ">=22.3,<25.1",
      requires: ["setuptools", "wheel", "packaging", PYZMQ_PYPY_CFFI],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("zeromq/pyzmq", "v22.3.0", "46af3b5f5fdfdfe4e3ea2a432081845c3c054609"), readAtTag("zeromq/pyzmq", "v25.0.2", "1f1d6bd84db8")),
      note: "No Cython: these sdists ship the Cython-generated C. Uses a system libzmq when found, else compiles the bundled one.",
    },
    {
      versions: ">=25.1,<25.1.1",
      requires: ["setuptools", "setuptools_scm[toml]", "wheel", "packaging", PYZMQ_PYPY_CFFI, "cython>=0.29; implementation_name == 'cpython'", "cython>=3.0.0b3; implementation_name == 'cpython' and python_version >= '3.12'"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("zeromq/pyzmq", "v25.1.0", "5728a227d08333d6c24f431b23d3b110a4c92322"),
      note: "\"cython>=3.0.0b3\" names a pre-release, so on Python 3.12 pip may also pick a Cython pre-release.",
    },
    {
      versions: ">=25.1.1,<26",
      requires: ["setuptools", "setuptools_scm[toml]", "wheel", "packaging", PYZMQ_PYPY_CFFI, "cython>=0.29; implementation_name == 'cpython'", "cython>=0.29.35; implementation_name == 'cpython' and python_version >= '3.12'"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("zeromq/pyzmq", "v25.1.1", "7777f2fa9461e0dd82c86d5c8303a1f5ff41cf53"), readAtTag("zeromq/pyzmq", "v25.1.2", "21f32cc97894")),
    },
    {
      versions: ">=26,<26.0.3",
      requires: [PYZMQ_PYPY_CFFI, "cython>=3.0.0; implementation_name == 'cpython'", "packaging", "scikit-build-core"],
      backend: BACKEND.scikitBuildCore,
      family: "scikit-build-core",
      confidence: "high",
      source: cite(readAtTag("zeromq/pyzmq", "v26.0.0", "dd3a2537035927779c507a40d94ad5389da75d9c"), readAtTag("zeromq/pyzmq", "v26.0.2", "5705f671e648")),
      note: "Uses a system libzmq when found, else CMake downloads libzmq and libsodium during the build (needs network).",
    },
    {
      versions: ">=26.0.3,<26.3",
      requires: [PYZMQ_PYPY_CFFI, "cython>=3.0.0; implementation_name != 'pypy'", "packaging", "scikit-build-core"],
      backend: BACKEND.scikitBuildCore,
      family: "scikit-build-core",
      confidence: "high",
      source: cite(readAtTag("zeromq/pyzmq", "v26.0.3", "5a456832acbb677532a9f634bfabb577face410a"), readAtTag("zeromq/pyzmq", "v26.2.1", "54586207b1f9")),
      note: "Uses a system libzmq when found, else CMake downloads libzmq and libsodium during the build (needs network).",
    },
    {
      versions: ">=26.3",
      requires: [PYZMQ_PYPY_CFFI, "cython>=3.0.0; implementation_name != 'pypy'", "packaging", "scikit-build-core>=0.10"],
      backend: BACKEND.scikitBuildCore,
      family: "scikit-build-core",
      confidence: "high",
      source: cite(readAtTag("zeromq/pyzmq", "v26.3.0", "40634c6973973b174cd5571b8be01f62d25dc8ba"), readAtTag("zeromq/pyzmq", "v27.2.0", "c6bc8f20d47f"), sysdeps("pyzmq")),
      note: "Uses a system libzmq when found, else CMake downloads libzmq and libsodium during the build (needs network).",
    },
  ],
};

const SNOWFLAKE = "snowflakedb/snowflake-connector-python";

export const SNOWFLAKE_CONNECTOR: PackageBuildSystems = {
  name: "snowflake-connector-python",
  eras: [
    {
      versions: ">=3.4,<3.5",
      requires: ["setuptools>=40.6.0", "wheel", "cython", "pyarrow>=10.0.1,<10.1.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag(SNOWFLAKE, "v3.4.0", "bbf8aac1c060f212f3e27a146003c62d77d0adbb"), readAtTag(SNOWFLAKE, "v3.4.1", "ac34fd2414f3")),
      note: "No build-backend key (setuptools' __legacy__ backend). pyarrow 10.0.x has no wheels for Python 3.12+, where it would have to compile.",
    },
    {
      versions: ">=3.5",
      requires: ["setuptools>=40.6.0", "wheel", "cython"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag(SNOWFLAKE, "v3.5.0", "7d8384672e0bc60d962b935035bcce95d415073f"), readAtTag(SNOWFLAKE, "v3.18.1", "0f913d800e25"), sysdeps("snowflake-connector-python")),
      note: "No build-backend key (setuptools' __legacy__ backend). The nanoarrow C++ iterator needs no pyarrow at build time. 4.x asks cython>=3.1.",
    },
  ],
};

// gevent: Cython, cffi and greenlet (whose headers it compiles against) at build time. Each row is
// the pyproject.toml at the first tag of its range; releases up to 22.08 had no build-backend key.
const GEVENT = "gevent/gevent";
const ON_CPYTHON = " ; platform_python_implementation == 'CPython'";

function geventEra(versions: string, tag: string, commit: string, legacy: boolean, cython: string, cffi: string, greenlet: string, note?: string): BuildSystemEra {
  return {
    versions,
    requires: ["setuptools >= 40.8.0", ...(legacy ? ["wheel"] : []), cython, cffi + ON_CPYTHON, greenlet + ON_CPYTHON],
    backend: legacy ? BACKEND.setuptoolsLegacy : BACKEND.setuptools,
    family: "setuptools",
    confidence: "high",
    source: readAtTag(GEVENT, tag, commit),
    ...(note ? { note } : {}),
  };
}

const GEVENT_PRERELEASE_NOTE = "A Cython floor naming a pre-release (3.0a…, 3.0b3) lets pip pick a Cython pre-release.";

export const GEVENT_BUILDS: PackageBuildSystems = {
  name: "gevent",
  eras: [
    geventEra(">=20.4,<20.5", "20.04.0", "826219401a7fc3a3fd23e76aea61f62c9c65b1f8", true, "Cython >= 0.29.14", "cffi >= 1.12.3", "greenlet>=0.4.14", "Unbounded Cython: today's pip installs Cython 3, which 20.4 predates."),
    geventEra(">=20.5,<20.5.1", "20.5.0", "bd6d1d9a5cf2165442d2369203205a2488b21559", true, "Cython >= 0.29.14, < 3", "cffi >= 1.12.3", "greenlet>=0.4.14"),
    geventEra(">=20.5.1,<20.6", "20.5.1", "c51d7c74fe3fc7d9a7fd170591ddbb7640857e2c", true, "Cython >= 3.0a5", "cffi >= 1.12.3", "greenlet>=0.4.14", GEVENT_PRERELEASE_NOTE),
    geventEra(">=20.6,<20.9", "20.6.0", "1be1d0022d2de1ceb10dab866e094af589ac557e", true, "Cython >= 3.0a5", "cffi >= 1.12.3", "greenlet >= 0.4.16", GEVENT_PRERELEASE_NOTE),
    geventEra(">=20.9,<20.12", "20.9.0", "747ead5bd19c12515ea26449994ef02f5c6184cf", true, "Cython >= 3.0a5", "cffi >= 1.12.3", "greenlet >= 0.4.17", GEVENT_PRERELEASE_NOTE),
    geventEra(">=20.12,<21.1.2", "20.12.0", "e2a1546ca360dc298959f816ae67055b294bc5e9", true, "Cython >= 3.0a5", "cffi >= 1.12.3", "greenlet >= 0.4.17, < 2.0", GEVENT_PRERELEASE_NOTE),
    geventEra(">=21.1.2,<21.8", "21.1.2", "f567d6bca7a4bba5e42c6cd463ae3cf8efb549a8", true, "Cython >= 3.0a6", "cffi >= 1.12.3", "greenlet >= 0.4.17, < 2.0", GEVENT_PRERELEASE_NOTE),
    geventEra(">=21.8,<22.8", "21.8.0", "7b2823e2c17b31ddc6234a26c4c324be6083c1bc", true, "Cython >= 3.0a9", "cffi >= 1.12.3", "greenlet >= 0.4.17, < 2.0", GEVENT_PRERELEASE_NOTE),
    geventEra(">=22.8,<22.10.1", "22.08.0", "73b8503214ad3b5bb81a909585367665e2c8dcc3", true, "Cython >= 3.0a11", "cffi >= 1.12.3", "greenlet >= 1.1.3, < 2.0", GEVENT_PRERELEASE_NOTE),
    geventEra(">=22.10.1,<22.10.2", "22.10.1", "ac00146667a18127f77088866fc1f8723f975506", false, "Cython >= 3.0a11", "cffi >= 1.12.3", "greenlet >= 1.1.3, < 2.0", GEVENT_PRERELEASE_NOTE),
    geventEra(">=22.10.2,<23.7", "22.10.2", "b600094c023231353f85fac69a1c479225289ed9", false, "Cython >= 3.0a11", "cffi >= 1.12.3", "greenlet >= 2.0.0", GEVENT_PRERELEASE_NOTE),
    geventEra(">=23.7,<23.9", "23.7.0", "229a1b3747e88f823700538a74a685b75303fc53", false, "Cython >= 3.0b3", "cffi >= 1.12.3", "greenlet >= 3.0a1", GEVENT_PRERELEASE_NOTE),
    geventEra(">=23.9,<23.9.1", "23.9.0", "693181e8e109f1a91d1783cb06c758329553fc72", false, "Cython >= 3.0.2", "cffi >= 1.12.3", "greenlet >= 3.0rc1"),
    geventEra(">=23.9.1,<24.2", "23.9.1", "3977b6b3ec003c32436af89f71437281b0b32445", false, "Cython >= 3.0.2", "cffi >= 1.12.3", "greenlet >= 3.0rc3"),
    geventEra(">=24.2,<24.10", "24.2.1", "2db2fa1411d077df960e96329ab1016aac929698", false, "Cython >= 3.0.8", "cffi >= 1.12.3", "greenlet >= 3.0.3"),
    geventEra(">=24.10,<25.4", "24.10.1", "00d25034d2c2b79520ef63715ab70926e29dcfc9", false, "Cython >= 3.0.11", "cffi >= 1.17.1", "greenlet >= 3.0.3"),
    geventEra(">=25.4,<25.5", "25.4.1", "aff84a321c7e0c7aa4b1316d25161ce100f577f6", false, "Cython >= 3.0.11", "cffi >= 1.17.1", "greenlet >= 3.2.0"),
    geventEra(">=25.5", "25.5.1", "cf4e8c522995ed8c09f2fa2a3595c4c299ba7d8c", false, "Cython >= 3.0.11", "cffi >= 1.17.1", "greenlet >= 3.2.2", "Releases after 25.9.1 raise the Cython floor (>= 3.2.4 per sysdeps). The embedded libev, libuv and c-ares are configured and compiled during the build: several minutes."),
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
  GEVENT_BUILDS,
];
