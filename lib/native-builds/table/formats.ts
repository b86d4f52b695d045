/**
 * Serialisation, compression, hashing, XML and imaging. Many of these have a pure-Python twin that
 * installs quietly when nothing compiles (PyYAML, MarkupSafe, simplejson); others fail without a
 * compiler (ujson, regex-style single C modules) or need Rust (orjson, cramjam).
 */
import { custom, LIB, lists, TOOL } from "../os-packages";
import type { PackageNativeBuilds } from "../types";
import { compiled, project, pure, selfContained } from "./compose";
import { atTag, externalDeps, readAt } from "./sources";

export const PYYAML: PackageNativeBuilds = project("PyYAML", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true },
  toolchains: ["c"],
  cython: true,
  backend: "setuptools (setuptools.build_meta; the in-tree _pyyaml_pep517 wrapper from 6.0.2)",
  // The compiler is only worth installing with libyaml's headers: the extension is the libyaml
  // binding, so gcc alone builds pure Python (a clean bookworm compile with gcc + libc6-dev only
  // skipped it; with libyaml-dev it built and imported yaml.CLoader).
  os: compiled(["c"], LIB.libyaml),
  enables: [{ code: "libyaml", feature: "the libyaml binding (yaml.CLoader, yaml.CDumper)" }],
  env: [{ name: "PYYAML_FORCE_LIBYAML", value: "1", effect: "Fails the build instead of quietly installing pure Python when libyaml cannot be compiled." }],
  confidence: "high",
  sources: [
    externalDeps("pyyaml"),
    readAt("yaml/pyyaml", "d51d8a138f7230834fc6e95635ff09ebd329185f", "setup.py"),
    readAt("yaml/pyyaml", "c42fa3bff1eabdb64763bb1526d9ea1ccb708479", "setup.py"),
    readAt("yaml/pyyaml", "49790e73684bebad1df05ef8d828fa12f685bffb", "setup.py"),
  ],
  note: "The only extension binds libyaml (setup.py test-compiles #include <yaml.h> and links -lyaml, 5.4.1 to 6.0.3): the listed libyaml headers are what make it compile; without them, or without a compiler, setup.py warns and installs pure Python (no yaml.CLoader). The final image keeps libyaml's shared library.",
});

export const RUAMEL_YAML_CLIB: PackageNativeBuilds = project("ruamel.yaml.clib", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "medium",
  sources: ["https://sourceforge.net/projects/ruamel-yaml-clib/"],
  note: "Bundled libyaml sources. ruamel.yaml itself is pure Python.",
});

// Before 1.1 the extension was Cython's C++ output (_cmsgpack.cpp), so the build needs g++; before
// 1.0.7 setup.py also swallowed a failed build and installed pure Python.
const MSGPACK_CHANGELOG = atTag("msgpack/msgpack-python", "v1.1.0", "ChangeLog.rst");
export const MSGPACK: PackageNativeBuilds = project(
  "msgpack",
  {
    versions: "<1.0.7",
    kind: "optional-native",
    fallback: { automatic: true },
    toolchains: ["c", "cxx"],
    backend: "setuptools",
    os: compiled(["c", "cxx"]),
    confidence: "high",
    sources: [MSGPACK_CHANGELOG, "https://github.com/msgpack/msgpack-python/pull/568"],
    note: "The sdist ships Cython's C++ output (_cmsgpack.cpp): without g++ the compile fails and setup.py quietly installs the pure-Python fallback (a real build of 1.0.3 on Debian 12 with gcc only did exactly that, bench/results/verify-builds-bookworm.md). 1.0.7: \"setup.py doesn't skip build error of extension module\" (#568).",
  },
  {
    versions: ">=1.0.7,<1.1",
    kind: "optional-native",
    fallback: { automatic: false, env: { name: "MSGPACK_PUREPYTHON", value: "1" } },
    toolchains: ["c", "cxx"],
    backend: "setuptools",
    os: compiled(["c", "cxx"]),
    confidence: "high",
    sources: [MSGPACK_CHANGELOG, "https://github.com/msgpack/msgpack-python/pull/568"],
    note: "Still C++ (_cmsgpack.cpp); from 1.0.7 a failed compile fails the install unless MSGPACK_PUREPYTHON=1. 1.1.0rc1: \"Stop using C++ mode in Cython\".",
  },
  {
    versions: ">=1.1",
    kind: "optional-native",
    fallback: { automatic: false, env: { name: "MSGPACK_PUREPYTHON", value: "1" } },
    toolchains: ["c"],
    backend: "setuptools",
    os: compiled(["c"]),
    confidence: "high",
    sources: [externalDeps("msgpack"), readAt("msgpack/msgpack-python", "2e4be090f6a42e1ad19526ca6f6ee67f3476389a", "setup.py"), MSGPACK_CHANGELOG],
    note: "The sdist ships the generated C (C++ mode dropped in 1.1.0rc1); a failed compile fails the install unless MSGPACK_PUREPYTHON=1.",
  },
);

export const SIMPLEJSON: PackageNativeBuilds = project("simplejson", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true, env: { name: "DISABLE_SPEEDUPS", value: "1" } },
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("simplejson/simplejson", "639b2ee73b2de6b385fcd4d44e0e08054a4d8a0e", "setup.py")],
  note: "Speedups are optional unless REQUIRE_SPEEDUPS=1.",
});

export const UJSON = selfContained("ujson", [readAt("ultrajson/ultrajson", "3bb0924c33a6698b277c4b1492329d9d64bddc2c", "setup.py")], "C extension with the bundled double-conversion library (C++). No pure-Python fallback.", ["c", "cxx"]);

export const ORJSON: PackageNativeBuilds = project("orjson", {
  versions: "",
  kind: "native",
  toolchains: ["rust"],
  backend: "maturin",
  os: compiled(["rust"]),
  confidence: "high",
  sources: [readAt("ijl/orjson", "5cbb3d0398a2f42de51210270286fecd798c5d78", "Cargo.toml")],
  note: "Pure Rust and needs a recent stable rustc (Debian 12: rustc-web, not rustc). 2–3 CPU-minutes.",
});

export const MSGSPEC = selfContained("msgspec", [readAt("jcrist/msgspec", "3b2543b838a01dfac23e0b8d8746ebb273254e2d", "setup.py")], "One large C file.");

export const CBOR2: PackageNativeBuilds = project(
  "cbor2",
  {
    versions: "<6",
    kind: "optional-native",
    fallback: { automatic: true, env: { name: "CBOR2_BUILD_C_EXTENSION", value: "0" } },
    toolchains: ["c"],
    backend: "setuptools",
    os: compiled(["c"]),
    confidence: "medium",
    sources: [atTag("agronholm/cbor2", "5.6.5", "setup.py")],
    note: "Optional C extension; a py3-none-any wheel is also published.",
  },
  {
    versions: ">=6",
    kind: "native",
    toolchains: ["rust"],
    backend: "setuptools + setuptools-rust",
    os: compiled(["rust"]),
    confidence: "high",
    sources: [readAt("agronholm/cbor2", "8679854d6655398e70524e302f67ed1e2cd27b72", "pyproject.toml")],
    note: "6.0 rewrote the extension in Rust.",
  },
);

export const IJSON: PackageNativeBuilds = project("ijson", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true },
  toolchains: ["c"],
  backend: "setuptools",
  // Like PyYAML: with a compiler but no yajl headers setup.py builds pure Python, so the row lists
  // the system yajl that makes the yajl2_c backend compile.
  os: compiled(["c"], LIB.yajl),
  env: [{ name: "IJSON_EMBED_YAJL", value: "1", effect: "Compiles the bundled yajl into the yajl2_c backend instead of linking the system libyajl (then no yajl package is needed)." }],
  confidence: "high",
  sources: [readAt("ICRAR/ijson", "d2a14586fe87dbb743fa5778b88433de081a73cd", "setup.py"), readAt("ICRAR/ijson", "d991ad9ed9afdd140f1e234cb653cc12a7439904", "setup.py")],
  note: "setup.py test-compiles and links <yajl/yajl_version.h> -lyajl and builds the C backend only when that works (or IJSON_EMBED_YAJL=1, since 3.0); otherwise the install is pure Python. The final image keeps libyajl.",
});

export const FASTAVRO: PackageNativeBuilds = project("fastavro", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools + Cython",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("fastavro/fastavro", "0275cbb82dab8345a7a18b5b5b93d7c5d919f81e", "setup.py")],
  note: "The Cython extensions are always built on CPython.",
});

export const GOOGLE_CRC32C: PackageNativeBuilds = project(
  "google-crc32c",
  pure("", {
    backend: "setuptools",
    confidence: "high",
    sources: [
      externalDeps("google-crc32c"),
      readAt("googleapis/python-crc32c", "9652503fb296eef101d84b9b631f454cc7c1d538", "setup.py"),
      readAt("googleapis/python-crc32c", "2f190af0e633056f73b69301233cd38c06a01355", "setup.py"),
    ],
    note: "The only extension links Google's libcrc32c (libraries=['crc32c']), which Debian 12 and 13 do not package (apt-cache: no libcrc32c-dev): setup.py catches the failed build and installs pure Python (slow checksums), so a compiler would be wasted. Installing libcrc32c from source and CRC32C_INSTALL_PREFIX make it compile.",
  }),
);

export const CRC32C = selfContained("crc32c", [readAt("ICRAR/crc32c", "9ae7a9e5ae752bbe39b66e02d04d0a9c1ab878d9", "setup.py")], "Self-contained C.");

export const XXHASH: PackageNativeBuilds = project("xxhash", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  env: [{ name: "XXHASH_LINK_SO", value: "1", effect: "Links the system libxxhash instead of the bundled sources." }],
  confidence: "high",
  sources: [readAt("ifduyue/python-xxhash", "e2c1bcf1e1d86c4e3d43e4d412dccb521498ea88", "setup.py")],
  note: "Bundled xxHash sources.",
});

export const LZ4: PackageNativeBuilds = project("lz4", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  // pkg-config only matters when liblz4's headers are there too: the row builds the bundled lz4,
  // and the optional feature adds both.
  os: compiled(["c"]),
  optional: [
    {
      code: "system-liblz4",
      feature: "link the system liblz4 instead of the bundled sources",
      packages: custom(lists(["pkgconf", "liblz4-dev"], ["liblz4-1"]), lists(["pkgconf", "lz4-dev"], ["lz4-libs"]), lists(["pkgconf-pkg-config", "lz4-devel"], ["lz4-libs"])),
    },
  ],
  env: [{ name: "PYLZ4_USE_SYSTEM_LZ4", value: "False", effect: "Builds the bundled lz4 even when pkg-config finds a system liblz4." }],
  confidence: "high",
  sources: [readAt("python-lz4/python-lz4", "029f36597b8d182484f3c38c6be6a71ad07ddc96", "setup.py"), readAt("python-lz4/python-lz4", "029f36597b8d182484f3c38c6be6a71ad07ddc96", "pyproject.toml")],
  note: "setup.py asks pkg-config (through the pkgconfig module from build-system.requires) for liblz4; when pkg-config or liblz4 is missing it compiles the bundled lz4 sources. Linking the system liblz4 keeps it at run time.",
});

export const ZSTANDARD = selfContained("zstandard", [readAt("indygreg/python-zstandard", "4dac8f26dface12dd74eab69b9330abb5c22cbbe", "setup.py")], "Bundled zstd; C extension plus a cffi backend.");

export const PYTHON_SNAPPY: PackageNativeBuilds = project(
  "python-snappy",
  {
    versions: "<0.7",
    kind: "native",
    toolchains: ["c", "cxx"],
    backend: "setuptools",
    os: compiled(["c", "cxx"], LIB.snappy),
    confidence: "medium",
    sources: [atTag("intake/python-snappy", "0.6.1", "setup.py")],
    note: "Compiled against the system libsnappy.",
  },
  pure(">=0.7", {
    backend: "setuptools",
    confidence: "high",
    sources: [readAt("intake/python-snappy", "e1c7c124707de45a881385d5033d89433ad618d1", "setup.py")],
    note: "Pure Python on top of cramjam.",
  }),
);

export const CRAMJAM: PackageNativeBuilds = project("cramjam", {
  versions: "",
  kind: "native",
  toolchains: ["c", "rust"],
  backend: "maturin",
  os: compiled(["c", "rust"]),
  confidence: "high",
  sources: [readAt("milesgranger/cramjam", "9c15ea47570f57be70477cd3464b58fe306fe25b", "pyproject.toml")],
  note: "Rust bindings to several compressors; some bundled C code is compiled through the cc crate.",
});

export const MMH3 = selfContained("mmh3", [readAt("hajimes/mmh3", "8c1d9cec5e4fc05a9b1d6874046eae731af61ad9", "pyproject.toml")], "Two C files.");
export const BITARRAY = selfContained("bitarray", [readAt("ilanschnell/bitarray", "7624486241deaabad57574e54b87abee8ddc833a", "setup.py")], "Pure C extension.");
export const CISO8601 = selfContained("ciso8601", [readAt("closeio/ciso8601", "ee5acb8a22fa6299da904ba6a15c2e6e833b871b", "setup.py")], "One C file.");

export const PYBASE64: PackageNativeBuilds = project("pybase64", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true },
  toolchains: ["c"],
  backend: "setuptools",
  tools: ["cmake"],
  os: compiled(["c"], TOOL.cmake),
  confidence: "high",
  sources: [readAt("mayeut/pybase64", "cbcf6af196611a41cb1db38dd287f6b692817d14", "setup.py")],
  note: "Builds the bundled libbase64 with CMake; falls back to pure Python when that fails.",
});

export const FROZENDICT: PackageNativeBuilds = project("frozendict", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true, env: { name: "FROZENDICT_PURE_PY", value: "1" } },
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("Marco-Sulla/python-frozendict", "c4507e48241f83a7c502993e8b286c9805cf575c", "setup.py")],
  note: "The C implementation exists for some CPython versions only and is optional; a py3-none-any wheel is published.",
});

export const CHARSET_NORMALIZER: PackageNativeBuilds = project(
  "charset-normalizer",
  pure("", {
    backend: "setuptools (in-tree mypyc hook)",
    confidence: "high",
    sources: [externalDeps("charset-normalizer"), readAt("jawah/charset_normalizer", "017c75c267b6d0bb04d9db0c1115ea7184b97059", "_mypyc_hook/backend.py")],
    note: "Platform wheels are mypyc-compiled, but the sdist builds pure Python unless CHARSET_NORMALIZER_USE_MYPYC=1.",
  }),
);

export const FONTTOOLS: PackageNativeBuilds = project(
  "fonttools",
  pure("", {
    backend: "setuptools (pyproject.toml without [build-system]: pip's default)",
    confidence: "high",
    sources: [readAt("fonttools/fonttools", "978d9edccb60ea0e5fbad7015cb11817c3532328", "setup.py"), readAt("fonttools/fonttools", "978d9edccb60ea0e5fbad7015cb11817c3532328", "pyproject.toml")],
    note: "setup.py compiles the Cython cu2qu/qu2cu modules only when Cython is importable or FONTTOOLS_WITH_CYTHON=1; pip's isolated build environment has no Cython, so the sdist builds pure Python (and a failed compile is caught and made pure anyway). The platform wheels are the compiled ones.",
  }),
);

export const RUAMEL_YAML: PackageNativeBuilds = project(
  "ruamel.yaml",
  pure(">=0.16", {
    backend: "setuptools",
    confidence: "medium",
    sources: ["https://sourceforge.net/projects/ruamel-yaml/", "https://pypi.org/project/ruamel.yaml/#files"],
    note: "Pure Python since the C loader moved to ruamel.yaml.clib (0.16); py3-none-any wheels are published. Older 0.15 releases carried the C extension themselves and are not covered here.",
  }),
);

export const LXML: PackageNativeBuilds = project("lxml", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  // setupinfo.py asks pkg-config first and falls back to xml2-config/xslt-config, which
  // libxml2-dev and libxslt1-dev ship (bookworm and trixie .debs: /usr/bin/xml2-config,
  // /usr/bin/xslt-config): pkg-config is not needed (4.9.2 to 6.0.0 alike).
  tools: ["xml2-config", "xslt-config"],
  os: compiled(["c"], LIB.libxml2, LIB.libxslt, LIB.zlib),
  env: [{ name: "STATIC_DEPS", value: "true", effect: "Downloads and statically builds libxml2, libxslt, libiconv and zlib (needs network during the build)." }],
  confidence: "high",
  sources: [
    externalDeps("lxml"),
    readAt("lxml/lxml", "ce6b446bb5a5464cfb9fa41c77554049bb055183", "setupinfo.py"),
    readAt("lxml/lxml", "ce6b446bb5a5464cfb9fa41c77554049bb055183", "doc/build.txt"),
    readAt("lxml/lxml", "c17c1ca0496fbde3827c01cecd6a37d848142772", "setupinfo.py"),
    readAt("lxml/lxml", "2a67034bc21150e9cc14500f65c41fa4e9d51c9b", "setupinfo.py"),
  ],
  note: "The sdist ships the generated C, so Cython is not needed. Flags come from pkg-config when it is installed, else from xml2-config/xslt-config (in the -dev packages). libxml2 and libxslt stay at run time (zlib1g is already in the python images). 1.5–2 min.",
});

export const PILLOW: PackageNativeBuilds = project("Pillow", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools (in-tree backend)",
  // setup.py uses pkg-config only if the command exists (_cmd_exists); otherwise it searches the
  // ldconfig library directories and /usr/include (freetype2 included), so pkgconf is not needed.
  os: compiled(["c"], LIB.zlib, LIB.libjpeg),
  enables: [
    { code: "jpeg", feature: "JPEG (libjpeg)" },
    { code: "zlib", feature: "PNG and the other zlib-compressed formats (zlib)" },
    { code: "core-formats", feature: "the core formats that need no library" },
  ],
  optional: [
    { code: "freetype", feature: "FreeType (ImageFont)", packages: LIB.freetype },
    { code: "lcms2", feature: "colour management (ImageCms)", packages: LIB.lcms2 },
    { code: "webp", feature: "WebP", packages: LIB.libwebp },
    { code: "tiff", feature: "TIFF", packages: LIB.libtiff },
    { code: "jpeg2000", feature: "JPEG 2000", packages: LIB.openjpeg },
  ],
  confidence: "high",
  sources: [
    externalDeps("pillow"),
    readAt("python-pillow/Pillow", "4e5f09f533dbd0d87d39951f48b62f4d1a421cba", "docs/installation/building-from-source.rst"),
    readAt("python-pillow/Pillow", "204590600c6a8c5246d0564d3312abd6e6b0ed70", "setup.py"),
    readAt("python-pillow/Pillow", "bb1d8e8ab8d29048624d96e3ee53cecf7c13d13d", "setup.py"),
  ],
  note: "zlib and libjpeg are required (the listed packages build JPEG, PNG/zlib and the core formats); every other format is built only if its -dev package is present (the optional features), and its library must then stay at run time. pkg-config is used when present, not required. zlib1g is already in the python images.",
});

export const MARKUPSAFE: PackageNativeBuilds = project("MarkupSafe", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true },
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [externalDeps("markupsafe"), readAt("pallets/markupsafe", "1251593f6b0e3b45f2cc8aba662622bc22d6a5e2", "setup.py")],
  note: "_speedups is built by a build_ext that tolerates failure: without a compiler it installs pure Python.",
});

export const PYMUPDF: PackageNativeBuilds = project("PyMuPDF", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  backend: "in-tree pipcl backend (setup.py)",
  tools: ["swig"],
  os: compiled(["c", "cxx"], TOOL.swig),
  confidence: "medium",
  sources: [readAt("pymupdf/PyMuPDF", "53c9aaf539b4fbb6a53010d90de3a2df96e82b5e", "setup.py")],
  note: "The sdist downloads and builds MuPDF, then its SWIG bindings: a long build that needs network access, and fragile on musl.",
});
