import type { IndexFile } from "@/lib/index";
import { compareParsedVersions, compareVersions, filterVersions, parseVersion, pinsExactVersion, specifierSetContains, type SpecifierSet, type Version } from "@/lib/pep440";
import type { DistributionFormat } from "@/lib/requirements-file";
import { candidatesOfVersion, filesByVersion, type Candidate, type PositionedCandidate, type TargetTags } from "./candidates";

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
  /** Every candidate the specifier admits, best first, in pip's order. */
  applicable: Candidate[];
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
    selection = selectCandidateUncached(files, canonicalName, specifier, target, policy);
    byKey.set(key, selection);
  }
  return selection;
}

function selectCandidateUncached(
  files: readonly IndexFile[],
  canonicalName: string,
  specifier: SpecifierSet,
  target: TargetTags,
  policy: ChoicePolicy,
): Selection {
  // Only files whose version the specifier could admit can be chosen; checking tags for the rest
  // (thousands of files for projects like botocore, per target) is wasted work. Filtering the
  // survivors below with packaging's rules gives the same answer as filtering everything.
  const admitted: PositionedCandidate[] = [];
  for (const [version, group] of filesByVersion(files, canonicalName)) {
    if (specifierSetContains(specifier, version, { prereleases: true })) admitted.push(...candidatesOfVersion(files, canonicalName, target, policy.formats, version, group));
  }
  // In the index's order, as if every file had been evaluated in turn.
  const candidates = admitted.sort((a, b) => a.position - b.position).map((p) => p.candidate);
  // pip: specifier.filter(versions, prereleases=allow_all_prereleases or None).
  const allowedVersions = new Set(
    filterVersions(specifier, [...new Set(candidates.map((c) => c.version))], policy.pre ? { prereleases: true } : {}),
  );
  const allowed = candidates.filter((c) => allowedVersions.has(c.version));
  // pip sorts ascending (stable) and walks the list backwards, so among equal keys the file the index
  // lists last wins (e.g. py3-none-any and py2.py3-none-any wheels of one version).
  // Each version parsed once for the sort (the comparator runs m·log m times).
  const parsed = new Map<string, Version>();
  for (const c of allowed) if (!parsed.has(c.version)) parsed.set(c.version, parseVersion(c.version) as Version);
  const ordered = [...allowed].sort((a, b) => compareSortKeys(a, b, policy.preferBinary, parsed)).reverse();
  // PEP 592 as pip implements it (resolution/resolvelib/factory.py): yanked files are skipped unless
  // every applicable file is yanked and a clause pins a version with == (not a wildcard) or ===.
  const allYanked = ordered.length > 0 && ordered.every((c) => c.file.yanked !== false);
  const usable = allYanked && pinsExactVersion(specifier) ? ordered : ordered.filter((c) => c.file.yanked === false);
  return { chosen: usable[0] ?? null, applicable: usable };
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
