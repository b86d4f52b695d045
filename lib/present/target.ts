/**
 * One base image in words: what it is, whether pip finds an install set there, what the install set
 * holds, what the build needs from the OS, the estimate, the Dockerfile's stages and each build
 * environment. The pages, the CLI table and the Markdown export all print these; none words them
 * again. Labels that lead a line ("builder installs (apt)") are lower case: the CLI prints them
 * mid-line, the pages capitalise the line's first letter when they draw it.
 */
import type { BuildEnvironment, CompiledPackage, ReportDockerfile, ReportEstimate, TargetReport } from "@/lib/contract/report";
import { counted, formatBytes, formatRange, listed } from "./format";
import { STATUS_LABEL } from "./status";

type Resolution = TargetReport["resolution"];
type ResolutionCode = Extract<Resolution, { ok: false }>["code"];
type Sysdeps = TargetReport["sysdeps"];

/** "python:3.12-slim-bookworm (amd64)" */
export function imageLabel(target: Pick<TargetReport, "base" | "arch">): string {
  return `${target.base} (${target.arch})`;
}

/** "glibc 2.36", "musl 1.2.5" */
export function libcLabel(libc: TargetReport["libc"]): string {
  return `${libc.family} ${libc.version}`;
}

/** "Python 3.12.14, glibc 2.36" */
export function pythonAndLibc(target: Pick<TargetReport, "python" | "libc">): string {
  return `Python ${target.python}, ${libcLabel(target.libc)}`;
}

/** "Python 3.12.14, glibc 2.36 · amd64 · Debian 12 · apt" */
export function imageFacts(target: TargetReport): string {
  return [pythonAndLibc(target), target.arch, target.os, target.packageManager].join(" · ");
}

/** Why the analysis stopped before it knew, as the end of "Not finished: …". */
export const STOP_REASON: Record<"work-budget" | "deadline", string> = {
  "work-budget": "the analysis used up its work budget (a very long file or a deep conflict)",
  deadline: "the analysis ran out of time",
};

/** A resolution that did not give an install set, in two words (a column head, the CLI's flag). */
export const RESOLUTION_SHORT: Record<ResolutionCode, string> = {
  conflict: "no solution",
  "too-deep": "no solution",
  "work-budget": "not finished",
  deadline: "not finished",
};

export const JUDGED_LINE_BY_LINE = "Each line of your file is judged on its own.";

/** pip finds no set of versions (as opposed to Basewise stopping before it knew). */
export function isNoSolution(code: ResolutionCode): boolean {
  return code === "conflict" || code === "too-deep";
}

/** "3 to compile", or why there is no install set to count. */
export function compileTally(target: Pick<TargetReport, "resolution" | "summary">): string {
  return target.resolution.ok ? `${target.summary.compiles} to compile` : RESOLUTION_SHORT[target.resolution.code];
}

/** "5 packages · 3 from wheels · 2 to compile (4 compiles in all, build requirements included) · 1 unknown" */
export function installSetSummary(summary: TargetReport["summary"]): string {
  const parts = [`${counted(summary.packages, "package")} · ${summary.wheels} from wheels · ${summary.sdists} to compile${summary.compiles > summary.sdists ? ` (${summary.compiles} compiles in all, build requirements included)` : ""}`];
  if (summary.none) parts.push(`${summary.none} not installable`);
  if (summary.unknown) parts.push(`${summary.unknown} unknown`);
  if (summary.direct) parts.push(counted(summary.direct, "direct link"));
  return parts.join(" · ");
}

/**
 * The CLI's count line, "5 package(s): 3 wheel(s), 2 built from source, 0 not installable, 0 unknown":
 * every count always, for a reader scanning columns. (The pages say the same with installSetSummary.)
 */
export function installSetTally(summary: TargetReport["summary"]): string {
  return (
    `${summary.packages} package(s): ${summary.wheels} wheel(s), ${summary.sdists} built from source, ${summary.none} not installable, ${summary.unknown} unknown` +
    (summary.compiles > summary.sdists ? `; ${summary.compiles} compiled in all, build requirements included` : "")
  );
}

/** "Not finished: the analysis ran out of time. 2 packages were not resolved: a, b." */
export function incompleteNote(incomplete: { reason: "work-budget" | "deadline"; unreached: readonly string[] }): string {
  const n = incomplete.unreached.length;
  return `Not finished: ${STOP_REASON[incomplete.reason]}. ${n} package${n === 1 ? " was" : "s were"} not resolved: ${listed(incomplete.unreached)}.`;
}

/** The skipped requirement's line: "line 3: marker python_version < "3.8" is false here" */
export function skippedNote(skipped: TargetReport["skipped"][number]): string {
  return `line ${skipped.line}: marker ${skipped.marker} is false here`;
}

// ---------------------------------------------------------------------------------------------------
// What the build needs from the OS.

/** "builder installs (apt): gcc libpq-dev", or null when it installs nothing. */
export function builderInstallsNote(sysdeps: Pick<Sysdeps, "manager" | "build">): string | null {
  return sysdeps.build.length ? `builder installs (${sysdeps.manager}): ${sysdeps.build.map((p) => p.name).join(" ")}` : null;
}

/** "final image keeps: libpq5", or null. */
export function finalKeepsNote(sysdeps: Pick<Sysdeps, "runtime">): string | null {
  return sysdeps.runtime.length ? `final image keeps: ${sysdeps.runtime.map((p) => p.name).join(" ")}` : null;
}

/** The same two for one package's own needs (the package detail). */
export function packageOsNeeds(manager: string, build: readonly string[], runtime: readonly string[]): { build: string | null; runtime: string | null } {
  return {
    build: build.length ? `builder installs (${manager}): ${build.join(" ")}` : null,
    runtime: runtime.length ? `final image keeps: ${runtime.join(" ")}` : null,
  };
}

/** Runtime libraries the final image cannot install (distroless), and what to do; null when none. */
export function missingAtRuntimeNote(sysdeps: Pick<Sysdeps, "missingAtRuntime">): string | null {
  if (sysdeps.missingAtRuntime.length === 0) return null;
  const list = sysdeps.missingAtRuntime.map((p) => `${p.name} (for ${p.neededBy.join(", ")})`).join(", ");
  return `This image cannot install ${list}: copy the libraries from the builder, or use a wheel that bundles them.`;
}

// ---------------------------------------------------------------------------------------------------
// The estimate and the Dockerfile.

export const STAGE_LABEL = { multiStage: "multi-stage", singleStage: "single-stage" } as const;

/** Said instead of a figure when the base image's size is not known: a sum without the base is no image size. */
export const SIZE_UNKNOWN = "size unknown";

/** One stage's image size, or "size unknown" when the base's size is not known. */
export function imageSize(imageBytes: ReportEstimate["imageBytes"], stage: keyof typeof STAGE_LABEL): string {
  return imageBytes.baseUnknown ? SIZE_UNKNOWN : formatBytes(imageBytes[stage]);
}

/** "150 MB multi-stage, 420 MB single-stage"; one size when a single stage adds nothing; "size unknown (...)" without the base's size. */
export function imageSizes(imageBytes: ReportEstimate["imageBytes"]): string {
  if (imageBytes.baseUnknown) return `${SIZE_UNKNOWN} (the base image's size is not known)`;
  const multi = `${formatBytes(imageBytes.multiStage)} ${STAGE_LABEL.multiStage}`;
  return imageBytes.singleStage > imageBytes.multiStage ? `${multi}, ${formatBytes(imageBytes.singleStage)} ${STAGE_LABEL.singleStage}` : multi;
}

/** "build 3–9 min; image 150 MB multi-stage, 420 MB single-stage" */
export function estimateLine(estimate: Pick<ReportEstimate, "buildSeconds" | "imageBytes">): string {
  return `build ${formatRange(estimate.buildSeconds)}; image ${imageSizes(estimate.imageBytes)}`;
}

/** Why one stage or two, and what the second saves. */
export function stagesNote(dockerfile: Pick<ReportDockerfile, "multiStage">, imageBytes: ReportEstimate["imageBytes"]): string {
  if (imageBytes.baseUnknown) {
    return dockerfile.multiStage
      ? `Two stages: the builder has the compilers and -dev packages; the final image gets only the virtualenv and runtime libraries (image ${SIZE_UNKNOWN}: the base image's size is not known).`
      : `One stage is enough: nothing compiles, so there are no compilers to leave behind (image ${SIZE_UNKNOWN}: the base image's size is not known; pip's cache stays in a cache mount, not the image).`;
  }
  if (!dockerfile.multiStage) {
    return `One stage is enough: nothing compiles, so there are no compilers to leave behind (${formatBytes(imageBytes.multiStage)}; pip's cache stays in a cache mount, not the image).`;
  }
  const saved = imageBytes.singleStage - imageBytes.multiStage;
  return `Two stages: the builder has the compilers and -dev packages; the final image gets only the virtualenv and runtime libraries — ${formatBytes(imageBytes.multiStage)} instead of ${formatBytes(imageBytes.singleStage)} for a naive single-stage build (${formatBytes(saved)} saved).`;
}

/**
 * The Dockerfile's fold: "Recommended Dockerfile", unless the build fails on the image (then it is no
 * recommendation): "Dockerfile (the build fails on this image)", or on which of its architectures.
 */
export function dockerfileTitle(blockedArchs: readonly string[], archCount: number): string {
  if (blockedArchs.length === 0) return "Recommended Dockerfile";
  return `Dockerfile (the build fails on ${blockedArchs.length >= archCount ? "this image" : listed(blockedArchs)})`;
}

/** The downloaded file's name: "Dockerfile.python_3.12-slim-bookworm", "…bookworm.arm64" when the architectures' files differ. */
export function dockerfileFilename(base: string, arch: string | null = null): string {
  return `Dockerfile.${base.replace(/[^A-Za-z0-9.-]+/g, "_")}${arch ? `.${arch}` : ""}`;
}

/** "numpy 1.24.4, pandas 1.5.2 (build requirement)" */
export function compilesList(compiles: readonly Pick<CompiledPackage, "name" | "version" | "buildRequirement">[]): string {
  return compiles.map((c) => `${c.name}${c.version ? ` ${c.version}` : ""}${c.buildRequirement ? " (build requirement)" : ""}`).join(", ");
}

// ---------------------------------------------------------------------------------------------------
// Build environments (PEP 517/518 build isolation).

/** "Building cffi 1.16.0 (inside the build of cryptography 41.0.7) first installs setuptools, wheel" */
export function buildHeadline(build: Pick<BuildEnvironment, "name" | "version" | "insideBuildOf" | "requires">): string {
  const inside = build.insideBuildOf ? ` (inside the build of ${build.insideBuildOf})` : "";
  return `Building ${build.name} ${build.version}${inside} first installs ${build.requires.join(", ")}`;
}

/** Where the build requirements come from, and how sure that is. */
export function buildBasisNote(build: Pick<BuildEnvironment, "basis" | "source" | "confidence">): string {
  switch (build.basis) {
    case "sdist":
      return `Read from ${build.source}.`;
    case "table":
      return `From Basewise's build-requirements table (${build.confidence} confidence).`;
    case "pip-default":
      return "Not in Basewise's table: pip's default assumed.";
  }
}

/** "resolves to: setuptools 69.0.2 (wheel), cython (unknown)", or null when nothing resolved. */
export function buildResolvesTo(build: Pick<BuildEnvironment, "packages">): string | null {
  if (build.packages.length === 0) return null;
  return `resolves to: ${build.packages.map((p) => (p.version ? `${p.name} ${p.version} (${STATUS_LABEL[p.status]})` : `${p.name} (${STATUS_LABEL[p.status]})`)).join(", ")}`;
}

/** "this build environment cannot be set up: …", or null when it can. */
export function buildBlockedNote(build: Pick<BuildEnvironment, "explanation">): string | null {
  return build.explanation ? `this build environment cannot be set up: ${build.explanation}` : null;
}

/** "compiled for this build: numpy 1.23.5", or null when nothing compiles for it. */
export function buildCompilesNote(build: Pick<BuildEnvironment, "packages">): string | null {
  const compiled = build.packages.filter((p) => p.compiles).map((p) => `${p.name} ${p.version ?? ""}`.trim());
  return compiled.length ? `compiled for this build: ${compiled.join(", ")}` : null;
}
