import { ANY_VERSION, intersectSpecifierSets, type SpecifierSet } from "@/lib/pep440";
import { evaluateMarker, markerToString } from "@/lib/pep508";
import type { RequirementEntry, RequirementsFile } from "@/lib/requirements-file";
import { directVerdict, verdictFor } from "@/lib/resolve";
import { constraintsByProject, indexSources, WorkBudget, type AnalysisSources } from "@/lib/resolve/resolver";
import { DEFAULT_BASES, makeTarget, resolveBaseImage, type Target } from "@/lib/targets";
import { requestParameters } from "@/lib/contract/request";
import type { EstimateOptions } from "@/lib/estimate";
import { assemble, targetReport } from "./assemble";
import { resolveBuilds } from "./build-isolation";
import { buildPlan } from "./build-plan";
import { compileViability } from "./viability";
import { recordingMetadataFailures, withDependencyCodes, type AnalysisIndex, type MetadataFailures } from "./dependency-codes";
import { recommend } from "./recommend";
import { imageContext, verdictContext, type ImageContext } from "./image-context";
import { lockSelections, readAnalysisInput } from "./input";
import { requestedOnly, resolveInstallSet, type AnalysisBounds } from "./install-set";
import type { TargetReport } from "@/lib/contract/report";
import type {
  Analysis,
  AnalysisError,
  AnalyzeInput,
  AnalyzeResult,
  Blocker,
  BuildEnvironment,
  LockSelection,
  RequirementSummary,
  TargetPackage,
  TargetResult,
  UnreachedPackage,
} from "./types";

export type { AnalysisIndex } from "./dependency-codes";

export interface AnalyzeDependencies {
  /** Project pages and files' core metadata: one index client per analysis. */
  index: AnalysisIndex;
  /** Shown in the report so a reader knows which index answered (never its credentials). */
  indexHost: string;
  now?: () => Date;
  /**
   * The analysis's deadline. Once aborted, resolutions stop within a round (a few ms), and the
   * targets not finished say so (resolution code "deadline", unreached packages); the report still comes back.
   */
  signal?: AbortSignal;
  /**
   * Resolver work allowed for the whole analysis (every image and build environment); see
   * DEFAULT_WORK_BUDGET. A WorkBudget object may be passed to read what was spent afterwards.
   */
  workBudget?: number | WorkBudget;
  /**
   * Progress while the analysis runs (the streamed answer of /api/analyze): the targets once known, the
   * index's answers as they come, and each target's part of the report as soon as it is finished. The
   * final report is unchanged by them; a listener that throws is the caller's bug, not the analysis's.
   */
  progress?: AnalysisProgressListener;
}

/** What an analysis says while it works; every method optional. */
export interface AnalysisProgressListener {
  /** The (image, architecture) pairs to analyse, in report order, before anything is fetched. */
  onStart?(targets: readonly { base: string; arch: Target["arch"] }[]): void;
  /** Another project page or file's metadata came back from the index (counts so far, and which one). */
  onFetched?(fetched: { projects: number; files: number; latest: string }): void;
  /** One target finished: exactly the entry the final report's targets will hold at `index` (onStart's order). */
  onTarget?(target: TargetReport, index: number): void;
}

/**
 * Units of resolver work (a round, a preference ranked, a candidate tried, a requirement matched) per
 * analysis. Measured on the snapshot index (bench/analysis-warm-profile.ts, bench/resolver-scaling.ts):
 * 40 requirements × 12 images (1 122 packages) spend 43 000 units; 1 200 requirements on one image
 * 766 000 (ranking ~1 200 unpinned names a round dominates), at about 1 µs of CPU a unit once warm.
 * 2 000 000 keeps every real file tried inside the budget and still stops a pathological backtrack
 * after a few seconds of CPU; the deadline (signal) bounds the rest, index waits included.
 */
export const DEFAULT_WORK_BUDGET = 2_000_000;

/** Requirements text + bases in, report out. Per-line, per-base and per-package problems travel inside the report. */
export async function analyze(input: AnalyzeInput, deps: AnalyzeDependencies): Promise<AnalyzeResult> {
  // Whatever the file is (requirements, pyproject.toml, a lock), it is read into one RequirementsFile;
  // only oversized input is refused whole, as for requirements files.
  const read = readAnalysisInput(input);
  if (!read.ok) return { ok: false, status: 413, error: read.error };
  const { file } = read.input;
  const parameters = requestParameters(input);
  const generatedAt = (deps.now ?? (() => new Date()))().toISOString();
  // Files uploaded after "as of" do not exist for this analysis, and floating tags point where they did then.
  const asOf = parameters.asOf ?? generatedAt;

  // Targets are (image, architecture) pairs, each image's architectures side by side in request order.
  const errors: AnalysisError[] = [];
  const targets: { requested: string; note: string | null; target: Target }[] = [];
  const unpublished: { base: string; arch: Target["arch"] }[] = [];
  for (const requested of parameters.bases ?? DEFAULT_BASES) {
    const resolved = resolveBaseImage(requested, { asOf });
    if (!resolved.ok) {
      errors.push({ code: "unknown-image", subject: requested, message: resolved.error });
      continue;
    }
    for (const arch of parameters.archs) {
      const made = makeTarget(resolved.image, arch);
      if (made.ok) targets.push({ requested, note: resolved.resolvedFrom ?? null, target: made.target });
      else {
        errors.push({ code: "arch-not-published", subject: requested, message: made.error });
        unpublished.push({ base: resolved.image.reference, arch });
      }
    }
  }

  deps.progress?.onStart?.(targets.map(({ target }) => ({ base: target.image.reference, arch: target.arch })));

  // One fetch per project and per file's metadata for the whole analysis, shared by every target.
  const { index, failures: metadataFailures } = recordingMetadataFailures(deps.progress?.onFetched ? countingFetches(deps.index, deps.progress.onFetched) : deps.index);
  const sources = indexSources(index, new Date(asOf));
  const requestedNames = [...new Set(file.requirements.filter((r) => r.origin.kind === "index" && r.name).map((r) => r.name as string))];
  await sources.prefetch(requestedNames);
  const failures = requestedNames.filter((name) => {
    const page = sources.project(name);
    return page && !page.ok && page.reason !== "not-found";
  });
  if (requestedNames.length > 0 && failures.length === requestedNames.length) {
    errors.push({ code: "index-unreachable", subject: "index", message: `The package index (${deps.indexHost}) could not be reached; every package is reported as unknown.` });
  }

  // A lock is installed as written (pip install --no-deps of the whole pinned set): never re-resolved.
  const mode: Analysis["mode"] = read.input.locked ? "locked" : input.noDeps ? "direct" : "resolved";
  const locks = read.input.locked ? lockSelections(file, targets.map(({ target }) => target)) : null;
  const estimateParameters = parameters.estimate;
  const bounds: AnalysisBounds = { signal: deps.signal, budget: deps.workBudget instanceof WorkBudget ? deps.workBudget : new WorkBudget(deps.workBudget ?? DEFAULT_WORK_BUDGET) };
  const results = await Promise.all(
    targets.map(async ({ requested, note, target }, i) => {
      const result = await analyzeTarget(file, imageContext(target, file), requested, note, sources, mode, estimateParameters, bounds, metadataFailures, locks?.[i] ?? null);
      deps.progress?.onTarget?.(targetReport(result, asOf), i);
      return result;
    }),
  );

  const undated = [...sources.undatedFiles];
  const undatedFiles = undated.reduce((sum, [, count]) => sum + count, 0);
  if (input.asOf && undatedFiles > 0) {
    const names = undated.map(([name]) => name);
    const listed = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
    errors.push({ code: "as-of-undated", subject: "asOf", message: `The index gives no upload time for ${undatedFiles} files (${listed}), so "as of ${input.asOf}" cannot exclude them; they were all considered.` });
  }
  const analysis: Analysis = {
    generatedAt,
    asOf,
    undatedFiles,
    mode,
    input: read.input.summary,
    indexHost: deps.indexHost,
    requirements: file.requirements.map(summarizeRequirement),
    options: {
      pre: file.options.pre,
      preferBinary: file.options.preferBinary,
      onlyBinary: file.options.formatControl.onlyBinary,
      noBinary: file.options.formatControl.noBinary,
      requireHashes: file.options.requireHashes,
    },
    diagnostics: file.diagnostics,
    archs: parameters.archs,
    estimateParameters,
    targets: results,
    recommendation: recommend(
      results.map((t) => ({
        base: t.target.image.reference,
        arch: t.target.arch,
        blocker: t.blocker?.text ?? null,
        blockers: t.blocker?.count ?? 0,
        // A package not reached could hide a compile, as an unknown one could.
        unknown: t.packages.filter((p) => p.status === "unknown").length + t.unreached.length,
        compiles: t.compiles.map((c) => (c.version ? `${c.name} ${c.version}` : c.name)),
        buildSeconds: t.plan.estimate.buildSeconds,
        imageBytes: t.plan.estimate.imageBytes.baseUnknown ? null : t.plan.estimate.imageBytes.multiStage,
        emulated: t.plan.estimate.parameters.emulated,
      })),
      { archs: parameters.archs, unpublished },
    ),
    errors,
  };
  return { ok: true, report: assemble(analysis) };
}

/** The same index, telling `onFetched` each time a project page or a file's metadata comes back. */
function countingFetches(index: AnalysisIndex, onFetched: NonNullable<AnalysisProgressListener["onFetched"]>): AnalysisIndex {
  let projects = 0;
  let files = 0;
  return {
    getProject: async (name) => {
      const result = await index.getProject(name);
      projects += 1;
      onFetched({ projects, files, latest: name });
      return result;
    },
    getCoreMetadata: async (project, file) => {
      const result = await index.getCoreMetadata(project, file);
      files += 1;
      onFetched({ projects, files, latest: file.filename });
      return result;
    },
    ...(index.getSdistBuildSystem ? { getSdistBuildSystem: index.getSdistBuildSystem.bind(index) } : {}),
  };
}

async function analyzeTarget(
  file: RequirementsFile,
  image: ImageContext,
  requestedAs: string,
  resolvedNote: string | null,
  sources: AnalysisSources,
  mode: Analysis["mode"],
  estimateParameters: EstimateOptions,
  bounds: AnalysisBounds,
  metadataFailures: MetadataFailures,
  lock: LockSelection | null,
): Promise<TargetResult> {
  const { target } = image;
  const skipped: TargetResult["skipped"] = [];
  const applicable: RequirementEntry[] = [];
  for (const entry of file.requirements) {
    const marker = entry.requirement?.marker;
    // Top-level requirements are evaluated with no extra active, as pip does.
    if (marker && !evaluateMarker(marker, image.environment, [])) {
      skipped.push({ name: entry.name ?? entry.text, line: entry.line, marker: markerToString(marker) });
    } else {
      applicable.push(entry);
    }
  }

  // -c files: they narrow versions here as in pip's resolution, also when each line is judged on its own.
  const constraints = constraintsByProject(file.constraints ?? [], image.environment);
  let resolution: TargetResult["resolution"] = { ok: true };
  let packages: TargetPackage[];
  const unreached: UnreachedPackage[] = [];
  if (mode === "resolved") {
    const installSet = await resolveInstallSet(applicable, sources, image, bounds, file.constraints ?? []);
    if (installSet.ok) packages = withDependencyCodes(installSet.packages, applicable, "resolved", metadataFailures);
    else {
      // Still show what each line would install on its own: the conflict is one part of the answer.
      const { code, explanation } = installSet;
      resolution = { ok: false, code, explanation };
      if (code === "work-budget" || code === "deadline") unreached.push(...installSet.unreached.map((name) => ({ name, reason: code, insideBuildOf: null })));
      const note = code === "work-budget" || code === "deadline"
        ? "Basewise stopped before the resolution finished, so each line is judged on its own."
        : "pip finds no set of versions that works here, so each line is judged on its own.";
      packages = withDependencyCodes(lineByLine(applicable, sources, image, note, constraints), applicable, "not-resolved", metadataFailures);
    }
  } else if (mode === "locked") {
    // Each pin on its own; its dependencies are the lock's other pins, so none is unknown.
    packages = withDependencyCodes(lineByLine(applicable, sources, image, null, constraints), applicable, "no-deps", metadataFailures);
  } else {
    packages = withDependencyCodes(lineByLine(applicable, sources, image, "--no-deps: dependencies are not followed.", constraints), applicable, "no-deps", metadataFailures);
  }
  const { builds, compiles: built, unreached: unreachedInBuilds } = await resolveBuilds(packages, sources, image, bounds, metadataFailures);
  unreached.push(...unreachedInBuilds);
  const compiles = built.map((c) => ({ ...c, viability: compileViability(c, target, builds) }));
  const plan = buildPlan(target, packages, compiles, estimateParameters);

  return {
    target,
    requestedAs,
    resolvedNote,
    resolution,
    unreached,
    packages,
    skipped,
    builds,
    compiles,
    plan,
    blocker: blockerOf(resolution, packages, compiles, builds, new Set(unreached.map((u) => u.insideBuildOf))),
    lock,
  };
}

/** Why `docker build` would fail on this image, in one phrase with its code; null when nothing stops it. */
function blockerOf(
  resolution: TargetResult["resolution"],
  packages: readonly TargetPackage[],
  compiles: TargetResult["compiles"],
  builds: readonly BuildEnvironment[],
  stoppedBuilds: ReadonlySet<string | null>,
): Blocker | null {
  // A stopped resolution is not known to fail: its unreached packages count as unknown instead.
  if (!resolution.ok && (resolution.code === "conflict" || resolution.code === "too-deep")) return { code: "no-solution", text: "pip finds no set of versions that works here", count: 1 };
  const none = packages.filter((p) => p.status === "none").map((p) => p.name);
  if (none.length > 0) return { code: "nothing-installable", text: `nothing installable for ${none.join(", ")}`, count: none.length };
  // A build the viability table knows fails is a failed docker build, never a slow success.
  const failing = compiles.filter((c) => c.viability.viability === "fails");
  const [firstFailing] = failing;
  if (firstFailing) return { code: "build-fails", text: firstFailing.viability.reason.replace(/\.$/, ""), count: failing.length };
  const broken = builds.filter((b) => b.explanation !== null && !stoppedBuilds.has(`${b.name} ${b.version}`));
  const [first] = broken;
  if (first) return { code: "build-environment", text: `the build environment of ${first.name} ${first.version} cannot be set up`, count: broken.length };
  return null;
}

/** Each line (lines naming one project merged, as pip does) judged on its own. */
function lineByLine(applicable: readonly RequirementEntry[], sources: AnalysisSources, image: ImageContext, dependenciesNote: string | null, constraints: ReadonlyMap<string, SpecifierSet>): TargetPackage[] {
  const packages: TargetPackage[] = [];
  for (const [name, entries] of groupByName(applicable)) {
    const first = entries[0] as RequirementEntry;
    if (first.origin.kind !== "index") {
      packages.push(requestedOnly(directVerdict(first.name ?? name, first.origin, image.tagTarget), first, dependenciesNote));
      continue;
    }
    const project = sources.project(name) ?? { ok: false, reason: "index-error", message: `index error: ${name} was not looked up` };
    const constraint = constraints.get(name);
    const specifier = constraint ? intersectSpecifierSets(combinedSpecifier(entries), constraint) : combinedSpecifier(entries);
    packages.push(requestedOnly(verdictFor(name, specifier, project, verdictContext(image, name)), first, dependenciesNote));
  }
  return packages;
}

/** pip merges every line that names the same project; unnamed URLs and paths stay on their own. */
function groupByName(entries: readonly RequirementEntry[]): Map<string, RequirementEntry[]> {
  const groups = new Map<string, RequirementEntry[]>();
  for (const entry of entries) {
    const key = entry.name ?? `line ${entry.line}: ${entry.text}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}

/** Every line's specifier as one set, intersected as values (packaging's SpecifierSet.__and__). */
function combinedSpecifier(entries: readonly RequirementEntry[]): SpecifierSet {
  return entries.reduce((combined, e) => (e.requirement ? intersectSpecifierSets(combined, e.requirement.specifier) : combined), ANY_VERSION);
}

function summarizeRequirement(entry: RequirementEntry): RequirementSummary {
  return {
    line: entry.line,
    text: entry.text,
    name: entry.name,
    extras: entry.requirement?.extras ?? [],
    specifier: entry.requirement?.specifier.text ?? "",
    marker: entry.requirement?.marker ? markerToString(entry.requirement.marker) : null,
    origin: entry.origin,
    editable: entry.editable,
    hashes: entry.hashes.length,
    file: entry.file ?? null,
  };
}
