import { compareVersions, filterVersions, isPrerelease, type SpecifierSet } from "@/lib/pep440";
import { closestMiss, type MissReason, type RankedTag, type RankedTags, type TagTarget, type WheelFilename } from "@/lib/tags";
import type { Candidate, Evaluated } from "./candidates";
import type { ChoicePolicy } from "./choose";
import { matchedTag } from "./matched-tag";

// Why pip builds from source (the closest wheel that did not fit) and which version would not.
// Each function reads the evaluation of all the project's files, not only those the specifier admits.

export type Miss = MissReason | { kind: "no-wheels" | "binary-not-allowed"; detail: string };

export interface WheelAlternative {
  version: string;
  filename: string;
  tag: string;
  /** The same tag as a value, one of the target's ranked tags; `tag` is its printed form. */
  matchedTag: RankedTag | null;
  /** True when the version also satisfies the requirement as written. */
  satisfiesSpecifier: boolean;
}

export function explainSdist(evaluated: Evaluated, version: string, tagTarget: TagTarget): Miss {
  const sameVersion = evaluated.dropped.filter((d) => d.version !== null && d.version === version && d.wheel);
  if (sameVersion.some((d) => d.why === "binary-not-allowed")) {
    return { kind: "binary-not-allowed", detail: "--no-binary is set for this package, so pip builds it from source." };
  }
  const wheels = sameVersion.filter((d) => d.why === "incompatible-wheel").map((d) => d.wheel as WheelFilename);
  return closestMiss(wheels, tagTarget);
}

/**
 * The version nearest to the chosen one that this target would install from a wheel: the newest one
 * the specifier allows (what --prefer-binary would take), else the closest one overall, newer on a tie.
 * ranked: the tags of the target `evaluated` was made for, to give the wheel's tag as a value.
 */
export function nearestWheel(evaluated: Evaluated, specifier: SpecifierSet, policy: ChoicePolicy, pivot: string | null, ranked: RankedTags): WheelAlternative | null {
  const wheels = evaluated.candidates.filter((c) => c.kind === "wheel" && c.file.yanked === false);
  const versions = [...new Set(wheels.map((c) => c.version))];
  const allowed = filterVersions(specifier, versions, policy.pre ? { prereleases: true } : {});
  if (allowed.length > 0) {
    const newest = allowed.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
    return alternative(bestWheel(wheels, newest), true, ranked);
  }
  const finals = versions.filter((v) => policy.pre || !isPrerelease(v));
  if (finals.length === 0) return null;
  if (!pivot) return alternative(bestWheel(wheels, finals.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b))), false, ranked);
  const ordered = [...new Set([...finals, pivot])].sort(compareVersions);
  const at = ordered.indexOf(pivot);
  const newer = ordered[at + 1];
  const older = at > 0 ? ordered[at - 1] : undefined;
  // Only distance in release order is meaningful across version schemes; prefer the newer on a tie.
  const pick = newer ?? older;
  return pick ? alternative(bestWheel(wheels, pick), false, ranked) : null;
}

function bestWheel(wheels: readonly Candidate[], version: string): Candidate {
  return wheels.filter((c) => c.version === version).reduce((a, b) => (b.priority < a.priority ? b : a));
}

function alternative(candidate: Candidate, satisfiesSpecifier: boolean, ranked: RankedTags): WheelAlternative {
  return { version: candidate.version, filename: candidate.file.filename, tag: candidate.tag ?? "", matchedTag: matchedTag(candidate, ranked), satisfiesSpecifier };
}

/** Why nothing is installable, as a code from a closed set (the sentence below says the same in words). */
export type NothingInstallableCode =
  | "no-files"
  | "no-compatible-wheel"
  | "requires-python"
  | "only-binary"
  | "no-binary"
  | "no-usable-file"
  | "only-yanked"
  | "no-matching-version";

/** The first reason explainNothingInstallable gives, as a code. */
export function nothingInstallableCode(evaluated: Evaluated, specifier: SpecifierSet, policy: ChoicePolicy): NothingInstallableCode {
  const { candidates, dropped } = evaluated;
  if (candidates.length === 0 && dropped.length === 0) return "no-files";
  if (candidates.length === 0) {
    const why = new Set(dropped.map((d) => d.why));
    if (why.has("incompatible-wheel")) return "no-compatible-wheel";
    if (why.has("requires-python")) return "requires-python";
    if (why.has("source-not-allowed")) return "only-binary";
    if (why.has("binary-not-allowed")) return "no-binary";
    return "no-usable-file";
  }
  const versions = [...new Set(candidates.map((c) => c.version))];
  return filterVersions(specifier, versions, policy.pre ? { prereleases: true } : {}).length > 0 ? "only-yanked" : "no-matching-version";
}

/** Why no file at all is installable, in the words a person needs to fix it. */
export function explainNothingInstallable(evaluated: Evaluated, specifier: SpecifierSet, pythonVersion: string, policy: ChoicePolicy): string {
  const { candidates, dropped } = evaluated;
  if (candidates.length === 0 && dropped.length === 0) return "The package index lists no files for this project.";
  if (candidates.length === 0) {
    const why = new Set(dropped.map((d) => d.why));
    const parts: string[] = [];
    if (why.has("incompatible-wheel")) parts.push("its wheels are all for other platforms or Pythons");
    if (why.has("requires-python")) parts.push(`its files that could fit declare a Requires-Python that excludes ${pythonVersion}`);
    if (why.has("source-not-allowed")) parts.push("--only-binary forbids building its source distributions");
    if (why.has("binary-not-allowed")) parts.push("--no-binary forbids its wheels");
    if (parts.length === 0) parts.push("none of its files is a wheel or source distribution pip can use");
    return `Nothing installable on this image: ${parts.join("; ")}.`;
  }
  const versions = [...new Set(candidates.map((c) => c.version))].sort(compareVersions);
  const newest = versions.slice(-3).join(", ");
  // packaging's filter falls back to pre-releases when no final release matches, so a match that pip
  // still rejects can only be yanked.
  if (filterVersions(specifier, versions, policy.pre ? { prereleases: true } : {}).length > 0) return `Every file matching "${specifier.text}" is yanked; pip uses a yanked file only for an exact == pin.`;
  return `No installable version matches "${specifier.text}" on this image. Newest installable here: ${newest}.`;
}
