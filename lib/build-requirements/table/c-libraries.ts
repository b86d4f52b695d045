/**
 * C extensions, many of them bindings to a system library (libffi, libyaml, libxml2, libpq,
 * libjpeg/zlib, MySQL client, libsodium). Their Python build requirements are light; what the
 * build needs from the OS is in the sysdeps data, not here.
 */
import { BACKEND } from "../backends";
import { NO_BUILD_SYSTEM, type PackageBuildSystems } from "../types";
import { atTag, cite, readAt, sysdeps } from "./sources";

// A setup.py-only project at every release we describe: pip's default applies.
function legacyOnly(name: string, confidence: "high" | "medium" | "low", source: string, note?: string): PackageBuildSystems {
  return {
    name,
    eras: [{ versions: "", requires: NO_BUILD_SYSTEM, backend: BACKEND.setuptoolsLegacy, family: "setuptools", confidence, source, ...(note ? { note } : {}) }],
  };
}

// Only setuptools at every release, though the declared floor (or whether a [build-system] exists
// at all) changed over time: pip installs the newest setuptools for the target either way.
function setuptoolsOnly(name: string, requires: readonly string[], confidence: "high" | "medium" | "low", source: string, note: string): PackageBuildSystems {
  return {
    name,
    eras: [{ versions: "", requires, backend: BACKEND.setuptools, family: "setuptools", confidence, source, note }],
  };
}

const FLOOR_NOTE = "Releases differ only in the setuptools floor (older ones may have no [build-system]); pip installs the newest setuptools for the target either way.";

export const CFFI: PackageBuildSystems = {
  name: "cffi",
  eras: [
    {
      versions: "<1.16",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("python-cffi/cffi", "v1.15.1", "setup.py"), sysdeps("cffi")),
    },
    {
      versions: ">=1.16",
      requires: ["setuptools>=66.1"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("python-cffi/cffi", "v1.17.1"), sysdeps("cffi")),
      note: "Needs libffi headers (libffi-dev) through pkg-config.",
    },
  ],
};

export const PYYAML: PackageBuildSystems = {
  name: "pyyaml",
  eras: [
    {
      versions: "<5.4",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: atTag("yaml/pyyaml", "5.3.1", "setup.py"),
    },
    {
      versions: ">=5.4,<6.0.1",
      requires: ["setuptools", "wheel", "Cython"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(atTag("yaml/pyyaml", "6.0"), "https://github.com/yaml/pyyaml/issues/724 (builds of 5.4.1/6.0 broke when Cython 3.0 came out)"),
      note: "Unbounded Cython: today's pip installs Cython 3 and the build fails (\"cython_sources\" error), the classic docker-compose 1.29 / PyYAML 5.4.1 breakage.",
    },
    {
      versions: ">=6.0.1,<6.0.2",
      requires: ["setuptools", "wheel", "Cython<3.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(atTag("yaml/pyyaml", "6.0.1"), "https://github.com/yaml/pyyaml/issues/724"),
    },
    {
      versions: ">=6.0.2",
      requires: ["setuptools", "Cython<3.0; python_version < '3.13'", "Cython>=3.0; python_version >= '3.13'"],
      backend: "_pyyaml_pep517 (in-tree, wraps setuptools.build_meta)",
      family: "setuptools",
      confidence: "medium",
      source: cite(readAt("yaml/pyyaml", "d51d8a138f7230834fc6e95635ff09ebd329185f", "setup.py"), sysdeps("pyyaml")),
      note: "Without libyaml headers or a compiler the build installs pure Python (no CLoader).",
    },
  ],
};

export const LXML: PackageBuildSystems = {
  name: "lxml",
  eras: [
    {
      versions: ">=4.0,<5.0",
      requires: ["Cython>=0.29.7", "setuptools", "wheel"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: atTag("lxml/lxml", "lxml-4.9.4"),
      note: "From memory. The sdist ships generated C, so Cython is installed but normally not run.",
    },
    {
      versions: ">=5.0",
      requires: ["Cython>=3.0.7", "setuptools"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("lxml/lxml", "lxml-5.3.0"), sysdeps("lxml")),
      note: "No build-backend key, so pip uses setuptools' __legacy__ backend. The Cython floor rises with releases (>=3.2.5 now).",
    },
  ],
};

export const PILLOW: PackageBuildSystems = {
  name: "pillow",
  eras: [
    {
      versions: "<10.1",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: atTag("python-pillow/Pillow", "9.5.0", "setup.py"),
      note: "From memory: setup.py/setup.cfg without a [build-system] table.",
    },
    {
      versions: ">=10.1,<11.3",
      requires: ["setuptools>=67.8"],
      backend: "backend (in-tree _custom_build/backend.py, wraps setuptools.build_meta)",
      family: "setuptools",
      confidence: "low",
      source: atTag("python-pillow/Pillow", "10.4.0"),
      note: "From memory; the in-tree backend (for -C config settings) may start at 10.2.",
    },
    {
      versions: ">=11.3",
      requires: ["setuptools>=77", "pybind11"],
      backend: "backend (in-tree _custom_build/backend.py, wraps setuptools.build_meta)",
      family: "setuptools",
      confidence: "medium",
      source: sysdeps("pillow"),
      note: "As in current releases (sysdeps); pybind11 (parallel compilation) arrived around 11.3.",
    },
  ],
};

export const PSYCOPG2 = legacyOnly(
  "psycopg2",
  "high",
  sysdeps("psycopg2"),
  "setup.py only. Needs pg_config and libpq headers (libpq-dev); the runtime image needs libpq.",
);
export const PSYCOPG2_BINARY = legacyOnly(
  "psycopg2-binary",
  "high",
  sysdeps("psycopg2-binary"),
  "Same code as psycopg2: when no wheel fits, it builds exactly like psycopg2 (pg_config, libpq-dev).",
);

export const MYSQLCLIENT: PackageBuildSystems = {
  name: "mysqlclient",
  eras: [
    {
      versions: "<2.2",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: atTag("PyMySQL/mysqlclient", "v2.1.1", "setup.py"),
    },
    {
      versions: ">=2.2",
      requires: ["setuptools>=61"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("PyMySQL/mysqlclient", "v2.2.4"), sysdeps("mysqlclient")),
      note: "No Linux wheels on PyPI: this always compiles on Linux (pkg-config and the MySQL/MariaDB client headers).",
    },
  ],
};

export const PYNACL: PackageBuildSystems = {
  name: "pynacl",
  eras: [
    {
      versions: ">=1.4,<1.6",
      requires: ["setuptools>=40.8.0", "wheel", "cffi>=1.4.1; platform_python_implementation != 'PyPy'"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: atTag("pyca/pynacl", "1.5.0"),
      note: "Builds the bundled libsodium with ./configure && make unless SODIUM_INSTALL=system.",
    },
    {
      versions: ">=1.6",
      requires: ["setuptools>=61", "wheel", "cffi>=1.4.1; python_version < '3.9'", "cffi>=2.0.0; python_version >= '3.9'"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(readAt("pyca/pynacl", "25d715e19c9b8472a00e18e68ca0e7369826e666", "setup.py"), sysdeps("pynacl")),
      note: "Marker spelling reconstructed from sysdeps (\"cffi>=2 on py>=3.9\").",
    },
  ],
};

export const ZSTANDARD: PackageBuildSystems = {
  name: "zstandard",
  eras: [
    {
      versions: "",
      requires: ["setuptools", "cffi; platform_python_implementation == 'CPython'"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: cite(readAt("indygreg/python-zstandard", "4dac8f26dface12dd74eab69b9330abb5c22cbbe", "setup.py"), sysdeps("zstandard")),
      note: "Approximate: floors and pins vary by release (current: setuptools>=77, cffi on CPython, packaging).",
    },
  ],
};

export const LZ4: PackageBuildSystems = {
  name: "lz4",
  eras: [
    {
      versions: "",
      requires: ["setuptools>=45", "wheel", "setuptools_scm>=6.2", "pkgconfig"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(readAt("python-lz4/python-lz4", "029f36597b8d182484f3c38c6be6a71ad07ddc96", "setup.py"), sysdeps("lz4")),
      note: "Current releases' list (sysdeps); links a system liblz4 when pkg-config finds one, else the bundled sources.",
    },
  ],
};

export const XXHASH = setuptoolsOnly("xxhash", ["setuptools>=45"], "medium", sysdeps("xxhash"), FLOOR_NOTE);
export const GOOGLE_CRC32C = setuptoolsOnly(
  "google-crc32c",
  ["setuptools", "wheel"],
  "medium",
  sysdeps("google-crc32c"),
  "Without libcrc32c the C extension fails and setup.py falls back to pure Python.",
);
export const REGEX = setuptoolsOnly("regex", ["setuptools"], "low", sysdeps("regex"), FLOOR_NOTE);
export const PSUTIL = setuptoolsOnly(
  "psutil",
  ["setuptools"],
  "low",
  sysdeps("psutil"),
  `${FLOOR_NOTE} Current releases ask setuptools>=75.3.4. Alpine needs linux-headers.`,
);
export const PROTOBUF = legacyOnly(
  "protobuf",
  "low",
  sysdeps("protobuf"),
  "Assumed setup.py-only (the sdist is generated from python/dist). Since 4.21 the sdist compiles the upb C extension.",
);
export const GRPCIO = legacyOnly(
  "grpcio",
  "medium",
  cite(sysdeps("grpcio"), "bruno-fs/pybuild-deps tests/test_main.py (grpcio 1.59.0: no [build-system], only setup.py)"),
  "Compiles gRPC core with bundled BoringSSL, abseil, re2, c-ares, zlib: long builds.",
);

export const C_LIBRARIES: readonly PackageBuildSystems[] = [
  CFFI,
  PYYAML,
  LXML,
  PILLOW,
  PSYCOPG2,
  PSYCOPG2_BINARY,
  MYSQLCLIENT,
  PYNACL,
  ZSTANDARD,
  LZ4,
  XXHASH,
  GOOGLE_CRC32C,
  REGEX,
  PSUTIL,
  PROTOBUF,
  GRPCIO,
];
