import { distroPythonImages } from "./distro-python-images";
import { EOL_REPORTS, EOL_UNCOMPRESSED_RATIO } from "./eol-reports";
import { ALIAS_TAGS } from "./floating-tags";
import { MEASURED, measured, type MeasuredImage } from "./measured-images";
import { ALPINE, DEBIAN, UBI9, UBUNTU, WOLFI, type DebianRelease, type OsRelease } from "./os-releases";
import {
  CURRENT_PATCH,
  CURRENT_PATCH_SOURCE,
  MAINTAINED,
  PUBLISHED,
  PUBLISHED_SOURCE,
  PYTHON_MINORS,
  type PythonMinor,
} from "./python-releases";
import { pickSuccessor, supportDates } from "./support";
import { lastListedVersion } from "./history";
import { LISTED, TAG_HISTORY_SOURCE } from "./tag-history";
import type { Arch, BaseImage, BaseImageDraft, BuilderImage, DistroPython, Variant } from "./types";

// Builds the catalog: every base image Basewise knows, each assembled from the OS release it sits on
// (libc), the CPython it carries and the measured image its sizes come from, with sources attached.

/** The newest report in the data (python:3-slim-trixie rebuilt 2026-09-19); floating tags are true as of it. */
export const CATALOG_AS_OF = "2026-09-19";

const PYTHON_IMAGES = "python-images.json";

function archsOf(platforms: readonly string[]): Arch[] {
  const archs: Arch[] = [];
  if (platforms.includes("linux/amd64")) archs.push("amd64");
  if (platforms.some((p) => p === "linux/arm64" || p.startsWith("linux/arm64/"))) archs.push("arm64");
  return archs;
}

function libcOf(os: OsRelease): BaseImage["libc"] {
  return { family: os.libc.family, version: os.libc.byArch.amd64, byArch: { ...os.libc.byArch } };
}

function osOf(os: OsRelease): BaseImage["os"] {
  return os.codename ? { id: os.id, version: os.version, codename: os.codename } : { id: os.id, version: os.version };
}

function sizesFrom(image: MeasuredImage, borrowedFor?: string): BaseImage["sizes"] {
  const compressedBytes = { ...image.compressedBytes };
  const uncompressedBytes = { ...image.uncompressedBytes };
  if (borrowedFor) {
    return {
      compressedBytes,
      uncompressedBytes,
      estimated: true,
      note: `not measured; the figures of ${image.tag}, which ${borrowedFor}${image.sizeNote ? ` (${image.sizeNote})` : ""}`,
    };
  }
  return image.sizeNote
    ? { compressedBytes, uncompressedBytes, estimated: image.estimated, note: image.sizeNote }
    : { compressedBytes, uncompressedBytes, estimated: image.estimated };
}

// ---- official python: images ---------------------------------------------------------------------

type OfficialFlavour = { kind: "slim" | "full"; codename: DebianRelease } | { kind: "alpine"; branch: string };

function officialTag(minor: PythonMinor, flavour: OfficialFlavour): string {
  if (flavour.kind === "alpine") return `python:${minor}-alpine${flavour.branch}`;
  return flavour.kind === "slim" ? `python:${minor}-slim-${flavour.codename}` : `python:${minor}-${flavour.codename}`;
}

// Sizes: a missing image borrows from the closest measured one. Slim images take their own minor's
// slim-bookworm report (the Python layer and preinstalled setuptools differ most between minors; the
// Debian base layers differ by under 3 MB compressed). Full and Alpine images have one report each.
function sizeTemplate(minor: PythonMinor, flavour: OfficialFlavour): { tag: string; why: string } {
  if (flavour.kind === "slim") return { tag: `python:${minor}-slim-bookworm`, why: "has the same CPython and preinstalled packages on another Debian" };
  if (flavour.kind === "full") return { tag: "python:3.14-bookworm", why: "is the one full image measured; the buildpack-deps layers dominate its size" };
  return { tag: "python:3.14-alpine3.24", why: "is the one Alpine python image measured" };
}

// Platform lists: reports of the same OS release (the arches a release is built for change rarely).
function platformTemplate(minor: PythonMinor, flavour: OfficialFlavour): string {
  if (flavour.kind === "alpine") return "python:3.14-alpine3.24";
  if (flavour.codename === "trixie") return "python:3.14-slim-trixie";
  if (flavour.codename === "bullseye") return "python:3.12-slim-bullseye";
  return flavour.kind === "slim" ? `python:${minor}-slim-bookworm` : "python:3.14-bookworm";
}

function isMaintained(minor: PythonMinor, flavour: OfficialFlavour): boolean {
  if (!MAINTAINED.minors.includes(minor)) return false;
  return flavour.kind === "alpine" ? MAINTAINED.alpine.includes(flavour.branch) : MAINTAINED.debian.includes(flavour.codename);
}

function officialPython(minor: PythonMinor, report: MeasuredImage | undefined, maintained: boolean): { python: BaseImage["python"]; source?: string; gap?: string } {
  if (report?.pythonVersion) {
    const python: BaseImage["python"] = { version: report.pythonVersion, implementation: "cp", patchKnown: true };
    if (report.pythonNote) python.note = report.pythonNote;
    return { python };
  }
  const current = CURRENT_PATCH[minor];
  if (maintained && current) {
    return {
      python: { version: current, implementation: "cp", patchKnown: true, note: "docker-library builds every variant of a minor from one versions.json entry" },
      source: CURRENT_PATCH_SOURCE,
    };
  }
  return {
    python: { version: minor, implementation: "cp", patchKnown: false },
    gap: `CPython patch: the tag is no longer rebuilt and the data has no report of its last build, so only ${minor} is known; python_full_version markers see ${minor} (= ${minor}.0)`,
  };
}

// 3.12 dropped setuptools and wheel from the image (python-images.json caveats).
function defaultPythonPackages(minor: PythonMinor): string[] {
  return PYTHON_MINORS.indexOf(minor) >= PYTHON_MINORS.indexOf("3.12") ? ["pip"] : ["pip", "setuptools", "wheel"];
}

// End-of-life images that the shared data does not cover (CPython 3.6/3.7, Debian stretch/buster, Alpine
// before 3.12): their CPython patch and platforms come from official-images' history (the tag's last
// listing), their sizes from a repo-info report where one was read, else they have none.
function isHistoric(minor: PythonMinor, flavour: OfficialFlavour): boolean {
  if (minor === "3.6" || minor === "3.7") return true;
  if (flavour.kind === "alpine") return Number(flavour.branch.split(".")[1]) < 12;
  return flavour.codename === "stretch" || flavour.codename === "buster";
}

function historicImage(minor: PythonMinor, flavour: OfficialFlavour, os: OsRelease): BaseImageDraft {
  const reference = officialTag(minor, flavour);
  const tag = reference.slice("python:".length);
  const last = lastListedVersion(tag);
  const listed = LISTED[tag];
  if (!last || !listed) throw new Error(`no official-images history for ${reference}`);
  const [firstListed, lastListed, platforms] = listed;
  const report = EOL_REPORTS.get(reference);
  const gaps: string[] = [];
  const notes = [
    `end of life: listed by docker-library from ${firstListed} to ${lastListed}; the tag still pulls its last build (CPython ${last.version})`,
    "no longer rebuilt by docker-library: the tag stays on its last build",
  ];
  const sources = [`${TAG_HISTORY_SOURCE}: python:${tag} (CPython ${last.version} from ${last.from}; platforms of its last listing)`, os.source];
  let sizes: BaseImage["sizes"];
  if (report) {
    const uncompressedBytes: Partial<Record<Arch, number>> = {};
    for (const [arch, bytes] of Object.entries(report.compressedBytes) as [Arch, number][]) uncompressedBytes[arch] = Math.round(bytes * EOL_UNCOMPRESSED_RATIO);
    sizes = {
      compressedBytes: { ...report.compressedBytes },
      uncompressedBytes,
      estimated: true,
      note: `repo-info report of the ${report.built} build (CPython ${report.pythonVersion}; the last build differs by a few MB at most); uncompressed estimated as compressed × ${EOL_UNCOMPRESSED_RATIO} (python-images.json's rule: the 3.12/3.14 slim-bookworm local/remote ratio)`,
    };
    sources.push(`sizes: ${report.source}`);
  } else {
    sizes = { compressedBytes: {}, uncompressedBytes: {}, estimated: false, note: "size unknown: no published size report of this tag was found" };
    gaps.push("sizes: no repo-info report or other published size of this end-of-life tag was found");
  }
  const hasCompiler = flavour.kind === "full";
  if (hasCompiler) notes.push("full image: gcc, g++, make and common -dev packages (libpq, libxml2, libffi, libssl, ...) are preinstalled");
  if (flavour.kind === "alpine") notes.push("musl libc: manylinux wheels never apply, only musllinux ones");
  if (minor === "3.6" || minor === "3.7") notes.push(`CPython ${minor} wheels carry the pymalloc ABI tag cp3${minor.split(".")[1]}m`);
  return {
    reference,
    aliases: [],
    python: { version: last.version, implementation: "cp", patchKnown: true, note: `the tag's last push (${lastListed})` },
    libc: libcOf(os),
    os: osOf(os),
    packageManager: os.packageManager,
    variant: flavour.kind,
    hasCompiler,
    hasPip: true,
    hasShell: true,
    pythonPackages: defaultPythonPackages(minor),
    builder: null,
    distroPython: null,
    carriedLibraries: null,
    archs: archsOf(platforms),
    platforms: [...platforms],
    sizes,
    lifecycle: "frozen",
    gaps,
    notes,
    sources,
  };
}

function officialImage(minor: PythonMinor, flavour: OfficialFlavour): BaseImageDraft {
  const reference = officialTag(minor, flavour);
  const report = MEASURED.get(reference);
  const maintained = isMaintained(minor, flavour);
  const os = flavour.kind === "alpine" ? ALPINE[flavour.branch] : DEBIAN[flavour.codename];
  if (!os) throw new Error(`no OS facts for ${reference}`);
  if (!report && isHistoric(minor, flavour)) return historicImage(minor, flavour, os);

  const sources: string[] = [];
  const gaps: string[] = [];
  const notes: string[] = [];
  if (report) sources.push(`${PYTHON_IMAGES} ${report.tag}: ${report.source}`);
  else sources.push(`${PUBLISHED_SOURCE}: ${minor}/${reference.slice(`python:${minor}-`.length)}`);

  const { python, source: pythonSource, gap } = officialPython(minor, report, maintained);
  if (pythonSource) sources.push(pythonSource);
  if (gap) gaps.push(gap);
  sources.push(os.source);

  let sizes: BaseImage["sizes"];
  if (report) {
    sizes = sizesFrom(report);
  } else {
    const template = sizeTemplate(minor, flavour);
    sizes = sizesFrom(measured(template.tag), template.why);
    sources.push(`${PYTHON_IMAGES} ${template.tag} (sizes)`);
  }
  const platforms = [...(report ?? measured(platformTemplate(minor, flavour))).platforms];
  if (!report) notes.push(`platform list borrowed from ${platformTemplate(minor, flavour)}`);

  const variant: Variant = flavour.kind;
  const hasCompiler = flavour.kind === "full";
  if (hasCompiler) notes.push("full image: gcc, g++, make and common -dev packages (libpq, libxml2, libffi, libssl, ...) are preinstalled");
  if (flavour.kind === "alpine") notes.push("musl libc: manylinux wheels never apply, only musllinux ones");
  if (!maintained) notes.push("no longer rebuilt by docker-library: the tag stays on its last build");

  const image: BaseImageDraft = {
    reference,
    aliases: [],
    python,
    libc: libcOf(os),
    os: osOf(os),
    packageManager: os.packageManager,
    variant,
    hasCompiler,
    hasPip: true,
    hasShell: true,
    pythonPackages: [...(report?.pythonPackages ?? defaultPythonPackages(minor))],
    builder: null,
    distroPython: null,
    carriedLibraries: null,
    archs: archsOf(platforms),
    platforms,
    sizes,
    lifecycle: maintained ? "current" : "frozen",
    gaps,
    notes,
    sources,
  };
  if (report?.built) image.builtOn = report.built;
  return image;
}

function officialImages(): BaseImageDraft[] {
  const images: BaseImageDraft[] = [];
  for (const minor of [...PYTHON_MINORS].reverse()) {
    const published = PUBLISHED[minor];
    for (const codename of [...published.debian].reverse()) {
      images.push(officialImage(minor, { kind: "slim", codename }), officialImage(minor, { kind: "full", codename }));
    }
    for (const branch of [...published.alpine].reverse()) images.push(officialImage(minor, { kind: "alpine", branch }));
  }
  return images;
}

// ---- images whose Python is the OS's own ---------------------------------------------------------

function reportedImage(report: MeasuredImage): Pick<BaseImage, "platforms" | "archs" | "sizes" | "builtOn"> {
  const platforms = [...report.platforms];
  const picked: Pick<BaseImage, "platforms" | "archs" | "sizes" | "builtOn"> = { platforms, archs: archsOf(platforms), sizes: sizesFrom(report) };
  if (report.built) picked.builtOn = report.built;
  return picked;
}

// gcr.io/distroless/python3 is Debian's python3 package and its dependencies (the package list in
// GoogleContainerTools/distroless python3/config.bzl): debian:N-slim with Debian's python3 has the same
// interpreter at the same path (/usr/bin/python3), so pip runs there.
function debianBuilder(tag: string, os: OsRelease, pythonVersion: string): BuilderImage {
  const reference = `debian:${os.version.split(".")[0]}-slim`;
  return {
    reference,
    packageManager: "apt",
    os: os.codename ? { id: "debian", codename: os.codename } : { id: "debian" },
    python: { always: ["python3", "python3-venv"], forCompiles: ["python3-dev"] },
    // Filled in from the catalog's debian:<codename>-slim entry (withBuilderSizes), which holds the sizes.
    sizes: { uncompressedBytes: null, compressedBytes: null },
    why: `${tag} has no shell or pip; ${reference} with Debian's python3 is the same Python ${pythonVersion} at the same path (/usr/bin/python3), so the virtualenv built there runs unchanged.`,
    source: `${PYTHON_IMAGES} ${tag}: entrypoint /usr/bin/python, Debian's python3 (distroless python3/config.bzl package list)`,
  };
}

// Libraries distroless/python3 carries because Debian's python3 depends on them (its config.bzl
// package list), spelled as each release names them (trixie's t64 rename, native-builds/debian-releases.ts).
const DISTROLESS_LIBRARIES: Readonly<Record<string, readonly string[]>> = {
  bookworm: ["libssl3", "libffi8", "zlib1g", "libstdc++6"],
  trixie: ["libssl3t64", "libffi8", "zlib1g", "libstdc++6"],
};

function distrolessImage(tag: string, os: OsRelease, lifecycle: BaseImage["lifecycle"], extraNotes: string[]): BaseImageDraft {
  const report = measured(tag);
  if (!report.pythonVersion) throw new Error(`no python version for ${tag}`);
  const python: BaseImage["python"] = { version: report.pythonVersion, implementation: "cp", patchKnown: true };
  if (report.pythonNote) python.note = report.pythonNote;
  const carried = os.codename ? DISTROLESS_LIBRARIES[os.codename] : undefined;
  if (!carried) throw new Error(`no distroless library list for ${tag}`);
  return {
    reference: tag,
    aliases: [],
    python,
    libc: libcOf(os),
    os: osOf(os),
    packageManager: "none",
    variant: "distroless",
    hasCompiler: false,
    hasPip: false,
    hasShell: false,
    pythonPackages: [],
    builder: debianBuilder(tag, os, report.pythonVersion),
    distroPython: null,
    carriedLibraries: { names: [...carried], source: `${PYTHON_IMAGES} ${tag}: ${report.source} (Debian's python3 and its dependencies)` },
    ...reportedImage(report),
    lifecycle,
    gaps: [],
    notes: [
      "no shell, no pip, no package manager: install into a venv in a builder stage (python:3.X-slim on the same Debian) and copy it in",
      "the interpreter is /usr/bin/python (Debian's), not /usr/local/bin/python as in python: images",
      ...extraNotes,
    ],
    sources: [`${PYTHON_IMAGES} ${tag}: ${report.source}`, os.source],
  };
}

// Ubuntu's images carry no Python: python3 comes from apt, its venv module is a separate package
// (python3-venv), and compiling against it needs its headers (python3-dev).
function ubuntuPython(tag: string, pythonMinor: string): DistroPython {
  return {
    packages: [{ name: "python3", why: "the image: ubuntu ships no Python" }, { name: "python3-venv", why: "python3 -m venv" }],
    forCompiles: [{ name: "python3-dev", why: "compiling against the distro Python's headers" }],
    source: `${PYTHON_IMAGES} ${tag}: system_python ${pythonMinor}, not installed in the image`,
  };
}

function ubuntuImage(version: "22.04" | "24.04", pythonMinor: string, extraNotes: string[]): BaseImageDraft {
  const tag = `ubuntu:${version}`;
  const report = measured(tag);
  const os = UBUNTU[version];
  return {
    reference: tag,
    aliases: [],
    python: { version: pythonMinor, implementation: "cp", patchKnown: false },
    libc: libcOf(os),
    os: osOf(os),
    packageManager: "apt",
    variant: "distro",
    hasCompiler: false,
    hasPip: false,
    hasShell: true,
    pythonPackages: [],
    builder: null,
    distroPython: ubuntuPython(tag, pythonMinor),
    carriedLibraries: null,
    ...reportedImage(report),
    lifecycle: "current",
    gaps: [`CPython patch: the data says Ubuntu ${version}'s python3 is ${pythonMinor} but not which patch`],
    notes: [
      `python3 (${pythonMinor}) is not in the image: apt-get install python3 python3-pip python3-venv first`,
      ...extraNotes,
    ],
    sources: [`${PYTHON_IMAGES} ${tag}: ${report.source} (system_python ${pythonMinor})`, os.source],
  };
}

// Nothing about the ubi9/python-3XX images themselves is in the data: only UBI 9's glibc. The rest is
// marked as a gap with the assumption made, rather than guessed silently.
function ubiImage(minor: "3.11" | "3.12"): BaseImageDraft {
  const name = `python-${minor.replace(".", "")}`;
  return {
    reference: `registry.access.redhat.com/ubi9/${name}`,
    aliases: [],
    python: { version: minor, implementation: "cp", patchKnown: false },
    libc: libcOf(UBI9),
    os: osOf(UBI9),
    packageManager: "dnf",
    variant: "distro",
    hasCompiler: false,
    hasPip: true,
    hasShell: true,
    pythonPackages: ["pip"],
    builder: null,
    distroPython: null,
    carriedLibraries: null,
    archs: ["amd64", "arm64"],
    platforms: ["linux/amd64", "linux/arm64"],
    sizes: { compressedBytes: {}, uncompressedBytes: {}, estimated: false, note: "no size in the data" },
    lifecycle: "current",
    gaps: [
      `CPython patch: only the minor (${minor}, from the image name) is known`,
      "sizes: not in the data",
      "platforms: the ubi9/python image's manifest is not in the data; amd64 and arm64 are the arches the PEP 600 survey ran UBI 9 on",
      "compiler: the data does not list the image's packages; treated as absent so a Dockerfile installs gcc explicitly",
      "pip: assumed present (the image is Red Hat's Python builder image); package list not in the data",
    ],
    notes: ["runs as uid 1001: switch to USER 0 for dnf install, back to 1001 after"],
    sources: [UBI9.source, "python minor: the image name"],
  };
}

const CHAINGUARD_DEV = "cgr.dev/chainguard/python:latest-dev";

// Chainguard's -dev variant is built from the same locked config with a shell, apk and pip added, so
// its python-3.14 is the one the runtime image has.
function chainguardBuilder(tag: string): BuilderImage {
  const dev = measured(CHAINGUARD_DEV);
  return {
    reference: CHAINGUARD_DEV,
    packageManager: "apk",
    os: { id: "wolfi" },
    python: { always: [], forCompiles: [] },
    sizes: { uncompressedBytes: dev.uncompressedBytes.amd64 ?? null, compressedBytes: dev.compressedBytes.amd64 ?? null },
    why: `${tag} has no shell or pip; ${CHAINGUARD_DEV} has the same Python with both.`,
    source: `${PYTHON_IMAGES} ${CHAINGUARD_DEV}: ${dev.source}`,
  };
}

function chainguardImage(tag: string, dev: boolean): BaseImageDraft {
  const report = measured(tag);
  if (!report.pythonVersion) throw new Error(`no python version for ${tag}`);
  return {
    reference: tag,
    aliases: [],
    python: { version: report.pythonVersion, implementation: "cp", patchKnown: true },
    libc: libcOf(WOLFI),
    os: osOf(WOLFI),
    packageManager: dev ? "apk" : "none",
    variant: dev ? "full" : "distroless",
    hasCompiler: dev,
    hasPip: dev,
    hasShell: dev,
    pythonPackages: [...(report.pythonPackages ?? [])],
    builder: dev ? null : chainguardBuilder(tag),
    distroPython: null,
    // The runtime image's OpenSSL (3.6.3 in the report) is Wolfi's libssl3. Its libcrypto3, zlib and
    // libffi are in the image too, but Basewise has counted only libssl3 as present so far.
    carriedLibraries: dev ? null : { names: ["libssl3"], source: `${PYTHON_IMAGES} ${tag}: openssl 3.6.3 (${report.source})` },
    ...reportedImage(report),
    lifecycle: "current",
    gaps: [],
    notes: dev
      ? ["includes build-base, gcc, glibc-dev, linux-headers, python-3.14-dev and apk"]
      : ["no shell, no pip: build in :latest-dev and copy the venv in", "runs as nonroot (uid 65532)"],
    sources: [`${PYTHON_IMAGES} ${tag}: ${report.source}`, WOLFI.source],
  };
}

function otherImages(): BaseImageDraft[] {
  return [
    distrolessImage("gcr.io/distroless/python3-debian13", DEBIAN.trixie, "current", []),
    distrolessImage("gcr.io/distroless/python3-debian12", DEBIAN.bookworm, "frozen", [
      "removed from GoogleContainerTools/distroless on 2026-05-11 (commit 22b97d10): existing tags are no longer updated",
    ]),
    ubuntuImage("24.04", "3.12", ["Ubuntu marks its python3 EXTERNALLY-MANAGED (PEP 668): pip install into a venv"]),
    ubuntuImage("22.04", "3.10", []),
    ubiImage("3.12"),
    ubiImage("3.11"),
    chainguardImage("cgr.dev/chainguard/python:latest", false),
    chainguardImage(CHAINGUARD_DEV, true),
  ];
}

// ---- assembly ------------------------------------------------------------------------------------

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Adds each image's support facts; the successor is picked among the whole catalog as of its date. */
function withSupport(drafts: readonly BaseImageDraft[]): BaseImage[] {
  const dated = drafts.map((draft) => ({ ...draft, support: { ...supportDates(draft), successor: null as string | null } }));
  for (const image of dated) image.support.successor = pickSuccessor(image, dated, CATALOG_AS_OF);
  return dated;
}

/**
 * A builder that is itself a catalog image (distroless builds in debian:N-slim, which the catalog has
 * with its distro Python) takes that image's amd64 sizes, so pulling it is counted.
 */
function withBuilderSizes(drafts: readonly BaseImageDraft[]): BaseImageDraft[] {
  const byReference = new Map(drafts.map((draft) => [draft.reference, draft]));
  return drafts.map((draft) => {
    const { builder } = draft;
    if (!builder || builder.sizes.uncompressedBytes !== null || builder.os.id !== "debian" || !builder.os.codename) return draft;
    const image = byReference.get(`debian:${builder.os.codename}-slim`);
    const uncompressed = image?.sizes.uncompressedBytes.amd64;
    if (!image || uncompressed === undefined) return draft;
    const sizes = { uncompressedBytes: uncompressed, compressedBytes: image.sizes.compressedBytes.amd64 ?? null };
    return { ...draft, builder: { ...builder, sizes, source: `${builder.source}; sizes: the catalog's ${image.reference}` } };
  });
}

function buildCatalog(): readonly BaseImage[] {
  const drafts: BaseImageDraft[] = [...officialImages(), ...otherImages(), ...distroPythonImages()];
  const images = withSupport(withBuilderSizes(drafts));
  const byReference = new Map(images.map((image) => [image.reference, image]));
  for (const alias of ALIAS_TAGS) {
    const image = byReference.get(alias.canonical);
    if (!image) throw new Error(`alias ${alias.alias} points at ${alias.canonical}, which is not in the catalog`);
    image.aliases.push(alias.alias);
  }
  return deepFreeze(images);
}

export const CATALOG: readonly BaseImage[] = buildCatalog();

/** Every base image in the catalog, newest CPython first. The objects are frozen: copy before changing. */
export function listBaseImages(): BaseImage[] {
  return [...CATALOG];
}
