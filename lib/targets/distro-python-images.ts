import type { AliasTag } from "./floating-tags";
import { measured } from "./measured-images";
import { ALPINE, DEBIAN, type DebianCodename, type OsRelease } from "./os-releases";
import type { Arch, BaseImage, DistroPython } from "./types";

/** An entry before catalog.ts adds what depends on the whole catalog (its support facts, where it has them). */
type Draft = Omit<BaseImage, "support">;

// Plain OS images whose Python is the OS's own package: `alpine:3.Y` (apk add python3) and
// `debian:<codename>[-slim]` (apt-get install python3 python3-venv). Each fact carries its source; the
// size of what the Python install adds is part of the image's size, or said to be unknown.

// ---- Alpine ----------------------------------------------------------------------------------------

/**
 * The python3 package of each Alpine branch: the newest build on record at or before the catalog's
 * date (2026-09-19). A branch's python3 moves with CPython's patch releases, so a later build of the
 * same tag may carry a newer patch of the same minor.
 */
const ALPINE_PYTHON: ReadonlyArray<[branch: string, version: string, source: string]> = [
  ["3.12", "3.8.10", "pkgs.alpinelinux.org/package/v3.12/main/mips64/python3: 3.8.10-r0, built 2021-05-06"],
  ["3.13", "3.8.15", "pkgs.alpinelinux.org/package/v3.13/main/aarch64/python3: 3.8.15-r0, built 2022-11-10"],
  ["3.14", "3.9.17", "pkgs.alpinelinux.org/package/v3.14/main/s390x/python3: 3.9.17-r0, built 2023-06-09"],
  ["3.15", "3.9.18", "pkgs.alpinelinux.org/package/v3.15/main/armv7/python3: 3.9.18-r0, built 2023-08-26"],
  ["3.16", "3.10.14", "pkgs.alpinelinux.org/package/v3.16/main/aarch64/pythonispython3 (origin python3): 3.10.14-r1, built 2024-03-23"],
  ["3.17", "3.10.14", "gitlab.com/Orange-OpenSource/lfn/ci_cd/docker-ansible-core merge request 110: alpine_3_17/python3 3.10.14-r0 -> 3.10.14-r1 (Renovate, from Alpine's package index)"],
  ["3.18", "3.11.12", "pkgs.alpinelinux.org/package/v3.18/main/s390x/python3: 3.11.12-r1, built 2025-05-21"],
  ["3.19", "3.11.14", "pkgs.alpinelinux.org/package/v3.19/main/armhf/python3: 3.11.14-r0, built 2025-10-10"],
  ["3.20", "3.12.12", "pkgs.alpinelinux.org/package/v3.20/main/ppc64le/pyc (origin python3): 3.12.12-r0, built 2025-10-10"],
  ["3.21", "3.12.12", "pkgs.alpinelinux.org/package/v3.21/main/loongarch64/pyc (origin python3): 3.12.12-r0, built 2025-10-10"],
  ["3.22", "3.12.12", "pkgs.alpinelinux.org/package/v3.22/main/s390x/python3-dev (origin python3): 3.12.12-r0, built 2025-10-11"],
  ["3.23", "3.12.13", "pkgs.alpinelinux.org/package/v3.23/main/s390x/pyc (origin python3): 3.12.13-r0, built 2026-04-10 (3.12.15-r0 followed on 2026-10-01, after the catalog's date)"],
  ["3.24", "3.14.7", "pkgs.alpinelinux.org/package/v3.24/main/x86/python3-dev (origin python3): 3.14.7-r1, built 2026-08-15 (3.14.5-r0 on x86_64 2026-06-09; 3.14.8 from 2026-10-01)"],
];

// Alpine 3.19 ships /usr/lib/python3.11/EXTERNALLY-MANAGED (aports main/python3/externally-managed,
// "Please use a virtualenv instead: python3 -m venv"); pipelines that ran `pip install` against the
// system Python broke with that release (jairoandres.com, "Python dependencies break your system", Jan 2024).
const ALPINE_PEP668_FROM = 19;
const ALPINE_PEP668_SOURCE = "aports main/python3/externally-managed (installed from Alpine 3.19 on: jairoandres.com/python-dependencies-break-your-system-if-you-want, Dec 2023 release)";

// The python3 package bundles ensurepip, so `python3 -m venv` brings pip without py3-pip (the
// externally-managed message itself says to run it).
function alpinePython(branch: string, version: string, source: string): DistroPython {
  const minor = Number(branch.split(".")[1]);
  return {
    packages: [{ name: "python3", why: `the image: alpine ships no Python; apk's python3 is CPython ${version} with ensurepip, so python3 -m venv brings pip` }],
    forCompiles: [{ name: "python3-dev", why: "compiling against the distro Python's headers" }],
    source,
    installed: {
      bytes: null,
      basis: `not known: pkgs.alpinelinux.org gives each package's own installed size, not what apk add python3 pulls in on alpine:${branch} (libffi, sqlite-libs, readline, …), and Alpine's package index cannot be read here`,
    },
    externallyManaged: minor >= ALPINE_PEP668_FROM,
  };
}

// Uncompressed (amd64) sizes and, from 3.20 on, platform lists: python-images.json alpine:3.Y (repo-info
// alpine/local reports, as the OS table cites them); compressed only where the data has it (3.24's
// minirootfs layer).
const ALPINE_PLATFORMS_3_20 = ["linux/amd64", "linux/arm/v6", "linux/arm/v7", "linux/arm64/v8", "linux/386", "linux/ppc64le", "linux/riscv64", "linux/s390x"];
const ALPINE_PLATFORMS_3_17 = ["linux/amd64", "linux/arm/v6", "linux/arm/v7", "linux/arm64/v8", "linux/386", "linux/ppc64le", "linux/s390x"];
const ALPINE_PLATFORMS_SOURCE = "docker-library/official-images library/alpine @3f121777 (3.17.3: arm64v8, arm32v6, arm32v7, ppc64le, s390x, i386, amd64)";

interface OsImageReport {
  uncompressed: number;
  compressed?: Partial<Record<Arch, number>>;
  platforms?: readonly string[];
  built?: string;
  source: string;
}

// Which of these tags were still rebuilt on the catalog's date: the Alpine branches whose repo-info
// report is of the 2026-09-17 rebuild (3.21–3.24; 3.20's last build is 2026-04-16, after its end of
// support); Debian bookworm and trixie (repo-info debian/local has stable-20260918 and
// oldstable-20260918-slim reports, but no oldoldstable build after 2026-08-24: bullseye's LTS ended
// 2026-08-31). The others stay on their last build.
const ALPINE_REBUILT_ON = "2026-09-17";
const DEBIAN_REBUILT: ReadonlySet<string> = new Set(["bookworm", "trixie"]);

const ALPINE_REPORTS: Readonly<Record<string, OsImageReport>> = {
  "3.12": { uncompressed: 5_580_000, built: "2021-04-14", source: "maxmood96/repo-info alpine/local/3.12.7.md @cb4b4ff0" },
  "3.13": { uncompressed: 5_610_000, built: "2021-04-14", source: "maxmood96/repo-info alpine/local/3.13.5.md @cb4b4ff0" },
  "3.14": { uncompressed: 5_600_000, built: "2022-08-09", source: "repo-info alpine/local/3.14.8.md @72e4be79" },
  "3.15": { uncompressed: 5_580_000, built: "2022-08-09", source: "repo-info alpine/local/3.15.md @72e4be79" },
  "3.16": { uncompressed: 5_540_000, built: "2022-11-12", source: "repo-info alpine/local/3.16.md @72e4be79" },
  "3.17": { uncompressed: 7_040_000, built: "2023-01-09", source: "repo-info alpine/local/3.17.1.md @72e4be79" },
  "3.18": { uncompressed: 7_330_000, built: "2023-06-14", source: "maxmood96/repo-info alpine/local/3.18.2.md @d6df070d" },
  "3.19": { uncompressed: 7_400_000, built: "2025-01-08", source: "maxmood96/repo-info alpine/local/3.19.6.md @e9c4bdc4" },
  "3.20": { uncompressed: 7_810_000, platforms: ALPINE_PLATFORMS_3_20, built: "2026-04-16", source: "maxmood96/repo-info alpine/local/3.20.10.md @cb5cd955" },
  "3.21": { uncompressed: 7_800_000, platforms: ALPINE_PLATFORMS_3_20, built: "2026-09-17", source: "repo-info alpine/local/3.21.8.md @7859ce44" },
  "3.22": { uncompressed: 8_300_000, platforms: ALPINE_PLATFORMS_3_20, built: "2026-09-17", source: "repo-info alpine/local/3.22.md @7859ce44" },
  "3.23": { uncompressed: 8_420_000, platforms: ALPINE_PLATFORMS_3_20, built: "2026-09-17", source: "repo-info alpine/local/3.23.6.md @7859ce44" },
  "3.24": {
    uncompressed: 8_420_000,
    compressed: { amd64: 3_849_738 },
    platforms: ALPINE_PLATFORMS_3_20,
    built: "2026-09-17",
    source: "repo-info alpine/local/3.24.2.md @7859ce44 (compressed: the minirootfs layer of python:3-alpine3.24)",
  },
};

// ---- Debian ----------------------------------------------------------------------------------------

// CPython per Debian release: the python3.X package in the Debian archive (apt lists of bullseye,
// bookworm and trixie incl. -updates and -security, read 2026-12-02; packages.debian.org shows the same).
// Debian keeps the upstream version of a stable release fixed and backports fixes.
const DEBIAN_PYTHON: Readonly<Record<DebianCodename, { version: string; package: string; externallyManaged: boolean }>> = {
  bullseye: { version: "3.9.2", package: "python3.9 3.9.2-1+deb11u7", externallyManaged: false },
  bookworm: { version: "3.11.2", package: "python3.11 3.11.2-6+deb12u9", externallyManaged: true },
  trixie: { version: "3.13.5", package: "python3.13 3.13.5-2+deb13u5", externallyManaged: true },
};
const DEBIAN_ARCHIVE = "Debian archive Packages index (amd64, with -updates and -security), read 2026-12-02";
// Debian 12 release notes, "Python Interpreters marked externally-managed" (PEP 668): from bookworm on.
const DEBIAN_PEP668_SOURCE = "Debian 12 release notes (issues: Python interpreters marked externally-managed, PEP 668)";

/**
 * What `apt-get install --no-install-recommends python3 python3-venv` adds to debian:<codename>-slim:
 * apt-get -s against a dpkg status of the slim image's packages (Priority: required + apt [+ usr-is-merged]
 * and their dependencies — 88 packages for bookworm, the same 88 as shared data distro-packages.json's
 * "bookworm-slim (simulated)"), summing each new package's Installed-Size (KiB) from the Packages index.
 */
const DEBIAN_PYTHON_CLOSURE: Readonly<Record<DebianCodename, { kib: number; packages: number; largest: string }>> = {
  bullseye: { kib: 27_615, packages: 21, largest: "libpython3.9-stdlib 7899, python3.9-minimal 5451, libpython3.9-minimal 4976, python-pip-whl 2245 KiB" },
  bookworm: { kib: 39_513, packages: 30, largest: "libpython3.11-stdlib 8334, python3.11-minimal 6743, libssl3 6042, libpython3.11-minimal 5232 KiB" },
  trixie: { kib: 29_594, packages: 20, largest: "libpython3.13-stdlib 8898, python3.13-minimal 6768, libpython3.13-minimal 5452, openssl 2523 KiB" },
};

function debianPython(codename: DebianCodename, reference: string): DistroPython {
  const python = DEBIAN_PYTHON[codename];
  const closure = DEBIAN_PYTHON_CLOSURE[codename];
  const slim = reference.endsWith("-slim");
  return {
    packages: [
      { name: "python3", why: `the image: debian ships no Python; apt's python3 is CPython ${python.version}` },
      { name: "python3-venv", why: "python3 -m venv (with pip)" },
    ],
    forCompiles: [{ name: "python3-dev", why: "compiling against the distro Python's headers" }],
    source: `${DEBIAN_ARCHIVE}: ${python.package}`,
    installed: {
      bytes: closure.kib * 1024,
      basis:
        `apt-get install --no-install-recommends python3 python3-venv on debian:${codename}-slim adds ${closure.packages} packages, ${closure.kib} KiB by their Installed-Size (${closure.largest}; ${DEBIAN_ARCHIVE}); amd64's figure, used for arm64 too` +
        (slim ? "; the slim image's path excludes drop their docs and man pages, so on disk it is somewhat less" : ""),
    },
    externallyManaged: python.externallyManaged,
  };
}

// Uncompressed (amd64): the repo-info debian/local reports' Virtual Size; compressed: the first layer
// of the python image built on it (python-images.json), where the data has it.
const DEBIAN_REPORTS: Readonly<Record<string, OsImageReport>> = {
  "debian:bullseye-slim": {
    uncompressed: 80_680_000,
    compressed: { amd64: 31_428_330 },
    built: "2026-08-24",
    source: "docker-library/repo-info repos/debian/local/11-slim.md @029a6a73 (debian:bullseye-slim, ~80.68 Mb); compressed: python-images.json debian:bullseye-slim (layer 1 of python:3.12-slim-bullseye)",
  },
  "debian:bullseye": {
    uncompressed: 124_330_000,
    built: "2026-08-24",
    source: "docker-library/repo-info repos/debian/local/11.md @354b6f17 (debian:bullseye, ~124.33 Mb)",
  },
  "debian:bookworm-slim": {
    uncompressed: 74_830_000,
    compressed: { amd64: 28_232_590 },
    built: "2026-09-18",
    source: "python-images.json debian:bookworm-slim (docker-library/repo-info repos/debian/local/bookworm-slim.md @321a824e, ~74.83 Mb; compressed: layer 1 of python:3.14-slim-bookworm)",
  },
  "debian:bookworm": {
    uncompressed: 116_570_000,
    compressed: { amd64: 48_497_403 },
    built: "2026-09-18",
    source: "docker-library/repo-info repos/debian/local/12.md @321a824e (debian:bookworm, ~116.57 Mb); compressed: python-images.json debian:bookworm (layer 1 of python:3-bookworm)",
  },
  "debian:trixie-slim": {
    uncompressed: 78_640_000,
    compressed: { amd64: 29_780_765 },
    built: "2026-08-24",
    source: "docker-library/repo-info repos/debian/local/13-slim.md @029a6a73 (debian:trixie-slim, ~78.64 Mb); compressed: python-images.json debian:trixie-slim (layer 1 of python:3.14-slim-trixie)",
  },
  "debian:trixie": {
    uncompressed: 119_920_000,
    built: "2026-08-24",
    source: "docker-library/repo-info repos/debian/local/13.md @354b6f17 (debian:trixie, ~119.92 Mb)",
  },
};

// The Debian images' own manifests are not in the data: the platform list is that of the python image
// docker-library builds on the same Debian (every one of its platforms is one the Debian image has).
const DEBIAN_PLATFORM_TEMPLATE: Record<DebianCodename, string> = {
  bullseye: "python:3.12-slim-bullseye",
  bookworm: "python:3.14-bookworm",
  trixie: "python:3.14-slim-trixie",
};

// ---- assembly --------------------------------------------------------------------------------------

function archsOf(platforms: readonly string[]): Arch[] {
  const archs: Arch[] = [];
  if (platforms.includes("linux/amd64")) archs.push("amd64");
  if (platforms.some((p) => p === "linux/arm64" || p.startsWith("linux/arm64/"))) archs.push("arm64");
  return archs;
}

function osFacts(os: OsRelease): Pick<BaseImage, "libc" | "os" | "packageManager"> {
  return {
    libc: { family: os.libc.family, version: os.libc.byArch.amd64, byArch: { ...os.libc.byArch } },
    os: os.codename ? { id: os.id, version: os.version, codename: os.codename } : { id: os.id, version: os.version },
    packageManager: os.packageManager,
  };
}

function sizesOf(report: OsImageReport): BaseImage["sizes"] {
  return { compressedBytes: { ...(report.compressed ?? {}) }, uncompressedBytes: { amd64: report.uncompressed }, estimated: false };
}

const PEP668_NOTE = "the OS marks its Python EXTERNALLY-MANAGED (PEP 668): pip installs into a virtualenv";

function distroImage(
  reference: string,
  os: OsRelease,
  version: string,
  distroPython: DistroPython,
  report: OsImageReport,
  platforms: { list: readonly string[]; note?: string },
  sources: string[],
  rebuilt: boolean,
): Draft {
  const image: Draft = {
    reference,
    aliases: [],
    python: { version, implementation: "cp", patchKnown: true, note: "the OS's python3 package, installed by the Dockerfile" },
    ...osFacts(os),
    variant: "distro",
    hasCompiler: false,
    hasPip: false,
    hasShell: true,
    pythonPackages: [],
    builder: null,
    distroPython,
    carriedLibraries: null,
    archs: archsOf(platforms.list),
    platforms: [...platforms.list],
    sizes: sizesOf(report),
    lifecycle: rebuilt ? "current" : "frozen",
    gaps: distroPython.installed?.bytes === null ? [`size after installing python3: ${distroPython.installed.basis}`] : [],
    notes: [
      `python3 (${version}) is not in the image: the Dockerfile installs it with ${os.packageManager === "apk" ? "apk" : "apt-get"} first`,
      ...(distroPython.externallyManaged ? [PEP668_NOTE] : []),
      ...(platforms.note ? [platforms.note] : []),
      ...(rebuilt ? [] : [`no longer rebuilt: the tag stays on its last build${report.built ? ` (${report.built})` : ""}`]),
    ],
    sources: [...sources, `size: ${report.source}`, os.source],
  };
  if (report.built) image.builtOn = report.built;
  return image;
}

function alpineImages(): Draft[] {
  return ALPINE_PYTHON.map(([branch, version, source]) => {
    const os = ALPINE[branch];
    const report = ALPINE_REPORTS[branch];
    if (!os || !report) throw new Error(`no OS facts or size report for alpine:${branch}`);
    const python = alpinePython(branch, version, source);
    const platforms = report.platforms
      ? { list: report.platforms }
      : { list: ALPINE_PLATFORMS_3_17, note: `platform list: ${ALPINE_PLATFORMS_SOURCE}; the data has no manifest for alpine:${branch}` };
    const sources = [`python3 ${version}: ${source}`];
    if (python.externallyManaged) sources.push(`PEP 668: ${ALPINE_PEP668_SOURCE}`);
    if (!report.platforms) sources.push(ALPINE_PLATFORMS_SOURCE);
    return distroImage(`alpine:${branch}`, os, version, python, report, platforms, sources, report.built === ALPINE_REBUILT_ON);
  }).reverse();
}

function debianImages(): Draft[] {
  const images: Draft[] = [];
  for (const codename of ["trixie", "bookworm", "bullseye"] as const) {
    const os = DEBIAN[codename];
    const python = DEBIAN_PYTHON[codename];
    for (const reference of [`debian:${codename}-slim`, `debian:${codename}`]) {
      const report = DEBIAN_REPORTS[reference];
      if (!report) throw new Error(`no size report for ${reference}`);
      const template = DEBIAN_PLATFORM_TEMPLATE[codename];
      const sources = [`python3 ${python.version}: ${DEBIAN_ARCHIVE}: ${python.package}`];
      if (python.externallyManaged) sources.push(`PEP 668: ${DEBIAN_PEP668_SOURCE}`);
      const platforms = { list: measured(template).platforms, note: `platform list borrowed from ${template}` };
      images.push(distroImage(reference, os, python.version, debianPython(codename, reference), report, platforms, sources, DEBIAN_REBUILT.has(codename)));
    }
  }
  return images;
}

/** alpine:3.12–3.24 and debian:{bullseye,bookworm,trixie}[-slim], each with the OS's own python3. */
export function distroPythonImages(): Draft[] {
  return [...debianImages(), ...alpineImages()];
}

/** The catalog references this file adds (for tests that check other images against the shared data). */
export const DISTRO_PYTHON_REFERENCES: ReadonlySet<string> = new Set([
  ...(["trixie", "bookworm", "bullseye"] as const).flatMap((c) => [`debian:${c}-slim`, `debian:${c}`]),
  ...ALPINE_PYTHON.map(([branch]) => `alpine:${branch}`),
]);

// ---- aliases ---------------------------------------------------------------------------------------

const NEWEST_ALPINE = ALPINE_PYTHON[ALPINE_PYTHON.length - 1]?.[0] ?? "3.24";
const DEBIAN_NUMBER: Record<DebianCodename, string> = { bullseye: "11", bookworm: "12", trixie: "13" };
// Debian's suites as of the catalog's date: trixie stable since 2025-08-09, bookworm oldstable,
// bullseye oldoldstable (repo-info debian/local still lists oldoldstable-20260824).
const DEBIAN_SUITE: Record<DebianCodename, string> = { trixie: "stable", bookworm: "oldstable", bullseye: "oldoldstable" };

/** debian:12 / debian:12-slim name the codename's image; latest, stable and friends float. */
export function distroPythonAliases(): AliasTag[] {
  const aliases: AliasTag[] = [
    { alias: "alpine:latest", canonical: `alpine:${NEWEST_ALPINE}`, kind: "floating", why: `${NEWEST_ALPINE} is the newest Alpine release` },
    { alias: "alpine:3", canonical: `alpine:${NEWEST_ALPINE}`, kind: "floating", why: `${NEWEST_ALPINE} is the newest Alpine 3.x release` },
    { alias: "debian:latest", canonical: "debian:trixie", kind: "floating", why: "trixie (13) is Debian stable" },
  ];
  for (const codename of ["trixie", "bookworm", "bullseye"] as const) {
    const number = DEBIAN_NUMBER[codename];
    const suite = DEBIAN_SUITE[codename];
    aliases.push(
      { alias: `debian:${number}`, canonical: `debian:${codename}`, kind: "synonym", why: `Debian ${number} is ${codename}` },
      { alias: `debian:${number}-slim`, canonical: `debian:${codename}-slim`, kind: "synonym", why: `Debian ${number} is ${codename}` },
      { alias: `debian:${suite}`, canonical: `debian:${codename}`, kind: "floating", why: `${codename} is Debian ${suite}` },
      { alias: `debian:${suite}-slim`, canonical: `debian:${codename}-slim`, kind: "floating", why: `${codename} is Debian ${suite}` },
    );
  }
  return aliases;
}
