import type { IndexFile, ProjectFailureReason, ProjectResult } from "@/lib/index";
import { ANY_VERSION, intersectSpecifierSets, parseSpecifierSet, parseVersion, specifierSetContains, type SpecifierSet, type Version } from "@/lib/pep440";
import { evaluateMarker, parseRequirement, type MarkerEnvironment, type Requirement } from "@/lib/pep508";
import type { Candidate, TargetTags } from "../candidates";
import { filterSequence, LazySequence, mapSequence, type Sequence } from "../lazy-sequence";
import { selectCandidate, type ChoicePolicy } from "../choose";
import type { Lookup, PreferenceContext, Provider, RequirementInformation } from "./resolvelib";

// pip's side of the resolution (pip 23.x resolution/resolvelib: provider.py, factory.py,
// requirements.py, candidates.py), over Basewise's index data and one target image. Markers are
// evaluated for the target, as pip does when it runs inside the image.

export const REQUIRES_PYTHON = "<Python from Requires-Python>";

export type PipRequirement =
  /** A name with a specifier (pip's SpecifierRequirement); `name` carries the extras: "requests[socks]". */
  | { kind: "specifier"; name: string; project: string; extras: string[]; specifier: SpecifierSet }
  /** Exactly this candidate (an extras candidate's dependency on its base). */
  | { kind: "explicit"; name: string; candidate: PipCandidate }
  | { kind: "requires-python"; name: typeof REQUIRES_PYTHON; specifier: SpecifierSet };

export type LinkCandidate = {
  kind: "link";
  name: string;
  project: string;
  version: string;
  file: IndexFile;
  /** What the file is, and for a wheel the compatibility tag it matched on this target. */
  fileKind: "wheel" | "sdist";
  tag: string | null;
  /** The tag's place in the target's ordered tag list (lower is better); Infinity for an sdist. */
  priority: number;
  key: string;
};
/** A project the index could not answer for: it stands in so the rest of the resolution goes on. */
export type UnknownCandidate = { kind: "unknown"; name: string; project: string; version: null; reason: string; code: ProjectFailureReason | "not-asked"; key: string };
export type PipCandidate =
  | LinkCandidate
  | UnknownCandidate
  | { kind: "extras"; name: string; project: string; version: string | null; base: LinkCandidate | UnknownCandidate; extras: string[]; key: string }
  | { kind: "python"; name: typeof REQUIRES_PYTHON; version: string; key: string };

export type Dependencies = { ok: true; requiresDist: string[]; requiresPython: string | null; providesExtra: string[] } | { ok: false; message: string };

export interface ResolverSources {
  /** Project pages, already fetched: the provider looks them up synchronously. */
  project(name: string): ProjectResult | undefined;
  /** Fetches pages ahead of need (a candidate's dependencies before they are matched). */
  prefetch(names: readonly string[]): Promise<void>;
  /** Core metadata of one file (PEP 658, or the index's JSON API). */
  dependencies(project: string, file: IndexFile): Promise<Dependencies>;
}

const NOTHING_INCOMPATIBLE: ReadonlySet<string> = new Set();
const NO_INFORMATION: readonly PipInformation[] = [];

export type Preference = [boolean, boolean, boolean, boolean, number, number, boolean, string];

/** pip's format_name: "name[extra1,extra2]" with the extras sorted. */
export function formatName(project: string, extras: readonly string[]): string {
  return extras.length === 0 ? project : `${project}[${[...extras].sort().join(",")}]`;
}

export class PipProvider implements Provider<PipRequirement, PipCandidate, Preference> {
  private readonly interned = new Map<string, PipCandidate>();
  private readonly knownDepths = new Map<string, number>();
  private readonly dependencyCache = new Map<string, Promise<PipRequirement[]>>();
  private readonly foundMemo = new Map<string, Sequence<PipCandidate>>();
  /** Candidates whose dependencies could not be read, with why. */
  readonly unknownDependencies = new Map<string, string>();
  private readonly python: PipCandidate;

  constructor(
    private readonly sources: ResolverSources,
    private readonly tags: TargetTags,
    private readonly policy: (project: string) => ChoicePolicy,
    private readonly environment: MarkerEnvironment,
    /** Identifier → position among the user's requirements. */
    private readonly userRequested: ReadonlyMap<string, number>,
    /** pip's constraints (-c files), by project: they narrow a project's versions whenever it is required, and never add one. */
    private readonly constraints: ReadonlyMap<string, SpecifierSet> = new Map(),
  ) {
    this.python = { kind: "python", name: REQUIRES_PYTHON, version: tags.pythonFullVersion, key: REQUIRES_PYTHON };
  }

  identify(item: PipRequirement | PipCandidate): string {
    return item.name;
  }

  getPreference(identifier: string, context: PreferenceContext<PipRequirement, PipCandidate>): Preference {
    const information = context.information.get(identifier) ?? NO_INFORMATION;
    // What the requirements say depends only on them (information arrays are immutable): once per array.
    let facts = this.requirementFacts.get(information);
    if (!facts) {
      facts = { direct: false, pinned: false, unfree: false };
      for (const { requirement } of information) {
        // pip's get_candidate_lookup: an explicit candidate, or (requires-python) the interpreter when it fits.
        if (requirement.kind === "explicit" || (requirement.kind === "requires-python" && this.pythonFits(requirement.specifier))) facts.direct = true;
        if (requirement.kind !== "specifier") continue;
        for (const clause of requirement.specifier.clauses) {
          facts.unfree = true;
          if (clause.operator.startsWith("==")) facts.pinned = true;
        }
      }
      this.requirementFacts.set(information, facts);
    }
    const { direct, pinned, unfree } = facts;
    let inferredDepth: number;
    const requestedOrder = this.userRequested.get(identifier);
    if (requestedOrder === undefined) {
      inferredDepth = Infinity;
      for (const { parent } of information) {
        const depth = parent ? (this.knownDepths.get(parent.name) ?? Infinity) : 0;
        if (depth < inferredDepth) inferredDepth = depth;
      }
      inferredDepth += 1;
      if (information.length === 0) inferredDepth = Infinity;
    } else {
      inferredDepth = 1;
    }
    this.knownDepths.set(identifier, inferredDepth);
    const backtrackCause = namesIn(context.backtrackCauses).has(identifier);
    return [identifier !== REQUIRES_PYTHON, !direct, !pinned, !backtrackCause, inferredDepth, requestedOrder ?? Infinity, !unfree, identifier];
  }

  /** What a requirement says about its candidates: an exact one, if any (pip's get_candidate_lookup). */
  private candidateLookup(requirement: PipRequirement): [PipCandidate | null] {
    if (requirement.kind === "explicit") return [requirement.candidate];
    if (requirement.kind === "requires-python") return [this.pythonFits(requirement.specifier) ? this.python : null];
    return [null];
  }

  private readonly requirementFacts = new WeakMap<readonly PipInformation[], { direct: boolean; pinned: boolean; unfree: boolean }>();
  private readonly pythonFitsMemo = new WeakMap<SpecifierSet, boolean>();
  private pythonFits(specifier: SpecifierSet): boolean {
    let fits = this.pythonFitsMemo.get(specifier);
    if (fits === undefined) {
      fits = specifierSetContains(specifier, this.tags.pythonFullVersion, { prereleases: true });
      this.pythonFitsMemo.set(specifier, fits);
    }
    return fits;
  }

  comparePreferences(a: Preference, b: Preference): number {
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as boolean | number | string;
      const y = b[i] as boolean | number | string;
      if (x === y) continue;
      if (typeof x === "string" && typeof y === "string") return x < y ? -1 : 1;
      return Number(x) < Number(y) ? -1 : 1;
    }
    return 0;
  }

  findMatches(identifier: string, requirements: Lookup<readonly PipRequirement[]>, incompatibilities: Lookup<readonly PipCandidate[]>): Sequence<PipCandidate> {
    const own = requirements.get(identifier) ?? [];
    const incompatibleCandidates = incompatibilities.get(identifier) ?? [];
    const incompatible = incompatibleCandidates.length === 0 ? NOTHING_INCOMPATIBLE : new Set(incompatibleCandidates.map((c) => c.key));
    const explicit = new Map<string, PipCandidate>();
    const specifiers: Extract<PipRequirement, { kind: "specifier" }>[] = [];
    for (const requirement of own) {
      const [candidate] = this.candidateLookup(requirement);
      if (candidate) explicit.set(candidate.key, candidate);
      if (requirement.kind === "specifier") specifiers.push(requirement);
    }
    // "requests[socks]": an explicit pin of "requests" pins the extras candidate too.
    const bracket = identifier.indexOf("[");
    if (bracket > 0) {
      const extras = identifier.slice(bracket + 1, -1).split(",");
      for (const requirement of requirements.get(identifier.slice(0, bracket)) ?? []) {
        const [base] = this.candidateLookup(requirement);
        if (base && (base.kind === "link" || base.kind === "unknown")) {
          const candidate = this.extrasCandidate(base, extras);
          explicit.set(candidate.key, candidate);
        }
      }
    }
    // pip's find_matches: a constraint on the project filters what its requirements found (resolvelib's "constraint" argument).
    const first = specifiers[0];
    const constraint = first ? this.constraints.get(first.project) : undefined;
    const constrained: PipRequirement | null = first && constraint ? { kind: "specifier", name: identifier, project: first.project, extras: [], specifier: constraint } : null;
    if (constrained?.kind === "specifier") specifiers.push(constrained);
    if (explicit.size === 0) return this.foundCandidates(specifiers, incompatible);
    return [...explicit.values()].filter((c) => !incompatible.has(c.key) && own.every((r) => this.isSatisfiedBy(r, c)) && (constrained === null || this.isSatisfiedBy(constrained, c)));
  }

  isSatisfiedBy(requirement: PipRequirement, candidate: PipCandidate): boolean {
    switch (requirement.kind) {
      case "explicit":
        return candidate.key === requirement.candidate.key;
      case "requires-python":
        return candidate.version !== null && admitsVersion(requirement.specifier, candidate.version);
      case "specifier":
        // A project the index could not answer for stands in for any version.
        if (candidate.kind === "unknown" || (candidate.kind === "extras" && candidate.base.kind === "unknown")) return true;
        return candidate.version !== null && admitsVersion(requirement.specifier, candidate.version);
    }
  }

  getDependencies(candidate: PipCandidate): Promise<PipRequirement[]> {
    let cached = this.dependencyCache.get(candidate.key);
    if (!cached) {
      cached = this.loadDependencies(candidate);
      this.dependencyCache.set(candidate.key, cached);
    }
    return cached;
  }

  private async loadDependencies(candidate: PipCandidate): Promise<PipRequirement[]> {
    if (candidate.kind === "python" || candidate.kind === "unknown") return [];
    const base = candidate.kind === "extras" ? candidate.base : candidate;
    const result: PipRequirement[] = [];
    // An extras candidate depends on exactly its base, then on the extras' requirements.
    if (candidate.kind === "extras") result.push({ kind: "explicit", name: base.name, candidate: base });
    if (base.kind === "unknown") return result;
    const metadata = await this.sources.dependencies(base.project, base.file);
    if (!metadata.ok) {
      this.unknownDependencies.set(base.key, metadata.message);
      return result;
    }
    const provided = new Set(metadata.providesExtra.map(safeExtra));
    const extras = candidate.kind === "extras" ? candidate.extras.filter((e) => provided.has(safeExtra(e))) : [];
    result.push(...this.requirementsOf(metadata.requiresDist, extras));
    if (candidate.kind === "link" && metadata.requiresPython?.trim()) {
      const specifier = parsedRequiresPython(metadata.requiresPython);
      // pip ignores (and warns about) a Requires-Python it cannot parse.
      if (specifier && specifier.clauses.length > 0) result.push({ kind: "requires-python", name: REQUIRES_PYTHON, specifier });
    }
    await this.sources.prefetch(result.flatMap((r) => (r.kind === "specifier" ? [r.project] : [])));
    this.readAhead(result);
    return result;
  }

  /** Requires-Dist lines that apply on this image, with the extras asked for active. */
  private requirementsOf(requiresDist: readonly string[], extras: readonly string[]): PipRequirement[] {
    // Every target and build environment reads the same metadata: the answer depends on the list,
    // the marker environment (interned per interpreter) and the extras.
    let byEnvironment = applicableCache.get(requiresDist);
    if (!byEnvironment) applicableCache.set(requiresDist, (byEnvironment = new WeakMap()));
    let byExtras = byEnvironment.get(this.environment);
    if (!byExtras) byEnvironment.set(this.environment, (byExtras = new Map()));
    const key = extras.join(",");
    let result = byExtras.get(key);
    if (!result) {
      result = [];
      for (const text of requiresDist) {
        const requirement = parsedDependency(text);
        if (!requirement || requirement.url) continue;
        // pip: a dependency counts when its marker holds for "" (the base) or for one of the extras asked for.
        if (requirement.marker && !evaluateMarker(requirement.marker, this.environment, extras)) continue;
        result.push({
          kind: "specifier",
          name: formatName(requirement.normalizedName, requirement.extras),
          project: requirement.normalizedName,
          extras: requirement.extras,
          specifier: requirement.specifier,
        });
      }
      byExtras.set(key, result);
    }
    return result;
  }

  /**
   * Latency: reads ahead down the likely dependency tree (each requirement's newest candidate, its
   * metadata, its dependencies' pages, and on), all branches at once, while the resolver pins one
   * package at a time. A cold analysis then waits on the index about once per level of the tree rather
   * than twice per package. Only caches are warmed: the resolver asks again and its answer is unchanged.
   */
  readAhead(requirements: readonly PipRequirement[]): void {
    for (const requirement of requirements) {
      if (requirement.kind !== "specifier") continue;
      const page = this.sources.project(requirement.project);
      if (!page?.ok) continue;
      // The newest candidate only: no need to make them all.
      const likely = selectCandidate(page.page.files, requirement.project, requirement.specifier, this.tags, this.policy(requirement.project)).chosen;
      if (!likely) continue;
      // Once per file and marker environment in the process: a later target, build environment or
      // analysis finds the caches already warm (or fetches what is missing when it needs it).
      let started = readAheadStarted.get(likely.file);
      if (!started) readAheadStarted.set(likely.file, (started = new WeakSet()));
      if (started.has(this.environment)) continue;
      started.add(this.environment);
      void this.sources.dependencies(requirement.project, likely.file).then(async (metadata) => {
        if (!metadata.ok) return;
        const next = this.requirementsOf(metadata.requiresDist, requirement.extras);
        await this.sources.prefetch(next.flatMap((r) => (r.kind === "specifier" ? [r.project] : [])));
        this.readAhead(next);
      });
    }
  }

  /** pip's _iter_found_candidates: the index's files for the combined specifier, one per version, best first. */
  private foundCandidates(requirements: readonly Extract<PipRequirement, { kind: "specifier" }>[], incompatible: ReadonlySet<string>): Sequence<PipCandidate> {
    const first = requirements[0];
    if (!first) return [];
    const project = first.project;
    const extras = [...new Set(requirements.flatMap((r) => r.extras))].sort();
    const page = this.sources.project(project);
    if (!page || !page.ok) {
      const reason = page ? page.message : "the index was not asked for this project";
      const code = page ? page.reason : "not-asked";
      const unknown = this.intern<UnknownCandidate>({ kind: "unknown", name: project, project, version: null, reason, code, key: `${project} (unknown)` });
      const candidate = extras.length > 0 ? this.extrasCandidate(unknown, extras) : unknown;
      return incompatible.has(candidate.key) ? [] : [candidate];
    }
    // Backtracking asks the same question many times; the answer depends only on these.
    const memoKey = `${project}[${extras.join(",")}]${requirements.map((r) => r.specifier.text).join(";")}`;
    let all = this.foundMemo.get(memoKey);
    if (!all) {
      const combined = requirements.length === 1 ? first.specifier : intersect(requirements.map((r) => r.specifier));
      const links = linkCandidates(selectCandidate(page.page.files, project, combined, this.tags, this.policy(project)).applicable, project, this.tags);
      all = extras.length > 0 ? mapSequence(links, (link) => this.extrasCandidate(link, extras)) : links;
      this.foundMemo.set(memoKey, all);
    }
    return incompatible.size === 0 ? all : filterSequence(all, (c) => !incompatible.has(c.key));
  }

  private extrasCandidate(base: LinkCandidate | UnknownCandidate, extras: readonly string[]): PipCandidate {
    const sorted = [...new Set(extras)].sort();
    const name = formatName(base.project, sorted);
    return this.intern({ kind: "extras", name, project: base.project, version: base.version, base, extras: sorted, key: `${name} ${base.key}` });
  }

  private intern<C extends PipCandidate>(candidate: C): C {
    const known = this.interned.get(candidate.key);
    if (known) return known as C;
    this.interned.set(candidate.key, candidate);
    return candidate;
  }
}

const readAheadStarted = new WeakMap<IndexFile, WeakSet<MarkerEnvironment>>();

// Every unsatisfied name's preference asks whether it is among the backtrack causes, every round;
// the causes change only when the resolver backjumps.
const causeNames = new WeakMap<readonly RequirementInformation<PipRequirement, PipCandidate>[], Set<string>>();

function namesIn(causes: readonly RequirementInformation<PipRequirement, PipCandidate>[]): ReadonlySet<string> {
  let names = causeNames.get(causes);
  if (!names) {
    names = new Set();
    for (const { requirement, parent } of causes) {
      names.add(requirement.name);
      if (parent) names.add(parent.name);
    }
    causeNames.set(causes, names);
  }
  return names;
}

/** Several requirements on one project as one specifier set, intersected as values (packaging's SpecifierSet.__and__). */
function intersect(specifiers: readonly SpecifierSet[]): SpecifierSet {
  const key = specifiers.map((s) => s.text).join(";");
  let combined = intersections.get(key);
  if (!combined) {
    combined = specifiers.reduce(intersectSpecifierSets, ANY_VERSION);
    if (intersections.size >= PARSED_DEPENDENCY_LIMIT) intersections.clear();
    intersections.set(key, combined);
  }
  return combined;
}

// The same requirements meet on every image and at every backtrack.
const intersections = new Map<string, SpecifierSet>();

// A file's candidate on one target is one object for every resolution on that target (the image's
// own, its build environments', later analyses'), as pip's factory caches one candidate per link:
// resolvelib tells pins apart by identity. Keyed by the interned TargetTags and the index's file.
const linkCache = new WeakMap<TargetTags, WeakMap<IndexFile, LinkCandidate>>();
// pip keeps one candidate per version, comparing Version objects: 1.0 and 1.0.0 are one version.
// A selection is already per target (choose.ts), so its candidate list is made once (and, like the
// selection, read only as far as the resolver reads it).
const perSelection = new WeakMap<LazySequence<Candidate>, LazySequence<LinkCandidate>>();

function linkCandidates(applicable: LazySequence<Candidate>, project: string, tags: TargetTags): LazySequence<LinkCandidate> {
  let links = perSelection.get(applicable);
  if (links) return links;
  let byFile = linkCache.get(tags);
  if (!byFile) linkCache.set(tags, (byFile = new WeakMap()));
  const files = byFile;
  links = new LazySequence(
    (function* () {
      const seen = new Set<string>();
      for (const choice of applicable) {
        const identity = versionIdentity(choice.version);
        if (seen.has(identity)) continue;
        seen.add(identity);
        const key = `${project}==${choice.version} ${choice.file.filename}`;
        let link = files.get(choice.file);
        if (!link || link.key !== key || link.fileKind !== choice.kind || link.tag !== choice.tag || link.priority !== choice.priority) {
          link = { kind: "link", name: project, project, version: choice.version, file: choice.file, fileKind: choice.kind, tag: choice.tag, priority: choice.priority, key };
          files.set(choice.file, link);
        }
        yield link;
      }
    })(),
  );
  perSelection.set(applicable, links);
  return links;
}

/** A string equal for exactly the versions PEP 440 orders as equal (trailing zeros of the release do not count). */
function versionIdentity(text: string): string {
  const version = parseVersion(text) as Version;
  const release = [...version.release];
  while (release.length > 1 && (release[release.length - 1] === 0 || release[release.length - 1] === "0")) release.pop();
  return [version.epoch, release.join("."), version.pre ? `${version.pre.kind}${version.pre.number}` : "", version.post ?? "", version.dev ?? "", version.local?.join(".") ?? ""].join("|");
}

// Requires-Dist lines repeat across files and releases; each is parsed once. Bounded like parseVersion's cache.
const PARSED_DEPENDENCY_LIMIT = 50_000;
const parsedDependencies = new Map<string, Requirement | null>();

function parsedDependency(text: string): Requirement | null {
  let known = parsedDependencies.get(text);
  if (known === undefined) {
    const parsed = parseRequirement(text);
    known = parsed.ok ? parsed.value : null;
    if (parsedDependencies.size >= PARSED_DEPENDENCY_LIMIT) parsedDependencies.clear();
    parsedDependencies.set(text, known);
  }
  return known;
}

const parsedRequiresPythons = new Map<string, SpecifierSet | null>();

function parsedRequiresPython(text: string): SpecifierSet | null {
  let known = parsedRequiresPythons.get(text);
  if (known === undefined) {
    const parsed = parseSpecifierSet(text);
    known = parsed.ok ? parsed.value : null;
    if (parsedRequiresPythons.size >= PARSED_DEPENDENCY_LIMIT) parsedRequiresPythons.clear();
    parsedRequiresPythons.set(text, known);
  }
  return known;
}

// The resolver asks whether a pin still satisfies each requirement on it, round after round, on
// every image; specifier sets come from the parse caches above, so the answers are kept with them.
const admitted = new WeakMap<SpecifierSet, Map<string, boolean>>();

function admitsVersion(specifier: SpecifierSet, version: string): boolean {
  let byVersion = admitted.get(specifier);
  if (!byVersion) admitted.set(specifier, (byVersion = new Map()));
  let ok = byVersion.get(version);
  if (ok === undefined) {
    ok = specifierSetContains(specifier, version, { prereleases: true });
    byVersion.set(version, ok);
  }
  return ok;
}

const applicableCache = new WeakMap<readonly string[], WeakMap<MarkerEnvironment, Map<string, PipRequirement[]>>>();

/** pkg_resources.safe_extra, which pip 23.x applies to Provides-Extra and to the extras it evaluates. */
export function safeExtra(extra: string): string {
  return extra.replace(/[^A-Za-z0-9.-]+/g, "_").toLowerCase();
}

export type PipInformation = RequirementInformation<PipRequirement, PipCandidate>;
