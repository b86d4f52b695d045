import type { IndexFile, ProjectResult } from "@/lib/index";
import { compareVersions, parseSpecifierSet, specifierSetContains, type SpecifierSet } from "@/lib/pep440";
import { evaluateMarker, parseRequirement, type MarkerEnvironment } from "@/lib/pep508";
import type { TargetTags } from "../candidates";
import { selectCandidate, type ChoicePolicy } from "../choose";
import type { PreferenceContext, Provider, RequirementInformation } from "./resolvelib";

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
  key: string;
};
/** A project the index could not answer for: it stands in so the rest of the resolution goes on. */
export type UnknownCandidate = { kind: "unknown"; name: string; project: string; version: null; reason: string; key: string };
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

export type Preference = [boolean, boolean, boolean, boolean, number, number, boolean, string];

/** pip's format_name: "name[extra1,extra2]" with the extras sorted. */
export function formatName(project: string, extras: readonly string[]): string {
  return extras.length === 0 ? project : `${project}[${[...extras].sort().join(",")}]`;
}

export class PipProvider implements Provider<PipRequirement, PipCandidate, Preference> {
  private readonly interned = new Map<string, PipCandidate>();
  private readonly knownDepths = new Map<string, number>();
  private readonly dependencyCache = new Map<string, Promise<PipRequirement[]>>();
  private readonly foundMemo = new Map<string, PipCandidate[]>();
  private readonly readingAhead = new Set<string>();
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
  ) {
    this.python = { kind: "python", name: REQUIRES_PYTHON, version: tags.pythonFullVersion, key: REQUIRES_PYTHON };
  }

  identify(item: PipRequirement | PipCandidate): string {
    return item.name;
  }

  getPreference(identifier: string, context: PreferenceContext<PipRequirement, PipCandidate>): Preference {
    const information = context.information.get(identifier) ?? [];
    const lookups = information.map((i) => candidateLookup(i.requirement, this.python));
    const operators = lookups.flatMap(([, specifier]) => (specifier ? specifier.clauses.map((c) => c.operator) : []));
    const direct = lookups.some(([candidate]) => candidate !== null);
    const pinned = operators.some((op) => op.startsWith("=="));
    const unfree = operators.length > 0;
    let inferredDepth: number;
    const requestedOrder = this.userRequested.get(identifier);
    if (requestedOrder === undefined) {
      inferredDepth = information.length > 0 ? Math.min(...information.map((i) => (i.parent ? (this.knownDepths.get(i.parent.name) ?? Infinity) : 0))) + 1 : Infinity;
    } else {
      inferredDepth = 1;
    }
    this.knownDepths.set(identifier, inferredDepth);
    const backtrackCause = context.backtrackCauses.some((c) => c.requirement.name === identifier || c.parent?.name === identifier);
    return [identifier !== REQUIRES_PYTHON, !direct, !pinned, !backtrackCause, inferredDepth, requestedOrder ?? Infinity, !unfree, identifier];
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

  findMatches(identifier: string, requirements: ReadonlyMap<string, readonly PipRequirement[]>, incompatibilities: ReadonlyMap<string, readonly PipCandidate[]>): PipCandidate[] {
    const own = requirements.get(identifier) ?? [];
    const incompatible = new Set((incompatibilities.get(identifier) ?? []).map((c) => c.key));
    const explicit = new Map<string, PipCandidate>();
    const specifiers: Extract<PipRequirement, { kind: "specifier" }>[] = [];
    for (const requirement of own) {
      const [candidate] = candidateLookup(requirement, this.python);
      if (candidate) explicit.set(candidate.key, candidate);
      if (requirement.kind === "specifier") specifiers.push(requirement);
    }
    // "requests[socks]": an explicit pin of "requests" pins the extras candidate too.
    const bracket = identifier.indexOf("[");
    if (bracket > 0) {
      const extras = identifier.slice(bracket + 1, -1).split(",");
      for (const requirement of requirements.get(identifier.slice(0, bracket)) ?? []) {
        const [base] = candidateLookup(requirement, this.python);
        if (base && (base.kind === "link" || base.kind === "unknown")) {
          const candidate = this.extrasCandidate(base, extras);
          explicit.set(candidate.key, candidate);
        }
      }
    }
    if (explicit.size === 0) return this.foundCandidates(specifiers, incompatible);
    return [...explicit.values()].filter((c) => !incompatible.has(c.key) && own.every((r) => this.isSatisfiedBy(r, c)));
  }

  isSatisfiedBy(requirement: PipRequirement, candidate: PipCandidate): boolean {
    switch (requirement.kind) {
      case "explicit":
        return candidate.key === requirement.candidate.key;
      case "requires-python":
        return candidate.version !== null && specifierSetContains(requirement.specifier, candidate.version, { prereleases: true });
      case "specifier":
        // A project the index could not answer for stands in for any version.
        if (candidate.kind === "unknown" || (candidate.kind === "extras" && candidate.base.kind === "unknown")) return true;
        return candidate.version !== null && specifierSetContains(requirement.specifier, candidate.version, { prereleases: true });
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
      const specifier = parseSpecifierSet(metadata.requiresPython);
      // pip ignores (and warns about) a Requires-Python it cannot parse.
      if (specifier.ok && specifier.value.clauses.length > 0) result.push({ kind: "requires-python", name: REQUIRES_PYTHON, specifier: specifier.value });
    }
    await this.sources.prefetch(result.flatMap((r) => (r.kind === "specifier" ? [r.project] : [])));
    this.readAhead(result);
    return result;
  }

  /** Requires-Dist lines that apply on this image, with the extras asked for active. */
  private requirementsOf(requiresDist: readonly string[], extras: readonly string[]): PipRequirement[] {
    const result: PipRequirement[] = [];
    for (const text of requiresDist) {
      const parsed = parseRequirement(text);
      if (!parsed.ok || parsed.value.url) continue;
      const requirement = parsed.value;
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
      const [likely] = this.foundCandidates([requirement], NOTHING_INCOMPATIBLE);
      const base = likely?.kind === "extras" ? likely.base : likely;
      if (base?.kind !== "link" || this.readingAhead.has(base.key)) continue;
      this.readingAhead.add(base.key);
      void this.sources.dependencies(base.project, base.file).then(async (metadata) => {
        if (!metadata.ok) return;
        const next = this.requirementsOf(metadata.requiresDist, requirement.extras);
        await this.sources.prefetch(next.flatMap((r) => (r.kind === "specifier" ? [r.project] : [])));
        this.readAhead(next);
      });
    }
  }

  /** pip's _iter_found_candidates: the index's files for the combined specifier, one per version, best first. */
  private foundCandidates(requirements: readonly Extract<PipRequirement, { kind: "specifier" }>[], incompatible: ReadonlySet<string>): PipCandidate[] {
    const first = requirements[0];
    if (!first) return [];
    const project = first.project;
    const extras = [...new Set(requirements.flatMap((r) => r.extras))].sort();
    const page = this.sources.project(project);
    if (!page || !page.ok) {
      const reason = page ? page.message : "the index was not asked for this project";
      const unknown = this.intern<UnknownCandidate>({ kind: "unknown", name: project, project, version: null, reason, key: `${project} (unknown)` });
      const candidate = extras.length > 0 ? this.extrasCandidate(unknown, extras) : unknown;
      return incompatible.has(candidate.key) ? [] : [candidate];
    }
    const combined = combineSpecifiers(requirements.map((r) => r.specifier));
    // Backtracking asks the same question many times; the answer depends only on these.
    const memoKey = `${project}[${extras.join(",")}]${combined.text}`;
    let all = this.foundMemo.get(memoKey);
    if (!all) {
      all = [];
      const { applicable } = selectCandidate(page.page.files, project, combined, this.tags, this.policy(project));
      const seen: string[] = [];
      for (const choice of applicable) {
        // One candidate per version (pip compares Version objects: 1.0 and 1.0.0 are one version).
        if (seen.some((v) => compareVersions(v, choice.version) === 0)) continue;
        seen.push(choice.version);
        const link = this.intern<LinkCandidate>({
          kind: "link", name: project, project, version: choice.version, file: choice.file, fileKind: choice.kind, tag: choice.tag,
          key: `${project}==${choice.version} ${choice.file.filename}`,
        });
        all.push(extras.length > 0 ? this.extrasCandidate(link, extras) : link);
      }
      this.foundMemo.set(memoKey, all);
    }
    return incompatible.size === 0 ? [...all] : all.filter((c) => !incompatible.has(c.key));
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

/** What a requirement says about its candidates: an exact one, and/or a specifier (pip's get_candidate_lookup). */
function candidateLookup(requirement: PipRequirement, python: PipCandidate): [PipCandidate | null, SpecifierSet | null] {
  switch (requirement.kind) {
    case "explicit":
      return [requirement.candidate, null];
    case "specifier":
      return [null, requirement.specifier];
    case "requires-python":
      return [python.version !== null && specifierSetContains(requirement.specifier, python.version, { prereleases: true }) ? python : null, null];
  }
}

function combineSpecifiers(specifiers: readonly SpecifierSet[]): SpecifierSet {
  const text = specifiers.map((s) => s.text).filter(Boolean).join(",");
  const parsed = parseSpecifierSet(text);
  if (!parsed.ok) throw new Error(`combined specifier did not parse: ${text}`);
  return parsed.value;
}

/** pkg_resources.safe_extra, which pip 23.x applies to Provides-Extra and to the extras it evaluates. */
export function safeExtra(extra: string): string {
  return extra.replace(/[^A-Za-z0-9.-]+/g, "_").toLowerCase();
}

export type PipInformation = RequirementInformation<PipRequirement, PipCandidate>;
