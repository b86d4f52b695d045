import type { IndexFile, ProjectFailureReason } from "@/lib/index";
import { ANY_VERSION, intersectSpecifierSets, type SpecifierSet } from "@/lib/pep440";
import { evaluateMarker, type MarkerEnvironment } from "@/lib/pep508";
import type { RequirementEntry } from "@/lib/requirements-file";
import { rankedTags, type RankedTag, type RankedTags, type TagTarget } from "@/lib/tags";
import type { TargetTags } from "../candidates";
import type { ChoicePolicy } from "../choose";
import { matchedTag } from "../matched-tag";
import { describeChoice, type PackageVerdict } from "../verdict";
import { PipProvider, REQUIRES_PYTHON, type LinkCandidate, type PipCandidate, type PipInformation, type PipRequirement, type ResolverSources } from "./pip-provider";
import { resolve, ResolutionImpossible, ResolutionStopped, ResolutionTooDeep, type StopReason, type WorkBudget } from "./resolvelib";

// The whole install set pip would choose on one image for the requirements written in a file.

/** Who asked for a package, and for what. */
export interface Requirer {
  /** The requiring package (PEP 503 name); null for the requirements file itself. */
  project: string | null;
  version: string | null;
  /** What it asked for, as written in its metadata or the file: "numpy>=1.21.0", "requests[socks]". */
  requirement: string;
}

/** What pip installs for one pinned package on this image, classified where it was chosen. */
export interface ClassifiedChoice {
  version: string;
  file: IndexFile;
  kind: "wheel" | "sdist";
  /** For a wheel: the target's tag it matched, as a value, with its priority and printed form. */
  tag: RankedTag | null;
  /** What installing it means here: the wheel, or the build from source with its closest miss and nearest wheel. */
  verdict: PackageVerdict;
}

export interface InstalledPackage {
  project: string;
  /** null when the index could not answer for the project. */
  version: string | null;
  /** The file pip installs (choice.file); null when unknown. */
  file: IndexFile | null;
  /** The chosen file, classified; null when the index could not answer for the project. */
  choice: ClassifiedChoice | null;
  /** Every requirer's specifier, intersected ("" for any version). */
  specifier: string;
  /** The same, as a value. */
  specifierSet: SpecifierSet;
  /** One entry per requirement on it, in the order the resolver met them. */
  requiredBy: Requirer[];
  /** Extras asked for by any requirer. */
  extras: string[];
  /** Why its dependencies are not known, when they are not. */
  dependenciesUnknown: string | null;
  /** Why the index could not answer for it, when it could not. */
  unknown: string | null;
  /** Why it is unknown, as a code (null when it is not). */
  unknownCode: ProjectFailureReason | "not-asked" | null;
}

/**
 * Why there is no install set: "conflict", pip finds none; "too-deep", pip would still be backtracking
 * after maxRounds; "work-budget" / "deadline", Basewise stopped first (the analysis's work budget or
 * deadline ran out), and `unreached` names the projects it had not pinned yet.
 */
export type ResolutionFailureCode = "conflict" | "too-deep" | StopReason;

export type TargetResolution =
  | { ok: true; packages: InstalledPackage[] }
  | { ok: false; code: ResolutionFailureCode; explanation: string; unreached: string[] };

export interface ResolveOptions {
  tags: TargetTags;
  /** The interpreter `tags` was made for: classifying a choice reads its tag list, libc and arch. */
  tagTarget: TagTarget;
  environment: MarkerEnvironment;
  policy: (project: string) => ChoicePolicy;
  maxRounds?: number;
  /** The analysis's deadline: aborted, the resolution stops within a round. */
  signal?: AbortSignal;
  /** Shared by every resolution of one analysis. */
  budget?: WorkBudget;
  /** pip constraints (-c): they narrow the versions of packages installed for other reasons, never add one. */
  constraints?: readonly RequirementEntry[];
}

/** Each constrained project's constraints, intersected; a constraint whose marker is false here does not apply. */
export function constraintsByProject(entries: readonly RequirementEntry[], environment: MarkerEnvironment): Map<string, SpecifierSet> {
  const byProject = new Map<string, SpecifierSet>();
  for (const entry of entries) {
    const requirement = entry.requirement;
    if (!requirement || entry.origin.kind !== "index") continue;
    if (requirement.marker && !evaluateMarker(requirement.marker, environment, [])) continue;
    byProject.set(requirement.normalizedName, intersectSpecifierSets(byProject.get(requirement.normalizedName) ?? ANY_VERSION, requirement.specifier));
  }
  return byProject;
}

export async function resolveTarget(entries: readonly RequirementEntry[], sources: ResolverSources, options: ResolveOptions): Promise<TargetResolution> {
  const roots: PipRequirement[] = [];
  const userRequested = new Map<string, number>();
  entries.forEach((entry, position) => {
    const requirement = entry.requirement;
    if (!requirement || entry.origin.kind !== "index") return;
    // A line whose marker is false on this image is not a requirement here (pip: "Ignoring …").
    if (requirement.marker && !evaluateMarker(requirement.marker, options.environment, [])) return;
    const name = requirement.extras.length ? `${requirement.normalizedName}[${[...requirement.extras].sort().join(",")}]` : requirement.normalizedName;
    if (!userRequested.has(name)) userRequested.set(name, position);
    roots.push({ kind: "specifier", name, project: requirement.normalizedName, extras: requirement.extras, specifier: requirement.specifier });
  });
  await sources.prefetch(roots.flatMap((r) => (r.kind === "specifier" ? [r.project] : [])));

  const provider = new PipProvider(sources, options.tags, options.policy, options.environment, userRequested, constraintsByProject(options.constraints ?? [], options.environment));
  provider.readAhead(roots);
  try {
    const result = await resolve(provider, roots, { maxRounds: options.maxRounds, signal: options.signal, budget: options.budget });
    const packages: InstalledPackage[] = [];
    const onProject = requirementsByProject(result.criteria);
    const ranked = rankedTags(options.tagTarget);
    for (const candidate of result.mapping.values()) {
      if (candidate.kind !== "link" && candidate.kind !== "unknown") continue;
      const asked = onProject.get(candidate.project) ?? [];
      const specifierSet = asked.map((r) => r.specifier).reduce(intersectSpecifierSets, ANY_VERSION);
      packages.push({
        project: candidate.project,
        version: candidate.version,
        file: candidate.kind === "link" ? candidate.file : null,
        choice: candidate.kind === "link" ? classifyChoice(candidate, specifierSet, sources, options, ranked) : null,
        specifier: specifierSet.text,
        specifierSet,
        requiredBy: asked.map(({ parent, name, specifier }) => ({
          project: parent === null ? null : parent.project ?? null,
          version: parent?.version ?? null,
          requirement: `${name}${specifier.text}`,
        })),
        extras: [...new Set(asked.flatMap((r) => r.extras))].sort(),
        dependenciesUnknown: provider.unknownDependencies.get(candidate.key) ?? null,
        unknown: candidate.kind === "unknown" ? candidate.reason : null,
        unknownCode: candidate.kind === "unknown" ? candidate.code : null,
      });
    }
    return { ok: true, packages };
  } catch (error) {
    if (error instanceof ResolutionImpossible) {
      return { ok: false, code: "conflict", explanation: explainConflict(error.causes as PipInformation[], options.tags.pythonFullVersion), unreached: [] };
    }
    if (error instanceof ResolutionTooDeep) {
      return { ok: false, code: "too-deep", explanation: `pip would still be backtracking after ${error.rounds} rounds; Basewise stopped there.`, unreached: [] };
    }
    if (error instanceof ResolutionStopped) {
      const unreached = [...new Set(error.pending.filter((name) => name !== REQUIRES_PYTHON).map((name) => name.replace(/\[.*$/, "")))];
      return { ok: false, code: error.reason, explanation: explainStop(error.reason, error.rounds, unreached), unreached };
    }
    throw error;
  }
}

/**
 * The pinned file as the report needs it: its kind, its matched tag as a value, and what installing
 * it means here (for an sdist, the closest wheel that missed and the nearest version with one, read
 * from the same project page the candidate was chosen from).
 */
function classifyChoice(link: LinkCandidate, specifier: SpecifierSet, sources: ResolverSources, options: ResolveOptions, ranked: RankedTags): ClassifiedChoice {
  const page = sources.project(link.project);
  const chosen = { version: link.version, file: link.file, kind: link.fileKind, tag: matchedTag(link, ranked) };
  const verdict = describeChoice(link.project, chosen, specifier, page?.ok ? page.page.files : [link.file], {
    tags: options.tags,
    tagTarget: options.tagTarget,
    policy: options.policy(link.project),
  });
  return { ...chosen, verdict };
}

function explainStop(reason: StopReason, rounds: number, unreached: readonly string[]): string {
  const why = reason === "deadline" ? "the analysis ran out of time" : "the analysis used up its work budget";
  const shown = unreached.length > 8 ? `${unreached.slice(0, 8).join(", ")} and ${unreached.length - 8} more` : unreached.join(", ");
  return `Basewise stopped resolving after ${rounds} rounds because ${why}${unreached.length ? `; not reached: ${shown}` : ""}.`;
}

function describeParent(parent: PipCandidate | null): string {
  if (parent === null) return "your requirements";
  return parent.version === null ? parent.name : `${parent.name} ${parent.version}`;
}

type SpecifierInformation = { parent: Exclude<PipCandidate, { kind: "python" }> | null } & Extract<PipRequirement, { kind: "specifier" }>;

/**
 * Each project's requirements, whoever wrote them: "requests" and "requests[socks]" are one project.
 * An extras node's pin of its own base is bookkeeping, not a requirement anyone wrote.
 */
function requirementsByProject(criteria: ReadonlyMap<string, { information: readonly PipInformation[] }>): Map<string, SpecifierInformation[]> {
  const byProject = new Map<string, SpecifierInformation[]>();
  for (const { information } of criteria.values()) {
    for (const { requirement, parent } of information) {
      if (requirement.kind !== "specifier" || parent?.kind === "python") continue;
      const known = byProject.get(requirement.project);
      if (known) known.push({ ...requirement, parent });
      else byProject.set(requirement.project, [{ ...requirement, parent }]);
    }
  }
  return byProject;
}

/** "numpy: your requirements ask for numpy==1.20.0; pandas 1.5.2 requires numpy>=1.21.0." */
export function explainConflict(causes: readonly PipInformation[], pythonVersion: string): string {
  const byName = new Map<string, string[]>();
  for (const { requirement, parent } of causes) {
    const who = describeParent(parent);
    let what: string;
    if (requirement.kind === "requires-python") what = `${who} requires Python ${requirement.specifier.text}, but this image runs ${pythonVersion}`;
    else if (requirement.kind === "explicit") what = `${who} requires ${requirement.candidate.name} ${requirement.candidate.version ?? ""}`.trim();
    else what = `${who} ${parent === null ? "ask for" : "requires"} ${requirement.name}${requirement.specifier.text || " (any version)"}`;
    const name = requirement.name === REQUIRES_PYTHON ? "Python" : requirement.kind === "specifier" ? requirement.project : requirement.name;
    byName.set(name, [...(byName.get(name) ?? []), what]);
  }
  const parts = [...byName].map(([name, whats]) => `${name}: ${[...new Set(whats)].join("; ")}`);
  return `pip finds no set of versions that works on this image (Python ${pythonVersion}). ${parts.join(". ")}.`;
}
