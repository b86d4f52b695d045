/**
 * Serialisation, compression, hashing, XML and imaging. Many of these have a pure-Python twin that
 * installs quietly when nothing compiles (PyYAML, MarkupSafe, simplejson); others fail without a
 * compiler (ujson, regex-style single C modules) or need Rust (orjson, cramjam).
 */
import { LIB, TOOL } from "../os-packages";
import type { PackageNativeBuilds } from "../types";
import { compiled, project, pure, selfContained } from "./compose";
import { atTag, externalDeps, readAt } from "./sources";

export const PYYAML: PackageNativeBuilds = project("PyYAML", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true },
  toolchains: ["c"],
  cython: true,
  backend: "setuptools (in-tree _pyyaml_pep517 wrapper)",
  os: compiled(["c"]),
  optional: [{ feature: "the libyaml-based CLoader/CDumper", packages: LIB.libyaml }],
  env: [{ name: "PYYAML_FORCE_LIBYAML", value: "1", effect: "Fails the build instead of quietly installing pure Python when libyaml cannot be compiled." }],
  confidence: "high",
  sources: [externalDeps("pyyaml"), readAt("yaml/pyyaml", "d51d8a138f7230834fc6e95635ff09ebd329185f", "setup.py")],
  note: "The only extension binds libyaml: without yaml.h or a compiler, setup.py warns and installs pure Python (no CLoader). With libyaml, the final image needs its shared library.",
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

export const MSGPACK: PackageNativeBuilds = project("msgpack", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: false, env: { name: "MSGPACK_PUREPYTHON", value: "1" } },
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [externalDeps("msgpack"), readAt("msgpack/msgpack-python", "2e4be090f6a42e1ad19526ca6f6ee67f3476389a", "setup.py")],
  note: "The sdist ships the generated C; a failed compile fails the install unless MSGPACK_PUREPYTHON=1.",
});

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
  os: compiled(["c"]),
  env: [{ name: "IJSON_EMBED_YAJL", value: "1", effect: "Compiles the bundled yajl and the yajl2_c backend." }],
  confidence: "high",
  sources: [readAt("ICRAR/ijson", "d2a14586fe87dbb743fa5778b88433de081a73cd", "setup.py")],
  note: "The C backend is built only when yajl headers are found (or IJSON_EMBED_YAJL=1); otherwise the install is pure Python.",
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

export const GOOGLE_CRC32C: PackageNativeBuilds = project("google-crc32c", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true, env: { name: "CRC32C_PURE_PYTHON", value: "1" } },
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [externalDeps("google-crc32c"), readAt("googleapis/python-crc32c", "9652503fb296eef101d84b9b631f454cc7c1d538", "setup.py")],
  note: "The extension links Google's libcrc32c, which no distro image has: from the sdist it falls back to pure Python (slow checksums).",
});

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
  tools: ["pkg-config"],
  os: compiled(["c"], TOOL.pkgConfig),
  confidence: "high",
  sources: [readAt("python-lz4/python-lz4", "029f36597b8d182484f3c38c6be6a71ad07ddc96", "setup.py")],
  note: "Links the system liblz4 when pkg-config finds it (then it must stay at run time), else the bundled sources.",
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

export const LXML: PackageNativeBuilds = project("lxml", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  tools: ["pkg-config", "xml2-config", "xslt-config"],
  os: compiled(["c"], TOOL.pkgConfig, LIB.libxml2, LIB.libxslt, LIB.zlib),
  env: [{ name: "STATIC_DEPS", value: "true", effect: "Downloads and statically builds libxml2, libxslt, libiconv and zlib (needs network during the build)." }],
  confidence: "high",
  sources: [externalDeps("lxml"), readAt("lxml/lxml", "ce6b446bb5a5464cfb9fa41c77554049bb055183", "setupinfo.py"), readAt("lxml/lxml", "ce6b446bb5a5464cfb9fa41c77554049bb055183", "doc/build.txt")],
  note: "The sdist ships the generated C, so Cython is not needed. libxml2 and libxslt stay at run time. 1.5–2 min.",
});

export const PILLOW: PackageNativeBuilds = project("Pillow", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools (in-tree backend)",
  tools: ["pkg-config"],
  os: compiled(["c"], TOOL.pkgConfig, LIB.zlib, LIB.libjpeg),
  optional: [
    { feature: "FreeType (ImageFont)", packages: LIB.freetype },
    { feature: "colour management (ImageCms)", packages: LIB.lcms2 },
    { feature: "WebP", packages: LIB.libwebp },
    { feature: "TIFF", packages: LIB.libtiff },
    { feature: "JPEG 2000", packages: LIB.openjpeg },
  ],
  confidence: "high",
  sources: [externalDeps("pillow"), readAt("python-pillow/Pillow", "4e5f09f533dbd0d87d39951f48b62f4d1a421cba", "docs/installation/building-from-source.rst")],
  note: "zlib and libjpeg are required; every other format is built only if its -dev package is present, and its library must then stay at run time.",
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
