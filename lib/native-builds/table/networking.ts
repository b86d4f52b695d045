/**
 * Async, HTTP, RPC and networking libraries: the aio-libs family (whose speed-ups have pure-Python
 * twins switched by *_NO_EXTENSIONS), event loops, gRPC and protobuf, ZeroMQ.
 */
import { LIB, TOOL } from "../os-packages";
import type { PackageNativeBuilds } from "../types";
import { compiled, project, pure } from "./compose";
import { externalDeps, readAt } from "./sources";

// The aio-libs setup.py files used to wrap the build in a BuildFailed handler ("Cannot compile C
// accelerator module, use pure python version"); current releases build through an in-tree PEP 517
// backend that fails instead.
const AIO_LIBS_OLD_FALLBACK = "Older releases' setup.py caught a failed compile and installed pure Python; the release where each project dropped that is not recorded here.";

export const AIOHTTP: PackageNativeBuilds = project(
  "aiohttp",
  {
    versions: "<3.9",
    kind: "optional-native",
    fallback: { automatic: true, env: { name: "AIOHTTP_NO_EXTENSIONS", value: "1" } },
    toolchains: ["c"],
    backend: "setuptools",
    os: compiled(["c"]),
    confidence: "medium",
    sources: ["https://github.com/aio-libs/aiohttp/blob/v3.8.6/setup.py", externalDeps("aiohttp")],
    note: "setup.py caught a failed compile ('Cannot compile C accelerator module, use pure python version') and installed pure Python.",
  },
  {
    versions: ">=3.9",
    kind: "optional-native",
    fallback: { automatic: false, env: { name: "AIOHTTP_NO_EXTENSIONS", value: "1" } },
    toolchains: ["c"],
    backend: "setuptools",
    os: compiled(["c"]),
    env: [{ name: "AIOHTTP_USE_SYSTEM_DEPS", value: "1", effect: "Links the system llhttp (found with pkg-config) instead of the vendored copy." }],
    confidence: "high",
    sources: [externalDeps("aiohttp"), readAt("aio-libs/aiohttp", "495e778360d1924da63e16dba0f0d76baf56a56a", "setup.py")],
    note: "The sdist ships generated C (vendored llhttp), so Cython is not needed. Without a compiler the build fails unless AIOHTTP_NO_EXTENSIONS=1.",
  },
);

export const YARL: PackageNativeBuilds = project("yarl", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: false, env: { name: "YARL_NO_EXTENSIONS", value: "1" } },
  toolchains: ["c"],
  cython: true,
  backend: "in-tree PEP 517 backend over setuptools (packaging/pep517_backend)",
  os: compiled(["c"]),
  confidence: "high",
  sources: [externalDeps("yarl"), readAt("aio-libs/yarl", "7009e844cec7959e73741102ceadff49ed914291", "packaging/pep517_backend/_backend.py")],
  note: `On CPython the backend cythonizes and compiles by default; YARL_NO_EXTENSIONS=1 or --config-settings pure-python=true builds pure Python. ${AIO_LIBS_OLD_FALLBACK}`,
});

export const MULTIDICT: PackageNativeBuilds = project("multidict", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: false, env: { name: "MULTIDICT_NO_EXTENSIONS", value: "1" } },
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [externalDeps("multidict"), readAt("aio-libs/multidict", "41c1b9144b13dcdfa4c18085aedc874cc9d24006", "setup.py")],
  note: `Plain C extension. ${AIO_LIBS_OLD_FALLBACK}`,
});

export const FROZENLIST: PackageNativeBuilds = project("frozenlist", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: false, env: { name: "FROZENLIST_NO_EXTENSIONS", value: "1" } },
  toolchains: ["c", "cxx"],
  cython: true,
  backend: "in-tree PEP 517 backend over setuptools",
  os: compiled(["c", "cxx"]),
  confidence: "high",
  sources: [externalDeps("frozenlist"), readAt("aio-libs/frozenlist", "9538c5b1cf2c71cee17b6dd6d114d55b8ba10176", "packaging/pep517_backend/_backend.py")],
  note: "Cython in C++ mode (per rgommers/external-deps-build). No automatic fallback.",
});

export const PROPCACHE: PackageNativeBuilds = project("propcache", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: false, env: { name: "PROPCACHE_NO_EXTENSIONS", value: "1" } },
  toolchains: ["c"],
  cython: true,
  backend: "in-tree PEP 517 backend over setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("aio-libs/propcache", "334a3ae71c32e6c217c1d3ce5365529ebc79d1e1", "packaging/pep517_backend/_backend.py")],
  note: "Same build machinery as yarl and frozenlist.",
});

export const UVLOOP: PackageNativeBuilds = project("uvloop", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools",
  tools: ["make", "autoconf", "automake", "libtool"],
  os: compiled(["c"], TOOL.make, TOOL.autotools),
  confidence: "high",
  sources: [readAt("MagicStack/uvloop", "0582f946aeca3a9e9af08c3abe7f812bdbc6f91d", "setup.py")],
  note: "Builds the vendored libuv with configure + make. autoconf/automake/libtool matter only when the vendored libuv has no generated configure script. --use-system-libuv links libuv1-dev instead.",
});

export const HTTPTOOLS: PackageNativeBuilds = project("httptools", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [externalDeps("httptools"), readAt("MagicStack/httptools", "cf10ce6f0dae56e61817e67b9bb073dd39d0191a", "setup.py")],
  note: "Vendored llhttp; the sdist ships generated C, so Cython is only needed with --cython-always.",
});

export const WEBSOCKETS: PackageNativeBuilds = project("websockets", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true, env: { name: "BUILD_EXTENSION", value: "no" } },
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("python-websockets/websockets", "04e599ca3caad2c5bb3fa8eaf24066fd270e90a7", "setup.py")],
  note: "A small speed-up marked optional; BUILD_EXTENSION=yes makes a failed compile fatal.",
});

export const TORNADO: PackageNativeBuilds = project("tornado", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true, env: { name: "TORNADO_EXTENSION", value: "0" } },
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("tornadoweb/tornado", "e530031405e2154654dedc4c84d5656b557ea310", "setup.py")],
  note: "The speedups extension is optional; TORNADO_EXTENSION=1 makes a failed compile fatal.",
});

export const GREENLET: PackageNativeBuilds = project(
  "greenlet",
  {
    versions: "<2",
    kind: "native",
    toolchains: ["c"],
    backend: "setuptools",
    os: compiled(["c"]),
    confidence: "medium",
    sources: ["https://github.com/python-greenlet/greenlet/blob/1.1.3/setup.py", "https://greenlet.readthedocs.io/en/latest/changes.html"],
    note: "1.x was C.",
  },
  {
    versions: ">=2",
    kind: "native",
    toolchains: ["c", "cxx"],
    backend: "setuptools",
    os: compiled(["c", "cxx"]),
    confidence: "high",
    sources: [externalDeps("greenlet"), readAt("python-greenlet/greenlet", "74b3c41d4a124221b515db1a5694d185b82cc13c", "setup.py")],
    note: "C++ since 2.0. Needed by SQLAlchemy's asyncio support and by gevent.",
  },
);

export const GEVENT: PackageNativeBuilds = project("gevent", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools",
  tools: ["make"],
  os: compiled(["c"], TOOL.make),
  env: [{ name: "GEVENTSETUP_EMBED", value: "0", effect: "Uses the system libev/libuv/c-ares instead of building the embedded copies." }],
  confidence: "high",
  sources: [readAt("gevent/gevent", "04752c48d92ffadb100fe3e8fac7d6e7a9524616", "setup.py"), readAt("gevent/gevent", "04752c48d92ffadb100fe3e8fac7d6e7a9524616", "_setuputils.py")],
  note: "Configures and compiles the embedded libev, libuv and c-ares: several minutes.",
});

// uWSGI's default profile (buildconf/base.ini: pcre, ssl, xml = auto) compiles each of these in
// only when its headers are there; the row's packages build the core, each feature adds one.
const UWSGI_SSL = { code: "ssl", feature: "HTTPS/SSL (core/ssl, the https router): detected by openssl/ssl.h", packages: LIB.openssl };
const UWSGI_XML = { code: "xml", feature: "XML config files (libxml2, found by xml2-config; expat.h is the fallback)", packages: LIB.libxml2 };
const UWSGI_COMMON = {
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools (setup.py drives uwsgiconfig.py)",
  tools: ["linux-headers"],
  os: compiled(["c"], TOOL.linuxHeaders),
  // The real bookworm build with gcc and libc6-dev alone built and imported (bench/results);
  // uwsgiconfig.py adds PCRE, SSL and XML only when it finds their headers.
  enables: [{ code: "default-profile", feature: "the default build profile (buildconf/default.ini) without PCRE, SSL or XML support" }],
  env: [{ name: "UWSGI_PROFILE", value: "buildconf/<profile>.ini", effect: "Which build profile to compile (default buildconf/default.ini)." }],
  confidence: "high",
} as const;

export const UWSGI: PackageNativeBuilds = project(
  "uWSGI",
  {
    ...UWSGI_COMMON,
    versions: "<2.0.25",
    optional: [{ code: "pcre", feature: "PCRE routing and regexp options (pcre-config)", packages: LIB.pcre }, UWSGI_SSL, UWSGI_XML],
    sources: [readAt("unbit/uwsgi", "d1338dfefe3d9a2de466a9a695cb61fdd055a295", "uwsgiconfig.py"), readAt("unbit/uwsgi", "3a28185f9c23a16ed9495a099ca0fea0e28473ab", "uwsgiconfig.py"), readAt("unbit/uwsgi", "3a28185f9c23a16ed9495a099ca0fea0e28473ab", "buildconf/base.ini")],
    note: "No wheels on PyPI, so it always compiles. Links the interpreter's libpython (the python images ship it; distro Pythons need python3-dev). PCRE support needs the old PCRE 8 (pcre-config), which Debian 13 no longer has (no libpcre3-dev).",
  },
  {
    ...UWSGI_COMMON,
    versions: ">=2.0.25",
    optional: [{ code: "pcre", feature: "PCRE routing and regexp options (pcre2-config, PCRE 8 as the fallback)", packages: LIB.pcre2 }, UWSGI_SSL, UWSGI_XML],
    sources: [readAt("unbit/uwsgi", "6cbb2177ae48af91d2799ff3135abda545cf634c", "setup.py"), readAt("unbit/uwsgi", "fbe1ec755f517d04846815e7de5750880ba7452e", "uwsgiconfig.py"), readAt("unbit/uwsgi", "c5646c0ef99eb1c477515a17421844669f57b3b3", "uwsgiconfig.py")],
    note: "No wheels on PyPI, so it always compiles. Links the interpreter's libpython (the python images ship it; distro Pythons need python3-dev). 2.0.25 added PCRE2 (pcre2-config --libs8).",
  },
);

export const BROTLI: PackageNativeBuilds = project("Brotli", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  env: [{ name: "USE_SYSTEM_BROTLI", value: "1", effect: "Links the system libbrotli (found with pkg-config) instead of the vendored sources." }],
  confidence: "high",
  sources: [readAt("google/brotli", "8e10eeb3378f6c459dbaf033ca6727e9816afccb", "setup.py"), readAt("google/brotli", "8e10eeb3378f6c459dbaf033ca6727e9816afccb", "pyproject.toml")],
});

export const PYCURL: PackageNativeBuilds = project("pycurl", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  tools: ["curl-config"],
  os: compiled(["c"], LIB.curl, LIB.openssl),
  env: [
    { name: "PYCURL_SSL_LIBRARY", value: "openssl", effect: "Tells setup.py libcurl's TLS backend when detection fails." },
    { name: "PYCURL_CURL_CONFIG", value: "/path/to/curl-config", effect: "Which curl-config to ask for flags." },
  ],
  confidence: "high",
  sources: [readAt("pycurl/pycurl", "3d008f97dceded3dde9888543c565a63237fee6c", "setup.py"), readAt("pycurl/pycurl", "3d008f97dceded3dde9888543c565a63237fee6c", "pyproject.toml")],
  note: "libcurl's TLS backend must match what pycurl is built for (Debian: libcurl4-openssl-dev). No musllinux wheels, so Alpine always compiles.",
});

export const PYCARES: PackageNativeBuilds = project("pycares", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools + cffi",
  os: compiled(["c"]),
  env: [{ name: "PYCARES_USE_SYSTEM_LIB", value: "1", effect: "Links the system c-ares instead of the bundled copy." }],
  confidence: "high",
  sources: [readAt("saghul/pycares", "ea5b7d327022f70193c40c65ad1e187a5f4566e6", "setup.py")],
});

export const HIREDIS: PackageNativeBuilds = project("hiredis", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("redis/hiredis-py", "ee55dd4b2e8b79a8215662f089420d88586fd4cc", "setup.py")],
  note: "Vendored hiredis C sources.",
});

const GRPC_JOBS = { name: "GRPC_PYTHON_BUILD_EXT_COMPILER_JOBS", value: "$(nproc)", effect: "Compiles in parallel; otherwise the build is very slow." };

export const GRPCIO: PackageNativeBuilds = project("grpcio", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  backend: "setuptools (setup.py, no build-backend)",
  os: compiled(["c", "cxx"]),
  env: [
    GRPC_JOBS,
    { name: "GRPC_PYTHON_BUILD_SYSTEM_OPENSSL", value: "1", effect: "Links the system OpenSSL instead of the bundled BoringSSL (then libssl-dev at build time)." },
    { name: "GRPC_PYTHON_BUILD_SYSTEM_ZLIB", value: "1", effect: "Links the system zlib." },
    { name: "GRPC_PYTHON_BUILD_SYSTEM_CARES", value: "1", effect: "Links the system c-ares." },
  ],
  confidence: "high",
  sources: [externalDeps("grpcio"), "https://github.com/grpc/grpc/blob/master/setup.py"],
  note: "Compiles gRPC core with bundled BoringSSL, abseil, re2, c-ares and zlib: 12–23 min on 4 vCPUs, and much RAM with many jobs. musllinux aarch64 wheels were missing for long periods.",
});

export const GRPCIO_TOOLS: PackageNativeBuilds = project("grpcio-tools", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  cython: true,
  backend: "setuptools",
  os: compiled(["c", "cxx"]),
  env: [GRPC_JOBS],
  confidence: "high",
  sources: [externalDeps("grpcio-tools")],
  note: "Compiles protoc and the gRPC plugins (4–8 min). Usually needed only for code generation, not in the final image.",
});

export const PROTOBUF: PackageNativeBuilds = project(
  "protobuf",
  pure("<4.21", {
    backend: "setuptools",
    confidence: "medium",
    sources: ["https://github.com/protocolbuffers/protobuf/blob/v3.20.3/python/setup.py", externalDeps("protobuf")],
    note: "3.x sdists install the pure-Python implementation unless built with --cpp_implementation.",
  }),
  {
    versions: ">=4.21",
    kind: "native",
    toolchains: ["c"],
    backend: "setuptools (sdist generated from protobuf's python/dist)",
    os: compiled(["c"]),
    confidence: "medium",
    sources: [externalDeps("protobuf"), "https://github.com/protocolbuffers/protobuf/blob/main/python/README.md"],
    note: "Since 4.21 the sdist compiles the upb-based C extension (20–30 s). PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python only chooses the implementation at run time; the build still needs a C compiler.",
  },
);

export const PYZMQ: PackageNativeBuilds = project(
  "pyzmq",
  {
    versions: "<26",
    kind: "native",
    toolchains: ["c", "cxx"],
    cython: true,
    backend: "setuptools",
    os: compiled(["c", "cxx"]),
    optional: [{ code: "system-libzmq", feature: "link the system libzmq instead of building the bundled one", packages: LIB.libzmq }],
    env: [{ name: "ZMQ_PREFIX", value: "bundled", effect: "Builds the bundled libzmq (C++) even if a system one is found." }],
    confidence: "medium",
    sources: ["https://github.com/zeromq/pyzmq/blob/v25.1.2/setup.py", "https://pyzmq.readthedocs.io/en/latest/howto/build.html"],
    note: "Uses a system libzmq when found, else compiles the bundled libzmq shipped in the sdist.",
  },
  {
    versions: ">=26",
    kind: "native",
    toolchains: ["c", "cxx"],
    cython: true,
    backend: "scikit-build-core",
    tools: ["cmake"],
    os: compiled(["c", "cxx"], TOOL.cmake),
    optional: [{ code: "system-libzmq", feature: "link the system libzmq instead of downloading and building one", packages: LIB.libzmq }],
    env: [
      { name: "ZMQ_PREFIX", value: "/usr or bundled", effect: "Where libzmq is, or 'bundled' to build one." },
      { name: "PYZMQ_NO_BUNDLE", value: "1", effect: "Requires a system libzmq instead of falling back to a bundled build." },
    ],
    confidence: "high",
    sources: [readAt("zeromq/pyzmq", "c6bc8f20d47f9e779d17137201939a31fcd457cc", "CMakeLists.txt"), readAt("zeromq/pyzmq", "c6bc8f20d47f9e779d17137201939a31fcd457cc", "pyproject.toml")],
    note: "Without a system libzmq (libzmq3-dev / zeromq-dev), CMake downloads libzmq and libsodium at build time: the build fails without network.",
  },
);

export const CAIO: PackageNativeBuilds = project("caio", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "medium",
  sources: [readAt("mosquito/caio", "8984d6cd0788a8ac8d039512b37af454d2423dc5", "setup.py")],
  note: "Linux AIO C modules; the thread-based backends are chosen at run time, but the Linux build compiles the C modules.",
});

export const NETIFACES: PackageNativeBuilds = project("netifaces", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("al45tair/netifaces", "53fcdb6e5dccc84f6734939cfee1a95d3f470d7b", "setup.py")],
  note: "Unmaintained since 0.11.0 (2021): no wheels for CPython ≥ 3.10, so it compiles almost everywhere. netifaces-plus is a maintained fork with wheels.",
});

export const NETWORKING: readonly PackageNativeBuilds[] = [
  AIOHTTP,
  YARL,
  MULTIDICT,
  FROZENLIST,
  PROPCACHE,
  UVLOOP,
  HTTPTOOLS,
  WEBSOCKETS,
  TORNADO,
  GREENLET,
  GEVENT,
  UWSGI,
  BROTLI,
  PYCURL,
  PYCARES,
  HIREDIS,
  GRPCIO,
  GRPCIO_TOOLS,
  PROTOBUF,
  PYZMQ,
  CAIO,
  NETIFACES,
];
