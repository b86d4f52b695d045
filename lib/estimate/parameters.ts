/**
 * Every figure the estimates use, in one place, each with where it comes from. "calibration #N" is
 * row N of the published measurements gathered for Basewise (data/calibration/build-times.json,
 * package-sizes.json); the calibration test runs the model over those rows.
 */
import type { EstimateOptions } from "@/lib/contract/request";

/**
 * What a person may change, its range and its defaults: the request contract's (lib/contract), under
 * the names the estimate model uses. Every edge validates them; withDefaults still clamps.
 */
export type { EstimateOptions };
export { DEFAULT_ESTIMATE as DEFAULT_PARAMETERS, ESTIMATE_LIMITS as PARAMETER_LIMITS } from "@/lib/contract/request-limits";

/**
 * The options as one image's estimate applies them: `emulated` follows from the build host and the
 * image's architecture (an arm64 image built on an amd64 runner runs under QEMU), never set apart.
 */
export type EstimateParameters = EstimateOptions & { emulated: boolean };

/** A low–high pair: the model never gives one number for a time. */
export type Range = readonly [low: number, high: number];

export const MB = 1_000_000;

export const SOURCES = {
  pull:
    "Pull = compressed size ÷ network speed, plus unpacking the uncompressed layers at 100–300 MB/s (overlayfs on SSD; Docker unpacks layers serially).",
  osInstall:
    "apt: `apt-get update` 5–15 s, then downloads (≈ ⅓ of the installed size: 88.4 MB of archives for 319 MB installed, calibration package-sizes #56) and unpacking at 30–80 MB/s; `apt-get install gcc` measured 29 s (calibration #65). apk: index 1–4 s; dnf: metadata 10–30 s.",
  installs:
    "pip install of a wheel (2 vCPU, pip 23.2, bytecode compiled, calibration #89–#96): compiled wheels 0.15–0.3 s/MB (numpy 16.9 MB in 3.8 s, scipy 35.3 MB in 6.3 s), pure-Python wheels 0.5–1.6 s/MB (sympy 6.2 MB in 7.6 s, networkx 2 MB in 3.3 s); plus 0.1–0.3 s per package and pip's 0.36 s start-up (calibration #109).",
  buildEnvironment:
    "Each sdist build first installs its build requirements into a fresh isolated environment (pip's build isolation): 2–8 s per build from wheels.",
  compile:
    "Compile wall time per package on a 4-core x86_64 (GitHub runner) from the compile-cost table; builds driven by ninja/cargo/make -j scale with cores (25 % of the work stays serial), setuptools builds compile one file at a time and do not.",
  emulation:
    "Emulation (a target of another architecture than the build host's: QEMU on CI runners and in Docker Desktop; on an Apple-silicon Mac Docker Desktop can use Rosetta instead, which is faster, but no measurement of it is used here) multiplies compile time by 6–10 (PyTables 10.6× native, calibration #60/#61; 'roughly 8-10x slower'; suitesparse 5×, #63) and pip/apt work by 3–6 (mostly-wheel image 5.75×, #84; pip 15 s vs 4 s, #108).",
  warm:
    "Warm: the base image and the OS-package layer come from the build cache (requirements.txt is copied after them); pip's BuildKit cache mount holds the downloads and the wheels pip built earlier, so unchanged sdists are not compiled again; installing the wheels remains.",
  installedSize:
    "Installed size = wheel size × unpack ratio, with pip's bytecode (.pyc) included: compiled wheels median 3.6 (2.65–4.5, calibration sizes #24–#31), pure-Python wheels median 7.0 (1.4–12.2, #32–#38).",
  builtSize:
    "A package compiled here installs about what the same release's wheel for another platform installs (its size × the compiled-wheel ratio); without such a wheel, 2× the sdist (assumed).",
  toolchainSize:
    "Compilers and -dev packages left in a single-stage image: Debian C toolchain ≈ 200 MB installed (cffi's build closure on python:slim: 44 packages, 195 MiB), Rust via rustc-web/cargo-web ≈ 510 MB more (cryptography's closure 725 MiB); Alpine gcc 137 MB (3.21, calibration sizes #40), gfortran 50 MB (#43), rust 190 MB + cargo 27 MB (#47, #49); each -dev package 1–10 MB.",
  pipCache:
    "A single-stage `pip install` without --no-cache-dir keeps every download and every wheel it built in /root/.cache/pip.",
  runtimeLibraries:
    "Runtime libraries: 2 MB each assumed, except OpenBLAS (43 MB, libopenblas64-0-pthread on bookworm, calibration sizes #51).",
} as const;

export const PULL = { extractMBps: [100, 300] as Range, compressedFromUncompressed: 1 / 2.7 };

export const OS_INSTALL = {
  index: { apt: [5, 15] as Range, apk: [1, 4] as Range, dnf: [10, 30] as Range },
  downloadShare: 1 / 3,
  unpackMBps: [30, 80] as Range,
  /** A -dev package and its library, installed, when nothing better is known. */
  libraryDevBytes: 6 * MB,
  runtimeLibraryBytes: 2 * MB,
  knownRuntimeBytes: { libopenblas0: 43 * MB, openblas: 43 * MB } as Readonly<Record<string, number>>,
};

/** Installed bytes of each toolchain, per package manager (what a single-stage image keeps). */
export const TOOLCHAIN_BYTES = {
  apt: { c: 200 * MB, cxx: 45 * MB, fortran: 40 * MB, rust: 510 * MB },
  apk: { c: 150 * MB, cxx: 40 * MB, fortran: 50 * MB, rust: 217 * MB },
  dnf: { c: 180 * MB, cxx: 45 * MB, fortran: 40 * MB, rust: 450 * MB },
} as const;

export const INSTALL = {
  pipStartSeconds: 0.36,
  perPackageSeconds: [0.1, 0.3] as Range,
  compiledSecondsPerMB: [0.15, 0.3] as Range,
  pureSecondsPerMB: [0.5, 1.6] as Range,
  buildEnvironmentSeconds: [2, 8] as Range,
  /** Assumed download when the index gives no size (labelled in the breakdown). */
  unknownDownloadBytes: 1 * MB,
};

export const UNPACK_RATIO = { compiled: 3.6, pure: 7.0 } as const;

export const EMULATION = { compile: [6, 10] as Range, other: [3, 6] as Range };

/** The share of a parallel build's work that stays serial (configure steps, linking, Python code). */
export const SERIAL_SHARE = 0.25;
