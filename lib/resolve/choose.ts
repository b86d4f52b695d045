import type { IndexFile } from "@/lib/index";
import { compareParsedVersions, compareVersions, isPrereleaseVersion, parseVersion, pinsExactVersion, specifierSetContains, type SpecifierSet, type Version } from "@/lib/pep440";
import type { DistributionFormat } from "@/lib/requirements-file";
import { candidatesOfVersion, filesByVersion, type Candidate, type PositionedCandidate, type PositionedFile, type TargetTags } from "./candidates";
import { LazySequence } from "./lazy-sequence";

// pip's choice of one file for one requirement on one target (pip's PackageFinder + the resolver's
// candidate order, pip 23–25): among all files that pass the LinkEvaluator, keep the versions the
// specifier allows, drop yanked files unless a pin leaves nothing else, then take the maximum of
// pip's sort key (not-yanked, binary preference, version, tag priority, build tag).

export interface ChoicePolicy {
  formats: readonly DistributionFormat[];
  preferBinary: boolean;
  /** --pre: pre-releases allowed for every package. */
  pre: boolean;
}

export interface Selection {
  chosen: Candidate | null;
  /**
   * Every candidate the specifier admits, best first, in pip's order. Lazy: files are evaluated as
   * the list is read, newest versions first, so a resolver that pins the newest version never looks
   * at the rest (pip's FoundCandidates is lazy in the same way).
   */
  applicable: LazySequence<Candidate>;
}

// The same question comes from every target's resolver, from backtracking and from the report's
// verdicts: the answer depends only on these, so it is worked out once (see evaluateFiles for why
// the keys are objects). Callers must not mutate what is returned.
const selectionCache = new WeakMap<readonly IndexFile[], WeakMap<TargetTags, Map<string, Selection>>>();

export function selectCandidate(
  files: readonly IndexFile[],
  canonicalName: string,
  specifier: SpecifierSet,
  target: TargetTags,
  policy: ChoicePolicy,
): Selection {
  let byTarget = selectionCache.get(files);
  if (!byTarget) selectionCache.set(files, (byTarget = new WeakMap()));
  let byKey = byTarget.get(target);
  if (!byKey) byTarget.set(target, (byKey = new Map()));
  const key = `${canonicalName}|${policy.formats.join(",")}|${policy.preferBinary}|${policy.pre}|${specifier.text}`;
  let selection = byKey.get(key);
  if (!selection) {
    const applicable = new LazySequence(orderedCandidates(files, canonicalName, specifier, target, policy));
    selection = { chosen: applicable.at(0) ?? null, applicable };
    byKey.set(key, selection);
  }
  return selection;
}

/**
 * pip's order, produced newest version first. What pip does, eagerly (package_finder.py and the
 * resolver's factory): evaluate every file; keep the versions packaging's SpecifierSet.filter lets
 * through (pre-releases only with --pre, when the specifier names one, or when no final release has
 * a file here); sort by (not yanked, [wheel first with --prefer-binary], version, tag priority, build
 * tag), the file listed last winning ties; skip yanked files unless every one is yanked and the
 * specifier pins an exact version (PEP 592). The same, as a generator: versions are visited in
 * descending order and each version's files evaluated when it is reached. Checked against the eager
 * form (choose.reference.test-support.ts) on generated projects in choose.lazy.test.ts, and against
 * the real pip by the snapshot differentials.
 */
function* orderedCandidates(
  files: readonly IndexFile[],
  canonicalName: string,
  specifier: SpecifierSet,
  target: TargetTags,
  policy: ChoicePolicy,
): Generator<Candidate> {
  const buckets: { version: Version; candidates: () => readonly PositionedCandidate[] }[] = [];
  for (const bucket of versionBuckets(files, canonicalName)) {
    // Each spelling on its own: === compares the text.
    const matching = bucket.versions.filter((text) => specifierSetContains(specifier, text, { prereleases: true }));
    if (matching.length === 0) continue;
    let evaluated: PositionedCandidate[] | null = null;
    buckets.push({
      version: bucket.version,
      candidates: () => (evaluated ??= withinVersionOrder(matching.flatMap((text) => candidatesOfVersion(files, canonicalName, target, policy.formats, text, bucket.groups.get(text) ?? [])))),
    });
  }
  // packaging's filter: pre-releases pass when asked for (--pre, or a specifier naming one), else only
  // when no final release is left, counting the versions that have a file here (yanked or not).
  const prereleasesAllowed =
    policy.pre || specifier.namesPrerelease || !buckets.some((b) => !isPrereleaseVersion(b.version) && b.candidates().length > 0);
  const allowed = prereleasesAllowed ? buckets : buckets.filter((b) => !isPrereleaseVersion(b.version));
  const kinds: readonly (Candidate["kind"] | null)[] = policy.preferBinary ? ["wheel", "sdist"] : [null];
  let yielded = false;
  for (const kind of kinds) {
    for (const bucket of allowed) {
      for (const { candidate } of bucket.candidates()) {
        if (candidate.file.yanked !== false || (kind !== null && candidate.kind !== kind)) continue;
        yielded = true;
        yield candidate;
      }
    }
  }
  // Only yanked files matched: pip uses them for an exact pin, in the same order.
  if (yielded || !pinsExactVersion(specifier)) return;
  for (const kind of kinds) {
    for (const bucket of allowed) {
      for (const { candidate } of bucket.candidates()) if (kind === null || candidate.kind === kind) yield candidate;
    }
  }
}

/** One version's files, best first: tag priority, then build tag (higher first), then the file listed last. */
function withinVersionOrder(candidates: PositionedCandidate[]): PositionedCandidate[] {
  return candidates.sort((a, b) => a.candidate.priority - b.candidate.priority || compareBuildTags(b.candidate.build, a.candidate.build) || b.position - a.position);
}

interface VersionBucket {
  /** Versions PEP 440 orders as equal ("1.0" and "1.0.0"), as the file names spell them. */
  versions: string[];
  version: Version;
  groups: ReadonlyMap<string, readonly PositionedFile[]>;
}

// Per file list, shared by every target: the versions its file names give, valid ones only
// (packaging's filter drops the rest), newest first.
const bucketCache = new WeakMap<readonly IndexFile[], { project: string; buckets: VersionBucket[] }>();

function versionBuckets(files: readonly IndexFile[], canonicalName: string): VersionBucket[] {
  const cached = bucketCache.get(files);
  if (cached && cached.project === canonicalName) return cached.buckets;
  const groups = filesByVersion(files, canonicalName);
  const parsed: { text: string; version: Version }[] = [];
  for (const text of groups.keys()) {
    const version = parseVersion(text);
    if (version) parsed.push({ text, version });
  }
  parsed.sort((a, b) => compareParsedVersions(b.version, a.version));
  const buckets: VersionBucket[] = [];
  for (const { text, version } of parsed) {
    const last = buckets.at(-1);
    if (last && compareParsedVersions(last.version, version) === 0) last.versions.push(text);
    else buckets.push({ versions: [text], version, groups });
  }
  bucketCache.set(files, { project: canonicalName, buckets });
  return buckets;
}

/** pip's CandidateEvaluator._sort_key, compared ascending (the best candidate is the maximum). */
export function compareSortKeys(a: Candidate, b: Candidate, preferBinary: boolean, parsed?: ReadonlyMap<string, Version>): number {
  const yanked = Number(a.file.yanked === false) - Number(b.file.yanked === false);
  if (yanked !== 0) return yanked;
  if (preferBinary) {
    const binary = Number(a.kind === "wheel") - Number(b.kind === "wheel");
    if (binary !== 0) return binary;
  }
  const va = parsed?.get(a.version);
  const vb = parsed?.get(b.version);
  const version = va && vb ? compareParsedVersions(va, vb) : compareVersions(a.version, b.version);
  if (version !== 0) return version;
  // Lower priority index is better; sdists rank below every wheel of the same version.
  const priority = b.priority - a.priority;
  if (priority !== 0) return priority;
  return compareBuildTags(a.build, b.build);
}

// A wheel without a build tag sorts below one with a build tag (pip compares () with (n, rest)).
function compareBuildTags(a: Candidate["build"], b: Candidate["build"]): number {
  if (!a || !b) return Number(Boolean(a)) - Number(Boolean(b));
  if (a.number !== b.number) return a.number - b.number;
  return a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;
}
