/**
 * Build time: each step a Dockerfile build takes, as a low–high range of wall seconds.
 */
import { compileCost } from "./compile-costs";
import { EMULATION, INSTALL, MB, OS_INSTALL, PULL, SERIAL_SHARE, SOURCES, TOOLCHAIN_BYTES, type EstimateParameters, type Range } from "./parameters";
import type { EstimateInput, TimePart } from "./types";

const REFERENCE_CORES = 4;

export function buildTimeParts(input: EstimateInput, params: EstimateParameters): { parts: TimePart[]; notes: string[] } {
  const parts: TimePart[] = [];
  const notes: string[] = [];
  const warm = params.cache === "warm";
  const other: Range = params.emulated ? EMULATION.other : [1, 1];
  const scaled = (range: Range, factor: Range = other): Range => [range[0] * factor[0], range[1] * factor[1]];

  if (!warm) {
    for (const image of pulledImages(input)) parts.push(pull(image.reference, image.compressedBytes, image.uncompressedBytes, params, notes));
    const buildManager = input.builder?.packageManager ?? input.image.packageManager;
    if (input.os.build.length > 0 && buildManager !== "none") {
      parts.push(osInstall("OS build dependencies", buildManager, buildInstallBytes(input), input.os.build.length, params, scaled));
    }
    if (input.os.runtime.length > 0 && input.image.packageManager !== "none") {
      parts.push(osInstall("OS runtime libraries (final stage)", input.image.packageManager, runtimeBytes(input), input.os.runtime.length, params, scaled));
    }
    const download = downloads(input, params);
    if (download) parts.push(download.part);
    if (download?.unknown) notes.push(`${download.unknown} download size(s) not given by the index: ${INSTALL.unknownDownloadBytes / MB} MB assumed for each.`);
  }

  parts.push(installs(input, scaled));
  const builds = input.compiles;
  if (builds.length > 0 && !warm) {
    const envSeconds: Range = [INSTALL.buildEnvironmentSeconds[0] * builds.length, INSTALL.buildEnvironmentSeconds[1] * builds.length];
    parts.push({ part: `build environments (${builds.length})`, category: "build-environments", lowSeconds: scaled(envSeconds)[0], highSeconds: scaled(envSeconds)[1], basis: SOURCES.buildEnvironment });
    for (const compile of builds) {
      const cost = compileCost(compile.name, compile.version, compile.toolchains);
      const wall = onCores(cost.seconds, cost.parallel, params.cores);
      const [low, high] = scaled(wall, params.emulated ? EMULATION.compile : [1, 1]);
      const label = `${compile.name}${compile.version ? ` ${compile.version}` : ""}`;
      parts.push({
        part: compile.buildRequirement ? `compile ${label} (build requirement)` : `compile ${label}`,
        category: "compiles",
        lowSeconds: low,
        highSeconds: high,
        basis: `${cost.measured ? "" : "no measurement: "}${cost.basis}${cost.parallel ? `; scaled to ${params.cores} cores` : "; does not use more cores"}${params.emulated ? "; ×6–10 under emulation" : ""}`,
      });
    }
  }
  if (warm && builds.length > 0) notes.push(`Warm cache: the ${builds.length} wheel(s) pip built before come from its cache mount; a changed pin that compiles is built once more (see the cold figure).`);
  if (params.emulated) notes.push(SOURCES.emulation);
  return { parts: parts.map(rounded), notes };
}

function pulledImages(input: EstimateInput) {
  return input.builder ? [input.builder, input.image] : [input.image];
}

function pull(reference: string, compressed: number | null, uncompressed: number | null, params: EstimateParameters, notes: string[]): TimePart {
  if (compressed === null && uncompressed === null) {
    notes.push(`${reference}: no image size in the data, so its pull time is not counted.`);
    return { part: `pull ${reference}`, category: "pull", lowSeconds: 0, highSeconds: 0, basis: "image size unknown: not counted" };
  }
  const compressedBytes = compressed ?? (uncompressed ?? 0) * PULL.compressedFromUncompressed;
  const unpacked = uncompressed ?? compressedBytes / PULL.compressedFromUncompressed;
  const transfer = compressedBytes / MB / params.networkMBps;
  return {
    part: `pull ${reference}`,
    category: "pull",
    lowSeconds: transfer + unpacked / MB / PULL.extractMBps[1],
    highSeconds: transfer + unpacked / MB / PULL.extractMBps[0],
    basis: `${(compressedBytes / MB).toFixed(0)} MB compressed${compressed === null ? " (estimated from the uncompressed size)" : ""} at ${params.networkMBps} MB/s. ${SOURCES.pull}`,
  };
}

/** Installed bytes of the builder's OS packages: toolchains by their measured size, the rest per package. */
export function osBytes(input: EstimateInput, which: "build"): number {
  const manager = input.builder?.packageManager ?? input.image.packageManager;
  if (manager === "none") return 0;
  const sizes = TOOLCHAIN_BYTES[manager];
  const needed = new Set(input.compiles.flatMap((c) => c.toolchains));
  const compilerPresent = input.image.hasCompiler && !input.builder;
  let bytes = 0;
  for (const toolchain of needed) {
    if (compilerPresent && (toolchain === "c" || toolchain === "cxx")) continue;
    bytes += sizes[toolchain];
  }
  const libraries = input.os[which].filter((name) => !COMPILER_PACKAGES.has(name)).length;
  return bytes + libraries * OS_INSTALL.libraryDevBytes;
}

/** What the builder installs, for its time: as osBytes, with the distro Python at its installed size when known. */
function buildInstallBytes(input: EstimateInput): number {
  const { bytes, counted } = distroPython(input);
  if (counted.size === 0) return osBytes(input, "build");
  return osBytes({ ...input, os: { ...input.os, build: input.os.build.filter((name) => !counted.has(name)) } }, "build") + bytes;
}

/** What the final stage installs: the distro Python by its installed size when known, other libraries at the assumed size each. */
function runtimeBytes(input: EstimateInput): number {
  const { bytes, counted } = distroPython(input);
  return bytes + input.os.runtime.filter((name) => !counted.has(name)).length * OS_INSTALL.runtimeLibraryBytes;
}

/** The distro Python's packages and installed size, when the catalog knows it (else they count as libraries). */
function distroPython(input: EstimateInput): { bytes: number; counted: ReadonlySet<string> } {
  const distro = input.distroPython;
  if (!distro || distro.bytes === null) return { bytes: 0, counted: new Set() };
  return { bytes: distro.bytes, counted: new Set(distro.packages) };
}

// Packages counted inside the toolchain figures.
const COMPILER_PACKAGES = new Set(["gcc", "g++", "libc6-dev", "musl-dev", "build-base", "gfortran", "gcc-c++", "gcc-gfortran", "rustc-web", "cargo-web", "rustc", "cargo", "rust", "make", "pkgconf", "pkgconf-pkg-config"]);

function osInstall(part: string, manager: "apt" | "apk" | "dnf", bytes: number, count: number, params: EstimateParameters, scaled: (r: Range) => Range): TimePart {
  const index = OS_INSTALL.index[manager];
  const download = (bytes * OS_INSTALL.downloadShare) / MB / params.networkMBps;
  const unpack: Range = [bytes / MB / OS_INSTALL.unpackMBps[1], bytes / MB / OS_INSTALL.unpackMBps[0]];
  const [low, high] = scaled([index[0] + download + unpack[0], index[1] + download + unpack[1]]);
  return { category: "os-packages", part: `${part}: ${count} package(s), ≈ ${(bytes / MB).toFixed(0)} MB installed`, lowSeconds: low, highSeconds: high, basis: SOURCES.osInstall };
}

function downloads(input: EstimateInput, params: EstimateParameters): { part: TimePart; unknown: number } | null {
  const files = input.packages.filter((p) => p.kind !== null);
  if (files.length === 0) return null;
  const unknown = files.filter((p) => p.downloadBytes === null).length;
  const bytes = files.reduce((sum, p) => sum + (p.downloadBytes ?? INSTALL.unknownDownloadBytes), 0);
  const seconds = bytes / MB / params.networkMBps;
  return {
    part: { category: "downloads", part: `downloads: ${files.length} file(s), ${(bytes / MB).toFixed(1)} MB${unknown ? ` (${unknown} size(s) estimated)` : ""}`, lowSeconds: seconds, highSeconds: seconds * 1.5, basis: `File sizes from the index at ${params.networkMBps} MB/s (up to 1.5× for many small requests).` },
    unknown,
  };
}

function installs(input: EstimateInput, scaled: (r: Range) => Range): TimePart {
  let low = INSTALL.pipStartSeconds;
  let high = INSTALL.pipStartSeconds;
  for (const p of input.packages) {
    if (p.kind === null) continue;
    const bytes = (p.kind === "sdist" ? p.builtSizeHint ?? (p.downloadBytes ?? INSTALL.unknownDownloadBytes) * 2 : p.downloadBytes ?? INSTALL.unknownDownloadBytes) / MB;
    const perMB = p.compiled ? INSTALL.compiledSecondsPerMB : INSTALL.pureSecondsPerMB;
    low += INSTALL.perPackageSeconds[0] + bytes * perMB[0];
    high += INSTALL.perPackageSeconds[1] + bytes * perMB[1];
  }
  const [l, h] = scaled([low, high]);
  return { category: "installs", part: `install ${input.packages.filter((p) => p.kind !== null).length} package(s)`, lowSeconds: l, highSeconds: h, basis: SOURCES.installs };
}

/** Wall time on `cores` from the 4-core figure: only the parallel share of a parallel build scales. */
export function onCores(seconds: Range, parallel: boolean, cores: number): Range {
  if (!parallel) return seconds;
  const factor = SERIAL_SHARE + (1 - SERIAL_SHARE) * (REFERENCE_CORES / cores);
  return [seconds[0] * factor, seconds[1] * factor];
}

function rounded(part: TimePart): TimePart {
  return { ...part, lowSeconds: Math.round(part.lowSeconds * 10) / 10, highSeconds: Math.round(part.highSeconds * 10) / 10 };
}
