import type { IndexFile } from "@/lib/index";
import { filterVersions, parseVersion, pinsExactVersion, specifierSetContains, type SpecifierSet, type Version } from "@/lib/pep440";
import { candidatesOfVersion, filesByVersion, type Candidate, type PositionedCandidate, type TargetTags } from "./candidates";
import { compareSortKeys, type ChoicePolicy } from "./choose";

// The eager form of pip's choice, as Basewise computed it before the lazy one in choose.ts (every
// admitted file evaluated, then filtered and sorted as pip does): the oracle the lazy form is checked
// against, on hand-made and on real projects.

export function selectCandidateEager(
  files: readonly IndexFile[],
  canonicalName: string,
  specifier: SpecifierSet,
  target: TargetTags,
  policy: ChoicePolicy,
): { chosen: Candidate | null; applicable: Candidate[] } {
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

