import type { IndexFile, ProjectFailureReason, ProjectResult } from "@/lib/index";
import type { SpecifierSet } from "@/lib/pep440";
import { rankedTags, type RankedTag, type TagTarget } from "@/lib/tags";
import { evaluateFiles, type Candidate, type Evaluated, type TargetTags } from "./candidates";
import { selectCandidate, type ChoicePolicy } from "./choose";
import { explainNothingInstallable, explainSdist, nearestWheel, nothingInstallableCode, type Miss, type NothingInstallableCode, type WheelAlternative } from "./explain";
import { matchedTag } from "./matched-tag";

// One requirement on one target: what pip installs, whether that means building from source, and why.

export interface PackageVerdict {
  /** PEP 503 normal form. */
  name: string;
  /** wheel / sdist: pip's file; none: nothing installable; unknown: the index could not tell us; direct: a source URL or path pip builds, not from the index. */
  status: "wheel" | "sdist" | "none" | "unknown" | "direct";
  kind: "wheel" | "sdist" | null;
  version: string | null;
  filename: string | null;
  /** pip's file as the index lists it (wheel or sdist); null when there is none, or for a direct reference (not from the index). */
  file: IndexFile | null;
  /** The compatibility tag the wheel matched, e.g. "cp312-cp312-manylinux_2_17_x86_64". */
  tag: string | null;
  /**
   * The same tag as a value: one of the target's own ranked tags (interpreter, ABI, platform, priority),
   * set exactly when `tag` is, and `tag` is its printed form.
   */
  matchedTag: RankedTag | null;
  /** pip builds this package from source on this image. */
  compiles: boolean;
  reason: string;
  /**
   * Why, as a code, when the status is none or unknown (null for a wheel, a build or a direct
   * reference): what the presentation layer branches on, never the reason's words.
   */
  code?: VerdictCode | null;
  /** For sdists: the closest wheel that did not fit. */
  miss: Miss | null;
  /** For sdists and dead ends: the nearest version that installs from a wheel here. */
  alternative: WheelAlternative | null;
  /** Download size in bytes from the index (PEP 700), null when the index does not say. */
  sizeBytes: number | null;
  /**
   * For sdists: the same release's wheel for another platform (a Linux one of the same machine
   * first), whose size stands in for what the local build installs. Absent when there is none.
   */
  sizeHint?: { filename: string; bytes: number };
}

/**
 * none: why nothing installs (NothingInstallableCode), or "unsupported-wheel" for a direct wheel
 * reference pip refuses here. unknown: why the index could not say (its ProjectFailureReason), or
 * "not-asked" when the project was never fetched.
 */
export type VerdictCode = NothingInstallableCode | "unsupported-wheel" | ProjectFailureReason | "not-asked";

export interface VerdictContext {
  tags: TargetTags;
  tagTarget: TagTarget;
  policy: ChoicePolicy;
}

export function verdictFor(name: string, specifier: SpecifierSet, project: ProjectResult, context: VerdictContext): PackageVerdict {
  if (!project.ok) return unknownVerdict(name, project.message, project.reason);
  const { chosen } = selectCandidate(project.page.files, name, specifier, context.tags, context.policy);
  if (!chosen) {
    // Explaining needs every file, not only the versions the specifier admits.
    const everything = evaluateFiles(project.page.files, name, context.tags, context.policy.formats);
    const alternative = nearestWheel(everything, specifier, context.policy, null, rankedTags(context.tagTarget));
    return {
      ...NOTHING, name, status: "none", alternative,
      code: nothingInstallableCode(everything, specifier, context.policy),
      reason: explainNothingInstallable(everything, specifier, context.tagTarget.pythonVersion, context.policy),
    };
  }
  return describeChoice(name, { ...chosen, tag: matchedTag(chosen, rankedTags(context.tagTarget)) }, specifier, project.page.files, context);
}

/** The index could not answer for the project. */
export function unknownVerdict(name: string, why: string, code: ProjectFailureReason | "not-asked"): PackageVerdict {
  return { ...NOTHING, name, status: "unknown", code, reason: `unknown: ${why}` };
}

/** The file pip chose, classified: for a wheel, the target's tag it matched (see matchedTag). */
export interface ChosenFile extends Pick<Candidate, "version" | "file" | "kind"> {
  tag: RankedTag | null;
}

/** What installing the chosen file means here: a wheel, or a build from source and why. */
export function describeChoice(name: string, chosen: ChosenFile, specifier: SpecifierSet, files: readonly IndexFile[], context: VerdictContext): PackageVerdict {
  if (chosen.kind === "wheel" && chosen.tag !== null) {
    return {
      name, version: chosen.version, filename: chosen.file.filename, file: chosen.file, sizeBytes: chosen.file.size,
      status: "wheel", kind: "wheel", tag: chosen.tag.text, matchedTag: chosen.tag, compiles: false, code: null, miss: null, alternative: null,
      reason: `pip installs the ${chosen.tag.text} wheel of ${chosen.version}.`,
    };
  }
  if (chosen.kind === "wheel") throw new Error(`${chosen.file.filename} was chosen as a wheel without the tag it matched`);
  const everything = evaluateFiles(files, name, context.tags, context.policy.formats);
  const miss = explainSdist(everything, chosen.version, context.tagTarget);
  const alternative = nearestWheel(everything, specifier, context.policy, chosen.version, rankedTags(context.tagTarget));
  const sizeHint = sameReleaseWheelSize(everything, chosen.version, context.tagTarget.arch);
  return {
    name, version: chosen.version, filename: chosen.file.filename, file: chosen.file, sizeBytes: chosen.file.size,
    status: "sdist", kind: "sdist", tag: null, matchedTag: null, compiles: true, code: null, miss, alternative,
    ...(sizeHint ? { sizeHint } : {}),
    reason:
      `pip builds ${chosen.version} from source: ${miss.detail}` +
      // pip takes the newest allowed version even when an older one has a wheel here (unless --prefer-binary).
      (alternative?.satisfiesSpecifier ? ` ${alternative.version} would install from a wheel and also satisfies the requirement.` : ""),
  };
}

// A wheel of the same release for another platform: Linux on the same machine first, then any Linux,
// then anything with a size. Its size is the closest published figure for what a local build installs.
function sameReleaseWheelSize(evaluated: Evaluated, version: string, machine: string): { filename: string; bytes: number } | undefined {
  const wheels = evaluated.dropped.filter((d) => d.version === version && d.wheel && d.file.size !== null);
  const rank = (filename: string) => (filename.includes("linux") ? (filename.includes(machine) ? 0 : 1) : 2);
  const best = wheels.map((d) => d.file).sort((a, b) => rank(a.filename) - rank(b.filename) || a.filename.localeCompare(b.filename))[0];
  return best && best.size !== null ? { filename: best.filename, bytes: best.size } : undefined;
}

const NOTHING = { kind: null, version: null, filename: null, file: null, tag: null, matchedTag: null, compiles: false, code: null, miss: null, alternative: null, sizeBytes: null } as const;
