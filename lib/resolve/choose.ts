import type { IndexFile } from "@/lib/index";
import { compareVersions, filterVersions, pinsExactVersion, type SpecifierSet } from "@/lib/pep440";
import type { DistributionFormat } from "@/lib/requirements-file";
import { evaluateFiles, type Candidate, type Dropped, type TargetTags } from "./candidates";

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
  /** Files that passed the LinkEvaluator, before the specifier. */
  candidates: Candidate[];
  dropped: Dropped[];
}

export function selectCandidate(
  files: readonly IndexFile[],
  canonicalName: string,
  specifier: SpecifierSet,
  target: TargetTags,
  policy: ChoicePolicy,
): Selection {
  const { candidates, dropped } = evaluateFiles(files, canonicalName, target, policy.formats);
  // pip: specifier.filter(versions, prereleases=allow_all_prereleases or None).
  const allowedVersions = new Set(
    filterVersions(specifier, [...new Set(candidates.map((c) => c.version))], policy.pre ? { prereleases: true } : {}),
  );
  const allowed = candidates.filter((c) => allowedVersions.has(c.version));
  const ordered = [...allowed].sort((a, b) => compareSortKeys(b, a, policy.preferBinary));
  // PEP 592 as pip implements it (resolution/resolvelib/factory.py): yanked files are skipped unless
  // every applicable file is yanked and a clause pins a version with == (not a wildcard) or ===.
  const allYanked = ordered.length > 0 && ordered.every((c) => c.file.yanked !== false);
  const usable = allYanked && pinsExactVersion(specifier) ? ordered : ordered.filter((c) => c.file.yanked === false);
  return { chosen: usable[0] ?? null, applicable: usable, candidates, dropped };
}

/** pip's CandidateEvaluator._sort_key, compared ascending (the best candidate is the maximum). */
export function compareSortKeys(a: Candidate, b: Candidate, preferBinary: boolean): number {
  const yanked = Number(a.file.yanked === false) - Number(b.file.yanked === false);
  if (yanked !== 0) return yanked;
  if (preferBinary) {
    const binary = Number(a.kind === "wheel") - Number(b.kind === "wheel");
    if (binary !== 0) return binary;
  }
  const version = compareVersions(a.version, b.version);
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
