import type { Arch, LibcFamily, OsId, PackageManager } from "./types";

// The OS releases the catalog's images sit on, with the C library each ships: the one number that
// decides which manylinux_2_N / musllinux_1_N wheels pip accepts inside the image.

export interface OsRelease {
  id: OsId;
  version: string;
  codename?: string;
  packageManager: PackageManager;
  libc: { family: LibcFamily; byArch: Record<Arch, string> };
  /** Alpine: the point release whose report the musl version was read from (the branch keeps its musl). */
  pointRelease?: string;
  /** Key of this release in the PEP 600 compliance survey (distro-glibc.json), for glibc releases. */
  glibcSurveyKey?: string;
  source: string;
}

// glibc per arch: github.com/mayeut/pep600_compliance cache/<arch>/<distro>.json, field glibc_version
// (HEAD 2026-08-04), as collected in shared data pypi/distro-glibc.json; the same values appear in
// images/libc-compat.json and in the repo-info reports behind images/python-images.json.
const PEP600_SURVEY = "distro-glibc.json: mayeut/pep600_compliance glibc_version per arch (HEAD 2026-08-04)";

function glibc(version: string): OsRelease["libc"] {
  return { family: "glibc", byArch: { amd64: version, arm64: version } };
}

// Alpine builds one musl version per branch for every arch, so one reading covers both.
function musl(version: string): OsRelease["libc"] {
  return { family: "musl", byArch: { amd64: version, arm64: version } };
}

/** The Debian releases python: images are still built or recently were built on. */
export type DebianCodename = "bullseye" | "bookworm" | "trixie";
/** Every Debian release in the catalog, including end-of-life ones that old tags still sit on. */
export type DebianRelease = "stretch" | "buster" | DebianCodename;

export const DEBIAN: Record<DebianRelease, OsRelease> = {
  // End-of-life releases that old python: tags still sit on; same survey (debian-9, debian-10).
  stretch: { id: "debian", version: "9", codename: "stretch", packageManager: "apt", libc: glibc("2.24"), glibcSurveyKey: "debian-9", source: PEP600_SURVEY },
  buster: { id: "debian", version: "10", codename: "buster", packageManager: "apt", libc: glibc("2.28"), glibcSurveyKey: "debian-10", source: PEP600_SURVEY },
  bullseye: { id: "debian", version: "11", codename: "bullseye", packageManager: "apt", libc: glibc("2.31"), glibcSurveyKey: "debian-11", source: PEP600_SURVEY },
  bookworm: { id: "debian", version: "12", codename: "bookworm", packageManager: "apt", libc: glibc("2.36"), glibcSurveyKey: "debian-12", source: PEP600_SURVEY },
  trixie: { id: "debian", version: "13", codename: "trixie", packageManager: "apt", libc: glibc("2.41"), glibcSurveyKey: "debian-13", source: PEP600_SURVEY },
};

/** Oldest first. */
export const DEBIAN_CODENAMES: readonly DebianRelease[] = ["stretch", "buster", "bullseye", "bookworm", "trixie"];

// musl per Alpine branch: the `musl` package in docker-library/repo-info (or its maxmood96 fork)
// repos/alpine/local/<tag>.md, as collected in images/python-images.json and images/libc-compat.json.
// 3.12 is the last branch on musl 1.1 (musllinux_1_1 only); 3.13 onwards ship 1.2.
// 3.8–3.11 (end of life; python:3.6/3.7/3.8 were published on them) are not in the shared data: their
// musl is the branch's `musl` package as Alpine-based image reports and Alpine's mirror list it. Every
// 1.1.x accepts the same wheels (musllinux_1_1 and _1_0), so only "1.1" decides anything.
const ALPINE_MUSL: ReadonlyArray<[branch: string, musl: string, pointRelease: string, report: string]> = [
  ["3.8", "1.1.19", "3.8", "musl-1.1.19-r11 in a repo-info-format local report of an Alpine 3.8 image (eclipse-mosquitto:1.6.9: busybox 1.28.4, apk-tools 2.10.1)"],
  ["3.9", "1.1.20", "3.9", "musl-1.1.20-r4 at dl-cdn.alpinelinux.org/alpine/v3.9/main (a public Dockerfile downloading it)"],
  ["3.10", "1.1.22", "3.10", "musl-1.1.22-r3 in `apk info` listings of Alpine 3.10 images (busybox 1.30.1-r3, alpine-baselayout 3.1.2)"],
  ["3.11", "1.1.24", "3.11", "musl-1.1.24-r3 in a repo-info-format local report of an Alpine 3.11 image"],
  ["3.12", "1.1.24", "3.12.7", "maxmood96/repo-info alpine/local/3.12.7.md @cb4b4ff0"],
  ["3.13", "1.2.2", "3.13.5", "maxmood96/repo-info alpine/local/3.13.5.md @cb4b4ff0"],
  ["3.14", "1.2.2", "3.14.8", "repo-info alpine/local/3.14.8.md @72e4be79"],
  ["3.15", "1.2.2", "3.15.6", "repo-info alpine/local/3.15.md @72e4be79"],
  ["3.16", "1.2.3", "3.16.3", "repo-info alpine/local/3.16.md @72e4be79"],
  ["3.17", "1.2.3", "3.17.1", "repo-info alpine/local/3.17.1.md @72e4be79"],
  ["3.18", "1.2.4", "3.18.2", "maxmood96/repo-info alpine/local/3.18.2.md @d6df070d"],
  ["3.19", "1.2.4_git20230717", "3.19.6", "maxmood96/repo-info alpine/local/3.19.6.md @e9c4bdc4"],
  ["3.20", "1.2.5", "3.20.10", "maxmood96/repo-info alpine/local/3.20.10.md @cb5cd955"],
  ["3.21", "1.2.5", "3.21.8", "repo-info alpine/local/3.21.8.md @7859ce44"],
  ["3.22", "1.2.5", "3.22.6", "repo-info alpine/local/3.22.md @7859ce44"],
  ["3.23", "1.2.5", "3.23.6", "repo-info alpine/local/3.23.6.md @7859ce44"],
  ["3.24", "1.2.6", "3.24.2", "repo-info alpine/local/3.24.2.md @7859ce44"],
];

export const ALPINE: Readonly<Record<string, OsRelease>> = Object.fromEntries(
  ALPINE_MUSL.map(([branch, muslVersion, pointRelease, report]) => [
    branch,
    {
      id: "alpine",
      version: branch,
      packageManager: "apk",
      libc: musl(muslVersion),
      pointRelease,
      source: Number(branch.split(".")[1]) >= 12 ? `python-images.json alpine:${branch} (${report}); libc-compat.json` : `Alpine ${branch} musl: ${report}`,
    } satisfies OsRelease,
  ]),
);

export const ALPINE_BRANCHES: readonly string[] = ALPINE_MUSL.map(([branch]) => branch);

export const UBUNTU: Readonly<Record<"22.04" | "24.04", OsRelease>> = {
  "22.04": { id: "ubuntu", version: "22.04", codename: "jammy", packageManager: "apt", libc: glibc("2.35"), glibcSurveyKey: "ubuntu-22.04", source: PEP600_SURVEY },
  "24.04": { id: "ubuntu", version: "24.04", codename: "noble", packageManager: "apt", libc: glibc("2.39"), glibcSurveyKey: "ubuntu-24.04", source: PEP600_SURVEY },
};

export const UBI9: OsRelease = {
  id: "rhel",
  version: "9",
  packageManager: "dnf",
  libc: glibc("2.34"),
  glibcSurveyKey: "rhubi-9",
  source: `${PEP600_SURVEY} (rhubi-9); libc-compat.json rhel-ubi 9`,
};

// Wolfi is rolling; the survey has no entry, the reading is Chainguard's locked package list.
export const WOLFI: OsRelease = {
  id: "wolfi",
  version: "rolling",
  packageManager: "apk",
  libc: glibc("2.43"),
  source: "python-images.json cgr.dev/chainguard/python (chainguard-images/images images/python/locked_config.json @cd7edd23, 2026-08-22)",
};
