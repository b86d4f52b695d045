/**
 * Cryptography, authentication and directory bindings. Most link OpenSSL, libffi, Kerberos or
 * LDAP; cryptography and bcrypt moved from C to Rust, which is the change that breaks old
 * Dockerfiles.
 */
import { LIB, TOOL } from "../os-packages";
import type { PackageNativeBuilds } from "../types";
import { compiled, project, selfContained } from "./compose";
import { externalDeps, github, readAt } from "./sources";

const CRYPTOGRAPHY_CHANGELOG = "https://cryptography.io/en/latest/changelog/";
const CRYPTOGRAPHY_INSTALL = "https://cryptography.io/en/stable/installation/";

export const CRYPTOGRAPHY: PackageNativeBuilds = project(
  "cryptography",
  {
    versions: "<3.4",
    kind: "native",
    toolchains: ["c"],
    backend: "setuptools + cffi",
    os: compiled(["c"], LIB.openssl, LIB.libffi),
    confidence: "medium",
    sources: ["https://github.com/pyca/cryptography/blob/3.3.2/docs/installation.rst", CRYPTOGRAPHY_CHANGELOG],
    note: "C only: the cffi bindings are compiled against OpenSSL headers. These releases predate OpenSSL 3.0 support (added in 35.0), so they may not build on images with OpenSSL 3 (Debian 12, Alpine ≥ 3.17).",
  },
  {
    versions: ">=3.4,<35",
    kind: "native",
    // With CRYPTOGRAPHY_DONT_BUILD_RUST=1 (set by the recommended Dockerfile) only the C bindings are
    // built; without it setuptools-rust needs cargo and rustc as well.
    toolchains: ["c"],
    backend: "setuptools + setuptools-rust + cffi",
    os: compiled(["c"], LIB.openssl, LIB.libffi),
    env: [
      {
        name: "CRYPTOGRAPHY_DONT_BUILD_RUST",
        value: "1",
        effect: "Builds the C bindings only, so no Rust toolchain is needed. Honoured by 3.4.x only; 35.0 removed it.",
        set: true,
      },
    ],
    confidence: "high",
    sources: [CRYPTOGRAPHY_CHANGELOG, "https://github.com/pyca/cryptography/blob/3.4.8/docs/installation.rst"],
    note: "First Rust release: without CRYPTOGRAPHY_DONT_BUILD_RUST=1 it also needs rustc and cargo. Versions jump from 3.4.8 to 35.0.",
  },
  {
    versions: ">=35,<43",
    kind: "native",
    toolchains: ["c", "rust"],
    backend: "setuptools + setuptools-rust + cffi",
    tools: ["pkg-config"],
    os: compiled(["c", "rust"], TOOL.pkgConfig, LIB.openssl, LIB.libffi),
    confidence: "high",
    sources: [CRYPTOGRAPHY_CHANGELOG, CRYPTOGRAPHY_INSTALL],
    note: "Rust is mandatory. The minimum Rust rose over these releases (1.41 at 35, 1.63 at 42); bookworm's own rustc 1.63 is enough up to 42.",
  },
  {
    versions: ">=43",
    kind: "native",
    toolchains: ["c", "rust"],
    backend: "maturin",
    tools: ["pkg-config"],
    os: compiled(["c", "rust"], TOOL.pkgConfig, LIB.openssl, LIB.libffi),
    confidence: "high",
    sources: [externalDeps("cryptography"), CRYPTOGRAPHY_INSTALL, github("pyca/cryptography", "issues", 11660), github("pyca/cryptography", "pull", 12919)],
    note: "Needs a recent Rust (1.74 for 45.x): on Debian 12 use rustc-web/cargo-web or rustup, not rustc. Needs OpenSSL ≥ 3.0 (or LibreSSL/BoringSSL/aws-lc). About a minute on 4 vCPUs.",
  },
);

export const CFFI: PackageNativeBuilds = project("cffi", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  // _ask_pkg_config ignores a missing pkg-config (OSError ENOENT) and keeps libraries=['ffi'] with
  // the compiler's default include path, where libffi-dev puts ffi.h (Debian: the multiarch
  // /usr/include/<triplet>/ffi.h; Alpine and Fedora: /usr/include/ffi.h): pkgconf is not needed.
  os: compiled(["c"], LIB.libffi),
  confidence: "high",
  sources: [
    externalDeps("cffi"),
    readAt("python-cffi/cffi", "45f531087c53e1977de2712056a1d3193eab73bc", "setup.py"),
    readAt("python-cffi/cffi", "ec9e0af363fa9a80fd37fdb6312174eea39c95da", "setup.py"),
    readAt("python-cffi/cffi", "38bd6be6b94a65182f4bffb45c78e230e9290f51", "setup.py"),
    readAt("python-cffi/cffi", "6366c01d84e9a78e7e85f12ebe9760ba5d19b6d3", "setup.py"),
  ],
  note: "setup.py asks pkg-config for libffi's flags when pkg-config is installed and otherwise uses -lffi and the default include path (1.15.1 to 2.0.0 alike); libffi-dev is what the build needs. The libffi runtime (libffi8) is already in the python images (CPython's _ctypes links it), so listing it installs nothing there.",
});

export const BCRYPT: PackageNativeBuilds = project(
  "bcrypt",
  {
    versions: "<4",
    kind: "native",
    toolchains: ["c"],
    backend: "setuptools + cffi",
    os: compiled(["c"]),
    confidence: "medium",
    sources: ["https://github.com/pyca/bcrypt/blob/3.2.2/setup.py", externalDeps("bcrypt")],
    note: "C through cffi (cffi comes from PyPI; it compiles too where it has no wheel, and then needs libffi-dev).",
  },
  {
    versions: ">=4",
    kind: "native",
    toolchains: ["c", "rust"],
    backend: "setuptools + setuptools-rust",
    os: compiled(["c", "rust"]),
    confidence: "high",
    sources: [
      externalDeps("bcrypt"),
      readAt("pyca/bcrypt", "96421628c6992582ca17d9970adff2efc88ff265", "pyproject.toml"),
      readAt("pyca/bcrypt", "96421628c6992582ca17d9970adff2efc88ff265", "src/_bcrypt/Cargo.toml"),
    ],
    note: "Rust since 4.0. Ubuntu 24.04's default rustc is older than the crate's rust-version.",
  },
);

export const PYNACL: PackageNativeBuilds = project("PyNaCl", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools + cffi",
  tools: ["make"],
  os: compiled(["c"], TOOL.make),
  optional: [{ code: "system-libsodium", feature: "link the distro libsodium instead of the bundled copy (SODIUM_INSTALL=system)", packages: LIB.libsodium }],
  env: [{ name: "SODIUM_INSTALL", value: "system", effect: "Links the distro libsodium instead of building the bundled copy (then libsodium-dev at build time, libsodium at run time)." }],
  confidence: "high",
  sources: [externalDeps("pynacl"), readAt("pyca/pynacl", "25d715e19c9b8472a00e18e68ca0e7369826e666", "setup.py")],
  note: "Builds the bundled libsodium with ./configure && make: 1–4.5 min.",
});

export const ARGON2_CFFI_BINDINGS: PackageNativeBuilds = project("argon2-cffi-bindings", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools + cffi",
  os: compiled(["c"]),
  env: [{ name: "ARGON2_CFFI_USE_SYSTEM", value: "1", effect: "Links the system libargon2 instead of the bundled reference code." }],
  confidence: "medium",
  sources: [
    readAt("hynek/argon2-cffi-bindings", "00fa31da42114ea1d1c9058af2bd8a5ba635b416", "pyproject.toml"),
    readAt("hynek/argon2-cffi-bindings", "f3a5a3f10f75035cbe1f5dc0188be5d210b6ac60", "pyproject.toml"),
  ],
  note: "21.2.0 and 25.1.0 build with setuptools + cffi. The main branch moved to scikit-build-core, which will also want cmake once released.",
});

export const PYCRYPTODOME = selfContained("pycryptodome", [readAt("Legrandin/pycryptodome", "d12264940c40417915fb85acb8c787ad9da58969", "setup.py")], "Self-contained C sources; GMP is optional and loaded at run time through ctypes.");

export const PYCRYPTODOMEX = selfContained("pycryptodomex", [externalDeps("pycryptodomex"), readAt("Legrandin/pycryptodome", "d12264940c40417915fb85acb8c787ad9da58969", "setup.py")], "The pycryptodome code under the Cryptodome namespace.");

export const XMLSEC: PackageNativeBuilds = project("xmlsec", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  tools: ["pkg-config"],
  os: compiled(["c"], TOOL.pkgConfig, LIB.xmlsec, LIB.libxml2, LIB.libxslt, LIB.openssl),
  env: [{ name: "PYXMLSEC_STATIC_DEPS", value: "true", effect: "Downloads and statically builds libxml2/libxslt/xmlsec (needs network during the build)." }],
  confidence: "high",
  sources: [readAt("xmlsec/python-xmlsec", "bd327f9531de337d9caf33ba01c71f13f0e3d2e4", "pyproject.toml")],
  note: "Must link the same libxml2 as lxml, or import fails with 'lxml & xmlsec libxml2 library version mismatch': build lxml from source too (--no-binary lxml).",
});

export const M2CRYPTO: PackageNativeBuilds = project("M2Crypto", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  tools: ["swig"],
  os: compiled(["c"], TOOL.swig, LIB.openssl),
  confidence: "medium",
  sources: ["https://gitlab.com/m2crypto/m2crypto/-/blob/master/INSTALL.rst"],
  note: "SWIG-generated bindings: needs swig ≥ 4 and OpenSSL headers. Few Linux wheels, so it usually compiles.",
});

export const GSSAPI: PackageNativeBuilds = project("gssapi", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools + Cython",
  tools: ["krb5-config"],
  os: compiled(["c"], LIB.krb5),
  env: [{ name: "GSSAPI_KRB5CONFIG", value: "/path/to/krb5-config", effect: "Which krb5-config to ask for flags." }],
  confidence: "high",
  sources: [readAt("pythongssapi/python-gssapi", "55df351f3c3e49266dda49327b28239b991c8246", "setup.py")],
  note: "Needs MIT Kerberos headers; krb5-config comes with the -dev package.",
});

export const KRB5: PackageNativeBuilds = project("krb5", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools + Cython",
  tools: ["krb5-config"],
  os: compiled(["c"], LIB.krb5),
  env: [{ name: "KRB5_KRB5CONFIG", value: "/path/to/krb5-config", effect: "Which krb5-config to ask for flags." }],
  confidence: "high",
  sources: [readAt("jborean93/pykrb5", "a818d6ae608e034b2140fc53aec0d44561c3a6fb", "setup.py")],
});

export const PYKERBEROS: PackageNativeBuilds = project("pykerberos", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  tools: ["krb5-config"],
  os: compiled(["c"], LIB.krb5),
  confidence: "medium",
  sources: ["https://github.com/02strich/pykerberos/blob/master/setup.py"],
  note: "setup.py runs krb5-config --cflags/--libs gssapi.",
});

export const PYTHON_LDAP: PackageNativeBuilds = project("python-ldap", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"], LIB.ldap),
  confidence: "high",
  sources: [readAt("python-ldap/python-ldap", "d1477cff2fe5f22d1058b38ece6c85d4714ca424", "setup.py")],
  note: "Links libldap and libsasl2. No Linux wheels on PyPI, so it always compiles. Debian 13 renamed the runtime library (libldap2).",
});

export const SECURITY: readonly PackageNativeBuilds[] = [
  CRYPTOGRAPHY,
  CFFI,
  BCRYPT,
  PYNACL,
  ARGON2_CFFI_BINDINGS,
  PYCRYPTODOME,
  PYCRYPTODOMEX,
  XMLSEC,
  M2CRYPTO,
  GSSAPI,
  KRB5,
  PYKERBEROS,
  PYTHON_LDAP,
];
