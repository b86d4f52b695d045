import {
  REPORT_SCHEMA_VERSION,
  reportProblems,
  type BlockerCode,
  type BuildEnvironmentCode,
  type DependenciesUnknownCode,
  type ErrorCode,
  type PackageCode,
  type RankingOutCode,
  type Report,
  type TagParts,
  type TargetPackage as ReportPackage,
  type TargetReport,
} from "@/lib/contract/report";
import type { VerdictCode } from "@/lib/resolve/verdict";
import type { Tag } from "@/lib/tags";
import type { ImageSupport } from "@/lib/targets/types";
import type { OutReason } from "./recommend";
import type { SystemDependencies } from "./sysdeps";
import { buildTableKnowledge } from "./unchecked";
import type { Analysis, AnalysisError, AnalysisInput, Blocker, LockPin, BuildEnvironment, BuildFailureCode, DependenciesUnknownReason, TargetPackage, TargetResult } from "./types";

// The one step from the engine's results to the public report (lib/contract/report.ts): every field
// is copied by name, every engine code mapped to the contract's through an exhaustive table, so a
// change in the engine either keeps the JSON as it is or fails to compile here. In test runs (and
// with BASEWISE_VALIDATE_REPORTS=1) the result is checked against the contract's schema.

export function assemble(analysis: Analysis): Report {
  const targets = analysis.targets.map((t) => targetReport(t, analysis.asOf));
  const blockers = new Map(analysis.targets.map((t) => [`${t.target.image.reference} ${t.target.arch}`, t.blocker]));
  const outCode = (base: string, reason: OutReason | undefined): RankingOutCode | null => {
    if (!reason) return null;
    return reason.kind === "not-published" ? "arch-not-published" : blockerCode(blockers.get(`${base} ${reason.arch}`) ?? null);
  };
  const { recommendation } = analysis;
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: analysis.generatedAt,
    asOf: analysis.asOf,
    undatedFiles: analysis.undatedFiles,
    mode: analysis.mode,
    input: reportInput(analysis.input),
    index: { host: analysis.indexHost },
    requirements: analysis.requirements.map((r) => ({
      line: r.line,
      text: r.text,
      name: r.name,
      extras: r.extras,
      specifier: r.specifier,
      marker: r.marker,
      origin: r.origin,
      editable: r.editable,
      hashes: r.hashes,
      file: r.file,
    })),
    options: { ...analysis.options },
    diagnostics: analysis.diagnostics.map(({ line, severity, message, file }) => ({ line, severity, message, file: file ?? null })),
    archs: [...analysis.archs],
    targets,
    estimateParameters: { ...analysis.estimateParameters },
    recommendation: recommendation && {
      base: recommendation.base,
      archs: [...recommendation.archs],
      why: recommendation.why,
      ranking: recommendation.ranking.map(({ base, archs, out, outReasons }) => ({
        base,
        archs: [...archs],
        out,
        outCode: out === null ? null : outCode(base, outReasons[0]),
        outArch: out === null ? null : (outReasons[0]?.arch ?? null),
      })),
    },
    errors: analysis.errors.map(reportError),
  };
  if (validating()) {
    const problems = reportProblems(report);
    if (problems.length > 0) {
      throw new Error(`The assembled report does not match the report contract (schema version ${REPORT_SCHEMA_VERSION}):\n${problems.slice(0, 20).join("\n")}`);
    }
  }
  return report;
}

/** Every report is checked in test runs (unit, snapshot) and where BASEWISE_VALIDATE_REPORTS=1 (the e2e servers). */
function validating(): boolean {
  if (typeof process === "undefined") return false;
  return process.env.VITEST !== undefined || process.env.BASEWISE_VALIDATE_REPORTS === "1";
}

/** One target's entry in the report (also streamed on its own as soon as the target is finished). */
export function targetReport(result: TargetResult, asOf: string): TargetReport {
  const { target, plan } = result;
  const count = (status: TargetPackage["status"]) => result.packages.filter((p) => p.status === status).length;
  return {
    base: target.image.reference,
    requestedAs: result.requestedAs,
    resolvedNote: result.resolvedNote,
    arch: target.arch,
    python: target.pythonVersion,
    libc: { family: target.libc.family, version: target.libc.version },
    os: [target.image.os.id, target.image.os.version].join(" "),
    packageManager: target.image.packageManager,
    support: supportOf(target.image.support, asOf),
    resolution: result.resolution.ok ? { ok: true } : { ok: false, code: result.resolution.code, explanation: result.resolution.explanation },
    unreached: result.unreached.map(({ name, reason, insideBuildOf }) => ({ name, reason, insideBuildOf })),
    packages: result.packages.map(reportPackage),
    skipped: result.skipped.map(({ name, line, marker }) => ({ name, line, marker })),
    builds: result.builds.map(buildEnvironment),
    compiles: result.compiles.map(({ name, version, buildRequirement, forBuildOf, viability }, i) => ({
      name,
      version,
      buildRequirement,
      forBuildOf: [...forBuildOf],
      viability: viability.viability,
      viabilityCode: viability.code,
      viabilityReason: viability.reason,
      viabilitySources: [...viability.sources],
      fix: viability.fix && {
        kind: viability.fix.kind,
        version: viability.fix.version ?? null,
        verified: viability.fix.verified ?? false,
        constraint: viability.fix.constraint ?? null,
        packages: [...(viability.fix.packages ?? [])],
      },
      // sysdeps.perPackage has one entry per compile, in the same order.
      ...buildParts(plan.sysdeps.perPackage[i]),
    })),
    summary: {
      packages: result.packages.length,
      wheels: count("wheel"),
      sdists: count("sdist"),
      none: count("none"),
      unknown: count("unknown"),
      direct: count("direct"),
      compiles: result.compiles.length,
    },
    sysdeps: {
      manager: plan.sysdeps.manager,
      build: plan.sysdeps.build.map(osPackage),
      runtime: plan.sysdeps.runtime.map(osPackage),
      env: plan.sysdeps.env.map(({ name, value, why, neededBy }) => ({ name, value, why, neededBy: [...neededBy] })),
      missingAtRuntime: plan.sysdeps.missingAtRuntime.map(osPackage),
      perPackage: plan.sysdeps.perPackage.map(({ name, version, kind, basis, note }) => ({ name, version, kind, basis, note })),
    },
    estimate: {
      parameters: { ...plan.estimate.parameters },
      buildSeconds: { low: plan.estimate.buildSeconds.low, high: plan.estimate.buildSeconds.high },
      imageBytes: plan.estimate.imageBytes.baseUnknown
        ? { multiStage: plan.estimate.imageBytes.multiStage, singleStage: plan.estimate.imageBytes.singleStage, baseUnknown: true }
        : { multiStage: plan.estimate.imageBytes.multiStage, singleStage: plan.estimate.imageBytes.singleStage },
      breakdown: {
        build: plan.estimate.breakdown.build.map(({ part, category, lowSeconds, highSeconds, basis }) => ({ part, category, lowSeconds, highSeconds, basis })),
        size: plan.estimate.breakdown.size.map(({ part, category, bytes, stage, basis }) => ({ part, category, bytes, stage, basis })),
      },
      notes: [...plan.estimate.notes],
    },
    dockerfile: {
      text: plan.dockerfile.text,
      lines: plan.dockerfile.lines.map(({ text, note }) => ({ text, note })),
      warnings: [...plan.dockerfile.warnings],
      stages: plan.dockerfile.stages.map(({ name, role, from, firstLine, lastLine, osPackages }) => ({ name, role, from, firstLine, lastLine, osPackages: [...osPackages] })),
      multiStage: plan.dockerfile.multiStage,
    },
    builder: plan.builder,
    blocker: result.blocker?.text ?? null,
    blockerCode: blockerCode(result.blocker),
    lock: result.lock && {
      skipped: result.lock.skipped.map(lockPin),
      differing: result.lock.differing.map((pin) => ({ ...lockPin(pin), notOn: pin.notOn.map(({ base, arch }) => ({ base, arch })) })),
    },
  };
}

function lockPin({ name, version, line, marker }: LockPin) {
  return { name, version, line, marker };
}

function reportInput(input: AnalysisInput): Report["input"] {
  const { lock } = input;
  return {
    kind: input.kind,
    detectedKind: input.detectedKind,
    fileName: input.fileName,
    files: [...input.files],
    lock: lock && {
      kind: lock.kind,
      formatVersion: lock.formatVersion,
      createdBy: lock.createdBy,
      requiresPython: lock.requiresPython,
      pins: lock.pins,
      environments: [...lock.environments],
    },
    translations: input.translations.map(({ line, name, from, to }) => ({ line, name, from, to })),
    extras: { chosen: [...input.extras.chosen], available: [...input.extras.available] },
    groups: { chosen: [...input.groups.chosen], available: [...input.groups.available] },
  };
}

/** The image's support window, and whether it had ended by the analysis's "as of" (dates compared as UTC days). */
function supportOf(support: ImageSupport, asOf: string): TargetReport["support"] {
  const { endOfLife, cause, successor, sources } = support;
  return { endOfLife, ended: endOfLife !== null && endOfLife <= new Date(asOf).toISOString().slice(0, 10), cause, successor, sources: [...sources] };
}

function reportPackage(pkg: TargetPackage): ReportPackage {
  const alternative = pkg.alternative;
  return {
    name: pkg.name,
    status: pkg.status,
    kind: pkg.kind,
    version: pkg.version,
    filename: pkg.filename,
    tag: pkg.tag,
    tagParts: tagParts(pkg.matchedTag),
    compiles: pkg.compiles,
    reason: pkg.reason,
    code: pkg.code ? PACKAGE_CODE[pkg.code] : null,
    miss: pkg.miss && { kind: pkg.miss.kind, detail: pkg.miss.detail },
    alternative: alternative && {
      version: alternative.version,
      filename: alternative.filename,
      tag: alternative.tag,
      tagParts: tagParts(alternative.matchedTag),
      satisfiesSpecifier: alternative.satisfiesSpecifier,
    },
    sizeBytes: pkg.sizeBytes,
    ...(pkg.sizeHint ? { sizeHint: { filename: pkg.sizeHint.filename, bytes: pkg.sizeHint.bytes } } : {}),
    line: pkg.line,
    requested: pkg.requested,
    requiredBy: pkg.requiredBy.map(({ project, version, requirement }) => ({ project, version, requirement })),
    via: [...pkg.via],
    dependenciesUnknown: pkg.dependenciesUnknown,
    dependenciesUnknownCode: pkg.dependenciesUnknownCode ? DEPENDENCIES_UNKNOWN_CODE[pkg.dependenciesUnknownCode] : null,
    buildTable: pkg.status === "unknown" ? buildTableKnowledge(pkg.name) : null,
  };
}

function buildEnvironment(build: BuildEnvironment): TargetReport["builds"][number] {
  return {
    name: build.name,
    version: build.version,
    insideBuildOf: build.insideBuildOf,
    requires: [...build.requires],
    dynamic: build.dynamic.map(({ requirement, when }) => ({ requirement, when })),
    backend: build.backend,
    basis: build.basis,
    source: build.source,
    confidence: build.confidence,
    note: build.note,
    packages: build.packages.map(reportPackage),
    explanation: build.explanation,
    code: build.failure && BUILD_ENVIRONMENT_CODE[build.failure],
  };
}

function osPackage({ name, neededBy }: { name: string; neededBy: string[] }) {
  return { name, neededBy: [...neededBy] };
}

function reportError(error: AnalysisError): Report["errors"][number] {
  return { subject: error.subject, message: error.message, code: ERROR_CODE[error.code] };
}

function blockerCode(blocker: Blocker | null): BlockerCode | null {
  return blocker && BLOCKER_CODE[blocker.code];
}

/** The tag a wheel matched, as its parts: copied from the engine's value (the image's own tag), never parsed from its text. */
function tagParts(tag: Tag | null): TagParts | null {
  return tag && { interpreter: tag.interpreter, abi: tag.abi, platform: tag.platform };
}

// The engine's codes → the contract's. Exhaustive records: a new engine code does not compile until it
// is given its public name here (and, when new, a meaning in lib/contract/report.ts).

const PACKAGE_CODE: Record<VerdictCode, PackageCode> = {
  "no-files": "no-files",
  "no-compatible-wheel": "no-compatible-wheel",
  "requires-python": "requires-python",
  "only-binary": "only-binary",
  "no-binary": "no-binary",
  "no-usable-file": "no-usable-file",
  "only-yanked": "only-yanked",
  "no-matching-version": "no-matching-version",
  "unsupported-wheel": "unsupported-wheel",
  "not-found": "not-on-index",
  "index-error": "index-error",
  malformed: "index-unreadable",
  timeout: "timeout",
  "too-many-projects": "too-many-projects",
  "not-asked": "not-asked",
};

const DEPENDENCIES_UNKNOWN_CODE: Record<DependenciesUnknownReason, DependenciesUnknownCode> = {
  unavailable: "metadata-unavailable",
  "index-error": "index-error",
  malformed: "index-unreadable",
  "hash-mismatch": "digest-mismatch",
  timeout: "timeout",
  "no-deps": "no-deps",
  "direct-reference": "direct-reference",
  "not-resolved": "not-resolved",
};

const BUILD_ENVIRONMENT_CODE: Record<BuildFailureCode, BuildEnvironmentCode> = {
  "unreadable-build-requirements": "unreadable-build-requirements",
  conflict: "conflict",
  "too-deep": "too-deep",
  "work-budget": "work-budget",
  deadline: "deadline",
};

const BLOCKER_CODE: Record<Blocker["code"], BlockerCode> = {
  "no-solution": "no-solution",
  "nothing-installable": "nothing-installable",
  "build-fails": "build-fails",
  "build-environment": "build-environment",
};

const ERROR_CODE: Record<AnalysisError["code"], ErrorCode> = {
  "unknown-image": "unknown-image",
  "arch-not-published": "arch-not-published",
  "index-unreachable": "index-unreachable",
  "as-of-undated": "as-of-undated",
};

/** What a compile's listed OS packages enable, and the optional parts they leave off. */
function buildParts(needs: SystemDependencies["perPackage"][number] | undefined): Pick<TargetReport["compiles"][number], "enables" | "optionalParts"> {
  if (!needs) return { enables: [], optionalParts: [] };
  return {
    enables: needs.enables.map(({ code, feature }) => ({ code, feature })),
    optionalParts: needs.optional.map(({ code, feature, build, runtime, enabled }) => ({ code, feature, packages: { build: [...build], runtime: [...runtime] }, enabled })),
  };
}
