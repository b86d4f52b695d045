/**
 * How long compiling one sdist takes: wall seconds on a 4-core x86_64 (a GitHub runner), per
 * project and release range, with whether the build uses more cores when it has them.
 *
 * Sources: "CI" = the 'Build from sdist' step of rgommers/external-deps-build (GitHub ubuntu-latest,
 * 4 vCPU; Arch, Fedora, Ubuntu and conda-forge containers), as gathered in data/sysdeps; "#N" =
 * calibration row N of data/calibration/build-times.json; "harness" = a real build by
 * bench/verify-builds (Debian bookworm root, gcc 12, Basewise's builder list, `pip wheel
 * --no-build-isolation`) on a 2-core x86_64 machine on 2026-12-02, results in
 * bench/results/verify-builds-bookworm.md. Harness wall seconds of a serial build are used as they
 * are (cores do not matter); a parallel build's are brought to 4 cores with onCores' factor (1.75
 * from 2 cores). Where other jobs crowded the machine the CPU seconds (user + sys of pip and the
 * compilers) stand for the idle wall time, and the basis says so (they too run about a fifth high
 * at load 8: ruamel.yaml.clib took 16.7 CPU s there and 13.6 s at load 3). A range from one harness
 * build runs from it to about 3× it, the spread the CI rows show across distros.
 */
import { parseSpecifierSet, specifierSetContains, type SpecifierSet } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import type { Range } from "./parameters";

export type Toolchain = "c" | "cxx" | "fortran" | "rust";

export interface CompileCost {
  /** PEP 440 range of releases ("" = all). */
  versions: string;
  /** Wall seconds with 4 cores. */
  seconds: Range;
  /** ninja/cargo/make -j builds use every core; setuptools compiles one extension file at a time. */
  parallel: boolean;
  basis: string;
}

const COSTS: Readonly<Record<string, readonly CompileCost[]>> = {
  numpy: [
    { versions: "<1.26", seconds: [240, 420], parallel: false, basis: "numpy.distutils builds serially: ≈ 6 min on a 2-vCPU musllinux CI (#5), ≈ 4 min on GitHub Actions (#6)" },
    { versions: ">=1.26", seconds: [180, 240], parallel: true, basis: "meson-python + ninja: CI 181–240 s" },
  ],
  pandas: [
    { versions: "<2.1", seconds: [420, 660], parallel: false, basis: "setuptools + Cython, serial: ≈ 10 min on a 2-vCPU runner (#16), > 7 min (#13), 5 min for 0.19 (#14)" },
    { versions: ">=2.1", seconds: [230, 280], parallel: true, basis: "meson-python + ninja: CI 235–278 s" },
  ],
  scipy: [
    { versions: "<1.9", seconds: [900, 1500], parallel: false, basis: "numpy.distutils with Fortran, serial: 17–31 min on MacPorts x86_64 builders (#24), 17 min for 1.0 (#4)" },
    { versions: ">=1.9", seconds: [600, 1200], parallel: true, basis: "meson-python: CI 705 s (Arch); 16–27 min RPM builds including the test suite (#20)" },
  ],
  "scikit-learn": [{ versions: "", seconds: [160, 300], parallel: true, basis: "CI 168–207 s (meson-python); older setuptools releases slower" }],
  matplotlib: [{ versions: "", seconds: [70, 90], parallel: true, basis: "CI 71–80 s" }],
  kiwisolver: [{ versions: "", seconds: [17, 24], parallel: false, basis: "CI 17–24 s" }],
  // Pillow's build_ext compiles its C files in parallel, one job per CPU unless MAX_CONCURRENCY says
  // otherwise (python-pillow/Pillow@00b8ca06:setup.py, pil_build_ext.finalize_options).
  pillow: [{ versions: "", seconds: [17, 60], parallel: true, basis: "CI 28–59 s (4 vCPU; build_ext runs one compile job per CPU); harness: 31 s for 9.4.0 with zlib and libjpeg only, on 2 cores, bookworm, 2026-12-02 (≈ 18 s on 4)" }],
  pyarrow: [{ versions: "", seconds: [400, 900], parallel: true, basis: "CI 396–427 s where Arrow C++ was installed; it is not packaged for Debian" }],
  grpcio: [{ versions: "", seconds: [700, 1400], parallel: true, basis: "CI 694–1396 s; 20–40 min on Alpine for 1.38–1.41 (#28–#30)" }],
  "grpcio-tools": [{ versions: "", seconds: [220, 480], parallel: true, basis: "CI 217–474 s" }],
  cryptography: [
    { versions: "<35", seconds: [20, 60], parallel: false, basis: "C bindings only (3.4.x with CRYPTOGRAPHY_DONT_BUILD_RUST): cffi compile, about cffi's cost plus OpenSSL bindings (#38)" },
    { versions: ">=35", seconds: [50, 70], parallel: true, basis: "cargo: CI 53–62 s" },
  ],
  cffi: [{ versions: "", seconds: [6, 20], parallel: false, basis: "CI 10–20 s; harness: 6.6 s for 1.15.1, on 2 cores, bookworm, 2026-12-02" }],
  bcrypt: [
    { versions: "<4", seconds: [10, 20], parallel: false, basis: "small C extension (as cffi)" },
    { versions: ">=4", seconds: [28, 35], parallel: true, basis: "cargo: CI 28–35 s" },
  ],
  pynacl: [{ versions: "", seconds: [60, 600], parallel: false, basis: "configure + make + make check of the bundled libsodium: CI 62–270 s; harness: 570 CPU s for 1.5.0, on 2 cores, bookworm, 2026-12-02 (790 s wall at load 4–5; the libsodium build and its 77 tests, one job at a time)" }],
  pycryptodome: [{ versions: "", seconds: [23, 39], parallel: false, basis: "as pycryptodomex: CI 23–39 s" }],
  pycryptodomex: [{ versions: "", seconds: [23, 39], parallel: false, basis: "CI 23–39 s" }],
  aiohttp: [{ versions: "", seconds: [15, 40], parallel: false, basis: "CI 20–40 s; harness: 15.3 s for 3.8.4, on 2 cores, bookworm, 2026-12-02" }],
  yarl: [{ versions: "", seconds: [12, 18], parallel: false, basis: "CI 12–18 s" }],
  multidict: [{ versions: "", seconds: [4, 11], parallel: false, basis: "CI 9–11 s; harness: 4.1 s for 6.4.3, on 2 cores, bookworm, 2026-12-02" }],
  frozenlist: [{ versions: "", seconds: [12, 24], parallel: false, basis: "CI 12–24 s" }],
  httptools: [{ versions: "", seconds: [12, 18], parallel: false, basis: "CI 12–18 s" }],
  greenlet: [{ versions: "", seconds: [12, 14], parallel: false, basis: "CI 12–14 s" }],
  protobuf: [{ versions: "", seconds: [19, 31], parallel: false, basis: "CI 19–31 s" }],
  pyyaml: [{ versions: "", seconds: [7, 26], parallel: false, basis: "CI 13–26 s; harness: 7 s for 6.0.2 with libyaml-dev, on 2 cores, bookworm, 2026-12-02" }],
  msgpack: [{ versions: "", seconds: [11, 22], parallel: false, basis: "CI 11–22 s" }],
  "google-crc32c": [{ versions: "", seconds: [6, 13], parallel: false, basis: "CI 6–13 s" }],
  "charset-normalizer": [{ versions: "", seconds: [6, 24], parallel: false, basis: "CI 6–24 s" }],
  psycopg2: [{ versions: "", seconds: [12, 20], parallel: false, basis: "as psycopg2-binary's sdist: CI 16–20 s; harness: 12.5 s for 2.9.10, on 2 cores, bookworm, 2026-12-02" }],
  "psycopg2-binary": [{ versions: "", seconds: [16, 20], parallel: false, basis: "CI 16–20 s" }],
  sqlalchemy: [{ versions: "", seconds: [22, 40], parallel: false, basis: "CI 22–40 s" }],
  "pydantic-core": [{ versions: "", seconds: [142, 263], parallel: true, basis: "cargo: CI 142–263 s" }],
  "rpds-py": [{ versions: "", seconds: [27, 42], parallel: true, basis: "cargo: CI 27–42 s" }],
  markupsafe: [{ versions: "", seconds: [2, 17], parallel: false, basis: "CI 5–17 s; harness: 2.6 s for 2.1.2, on 2 cores, bookworm, 2026-12-02" }],
  wrapt: [{ versions: "", seconds: [7, 19], parallel: false, basis: "CI 7–19 s" }],
  coverage: [{ versions: "", seconds: [8, 14], parallel: false, basis: "CI 8–14 s" }],
  regex: [{ versions: "", seconds: [15, 24], parallel: false, basis: "CI 15–24 s" }],
  psutil: [{ versions: "", seconds: [9, 10], parallel: false, basis: "CI 9–10 s" }],
  pyrsistent: [{ versions: "", seconds: [3, 20], parallel: false, basis: "CI 6–20 s; harness: 3.4 CPU s for 0.20.0, on 2 cores, bookworm, 2026-12-02 (17.8 s wall on a crowded machine, load 11)" }],
  lxml: [{ versions: "", seconds: [87, 130], parallel: false, basis: "CI 87–130 s; ≈ 109 s on Travis (#41); harness: 121 s for 4.9.2, on 2 cores, bookworm, 2026-12-02" }],
  // Projects the CI data has no figure for, measured by the harness only.
  "python-ldap": [{ versions: "", seconds: [5, 15], parallel: false, basis: "harness: 5.2 s for 3.4.4, on 2 cores, bookworm, 2026-12-02" }],
  mysqlclient: [{ versions: "", seconds: [2, 8], parallel: false, basis: "harness: 2.4 s for 1.4.6, on 2 cores, bookworm, 2026-12-02" }],
  // meson + ninja: one compile job per core.
  "dbus-python": [{ versions: "", seconds: [4, 15], parallel: true, basis: "harness: 8.6 s for 1.4.0, on 2 cores, bookworm, 2026-12-02 (meson-python; ≈ 5 s on 4)" }],
  pygobject: [{ versions: "", seconds: [19, 60], parallel: false, basis: "harness: 19.4 s for 3.42.2, on 2 cores, bookworm, 2026-12-02 (setuptools)" }],
  netifaces: [{ versions: "", seconds: [9, 27], parallel: false, basis: "harness: 8.9 CPU s for 0.11.0, on 2 cores, bookworm, 2026-12-02 (79 s wall on a crowded machine, load 13)" }],
  // setuptools, one file at a time: gevent's Cython modules, then the embedded libev, libuv and
  // c-ares (configured by its own ./configure) are compiled in-process.
  gevent: [{ versions: "", seconds: [150, 450], parallel: false, basis: "harness: 164 s for 24.11.1, on 2 cores, bookworm, 2026-12-02 (147 CPU s, load 2–4; 250 s wall and 158 CPU s in a run at load 6)" }],
  pykerberos: [{ versions: "", seconds: [4, 15], parallel: false, basis: "harness: 4.8 s for 1.1.14, on 2 cores, bookworm, 2026-12-02 (4.2 CPU s)" }],
  brotli: [{ versions: "", seconds: [34, 100], parallel: false, basis: "harness: 34.3 CPU s for 1.1.0, on 2 cores, bookworm, 2026-12-02 (the bundled brotli library, one file at a time; 146 s wall on a crowded machine, load 13)" }],
  pyodbc: [{ versions: "", seconds: [11, 35], parallel: false, basis: "harness: 11.3 CPU s for 5.2.0, on 2 cores, bookworm, 2026-12-02 (C++; 24 s wall, load 7)" }],
  "ruamel.yaml.clib": [{ versions: "", seconds: [13, 40], parallel: false, basis: "harness: 13.6 s for 0.2.12, on 2 cores, bookworm, 2026-12-02 (load 3; 16.7 CPU s and 36 s wall in a run at load 8)" }],
  // uwsgiconfig.py compiles with one job per detected CPU.
  uwsgi: [{ versions: "", seconds: [17, 60], parallel: true, basis: "harness: 42.8 CPU s for 2.0.21, on 2 cores, bookworm, 2026-12-02 (45.9 s wall at load 6; 164 s wall and 58.6 CPU s at load 12; two compile jobs, so ≈ 25 s idle on 2 cores, ≈ 17 s on 4)" }],
};

/** When the table has no figure: by the heaviest toolchain the build needs. */
const GENERIC: Readonly<Record<Toolchain | "none", CompileCost>> = {
  none: { versions: "", seconds: [2, 10], parallel: false, basis: "pure-Python sdist: building the wheel only (assumed)" },
  c: { versions: "", seconds: [10, 60], parallel: false, basis: "generic C extension: 10–60 s, the range of the small C packages measured (assumed)" },
  cxx: { versions: "", seconds: [30, 180], parallel: false, basis: "generic C++ extension: 30–180 s (assumed)" },
  rust: { versions: "", seconds: [60, 300], parallel: true, basis: "generic Rust extension: 1–5 min with cargo (assumed; rpds-py 27–42 s, pydantic-core 142–263 s)" },
  fortran: { versions: "", seconds: [120, 900], parallel: false, basis: "generic Fortran extension: 2–15 min (assumed)" },
};

interface IndexedCost {
  cost: CompileCost;
  range: SpecifierSet;
}

const INDEX = new Map<string, IndexedCost[]>(
  Object.entries(COSTS).map(([name, costs]) => [
    canonicalizeName(name),
    costs.map((cost) => {
      const parsed = parseSpecifierSet(cost.versions);
      if (!parsed.ok) throw new Error(`compile-cost table: ${name} "${cost.versions}": ${parsed.error}`);
      return { cost, range: parsed.value };
    }),
  ]),
);

export const COMPILE_COST_TABLE = COSTS;

/** The cost of compiling one release: the table's figure, else a generic one for its toolchains ("measured" tells which). */
export function compileCost(name: string, version: string | null, toolchains: readonly Toolchain[]): CompileCost & { measured: boolean } {
  const rows = INDEX.get(canonicalizeName(name));
  if (rows) {
    const row = version === null ? rows.at(-1) : rows.find((r) => specifierSetContains(r.range, releaseOnly(version)));
    if (row) return { ...row.cost, measured: true };
  }
  const heaviest = (["fortran", "rust", "cxx", "c"] as const).find((t) => toolchains.includes(t)) ?? "none";
  return { ...GENERIC[heaviest], measured: false };
}

function releaseOnly(version: string): string {
  const match = /^\s*(?:\d+!)?\d+(?:\.\d+)*/.exec(version);
  return match ? match[0].trim() : version;
}
