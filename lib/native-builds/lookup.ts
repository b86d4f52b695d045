/**
 * nativeBuildFor: what compiling one release of one project needs — the table's row for that
 * release, or a generic, clearly labelled "C toolchain assumed" answer when the table does not know
 * the project. osPackagesFor then picks one distro family's package names from an answer.
 */
import { rangeFor, releaseOf } from "@/lib/versioned-table";
import { debianRuntimeName } from "./debian-releases";
import { compiled } from "./table/compose";
import { findNativePackage } from "./table";
import type { AnswerOsPackages, NativeBuildAnswer, NativeBuildEra, OsPackages, OsPackageSet, PackageManager } from "./types";

const GENERIC_OS: OsPackageSet = compiled(["c"]);
const GENERIC_SOURCE = "Basewise default: an sdist with compiled code needs at least a C compiler and the libc headers";

export function nativeBuildFor(name: string, version: string | null): NativeBuildAnswer {
  const pkg = findNativePackage(name);
  if (!pkg) return generic(name, version ?? "", `Basewise's native-build table does not know ${name}: a C toolchain is assumed; any library it links must be added by hand.`);
  const release = version === null ? null : releaseOf(version);
  const era =
    release === null
      ? // Without a version (an unresolved build requirement) the newest range is the best guess.
        pkg.eras.at(-1)
      : rangeFor(pkg.eras, release);
  if (!era) {
    return generic(pkg.entry.name, version ?? "", `Basewise's native-build table knows ${pkg.entry.name} only for ${pkg.entry.eras.map((e) => e.versions || "every release").join(", ")}; ${version} is outside them, so a C toolchain is assumed.`);
  }
  const answer = fromEra(pkg.entry.name, version ?? "", era.era);
  if (version === null) answer.note = [`No version known: the newest range (${era.era.versions || "every release"}) is shown.`, answer.note].filter(Boolean).join(" ");
  return answer;
}

/**
 * One family's names from an answer. Wolfi uses its own names where the table has them (else
 * Alpine's, which are mostly the same); Debian's runtime libraries are renamed per release
 * (libssl1.1 on bullseye, libssl3t64 on trixie). "none" (distroless) installs nothing.
 */
export function osPackagesFor(answer: NativeBuildAnswer, manager: PackageManager, os: { id?: string; codename?: string } = {}): { build: string[]; runtime: string[] } {
  switch (manager) {
    case "apt": {
      const codename = os.codename ?? "bookworm";
      return { build: [...answer.os.apt.build].map((n) => debianRuntimeName(n, codename)), runtime: answer.os.apt.runtime.map((n) => debianRuntimeName(n, codename)) };
    }
    case "apk": {
      const names = os.id === "wolfi" && answer.os.wolfi ? answer.os.wolfi : answer.os.apk;
      return { build: [...names.build], runtime: [...names.runtime] };
    }
    case "dnf":
      return { build: [...answer.os.dnf.build], runtime: [...answer.os.dnf.runtime] };
    case "none":
      return { build: [], runtime: [] };
  }
}

function copy(packages: OsPackages): { build: string[]; runtime: string[] } {
  return { build: [...packages.build], runtime: [...packages.runtime] };
}

function answerOs(set: OsPackageSet): AnswerOsPackages {
  return { apt: copy(set.apt), apk: copy(set.apk), dnf: copy(set.dnf), wolfi: set.wolfi ? copy(set.wolfi) : null };
}

function fromEra(name: string, version: string, era: NativeBuildEra): NativeBuildAnswer {
  return {
    name,
    version,
    kind: era.kind,
    fallback: era.fallback ? { automatic: era.fallback.automatic, env: era.fallback.env ?? null } : null,
    toolchains: [...era.toolchains],
    cython: era.cython ?? false,
    openmp: era.openmp ?? false,
    backend: era.backend,
    tools: [...(era.tools ?? [])],
    os: answerOs(era.os),
    enables: (era.enables ?? []).map((e) => ({ code: e.code, feature: e.feature })),
    optional: (era.optional ?? []).map((o) => ({ code: o.code, feature: o.feature, os: answerOs(o.packages) })),
    env: (era.env ?? []).map((e) => ({ name: e.name, value: e.value, effect: e.effect, set: e.set ?? false, appliesTo: era.versions })),
    wheelOnly: era.wheelOnly ?? false,
    appliesTo: era.versions,
    basis: "table",
    sources: [...era.sources],
    confidence: era.confidence,
    note: era.note ?? "",
  };
}

function generic(name: string, version: string, note: string): NativeBuildAnswer {
  return {
    name,
    version,
    kind: "native",
    fallback: null,
    toolchains: ["c"],
    cython: false,
    openmp: false,
    backend: null,
    tools: [],
    os: answerOs(GENERIC_OS),
    enables: [],
    optional: [],
    env: [],
    wheelOnly: false,
    appliesTo: null,
    basis: "generic",
    sources: [GENERIC_SOURCE],
    confidence: "low",
    note,
  };
}
