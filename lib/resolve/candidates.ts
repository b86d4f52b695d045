import type { IndexFile } from "@/lib/index";
import { parseSpecifierSet, parseVersion, specifierSetContains } from "@/lib/pep440";
import type { DistributionFormat } from "@/lib/requirements-file";
import { parseSdistFilename, parseWheelFilename, SDIST_EXTENSIONS, tagToString, type WheelFilename } from "@/lib/tags";

// Turns a project's index files into the candidates pip's LinkEvaluator would keep for one target
// (pip/_internal/index/package_finder.py), remembering why each other file was dropped.

export interface TargetTags {
  /** Tag string → priority (index in the target's ordered tag list; lower is better). */
  priority: ReadonlyMap<string, number>;
  /** The interpreter's full version, for Requires-Python (pip checks sys.version_info[:3]). */
  pythonFullVersion: string;
}

export interface Candidate {
  file: IndexFile;
  version: string;
  kind: "wheel" | "sdist";
  /** For wheels: the best matching tag and its priority. */
  tag: string | null;
  priority: number;
  /** pip compares build tags as (number, rest). */
  build: { number: number; tag: string } | null;
}

export interface Dropped {
  file: IndexFile;
  version: string | null;
  why: "unsupported-format" | "other-project" | "invalid-version" | "incompatible-wheel" | "requires-python" | "binary-not-allowed" | "source-not-allowed";
  wheel: WheelFilename | null;
}

export interface Evaluated {
  candidates: Candidate[];
  dropped: Dropped[];
}

// Every target of an analysis (and every analysis while the index client keeps its parsed pages)
// evaluates the same file lists: the answer depends only on the list, the name, the target's tags
// and the formats allowed. TargetTags objects are interned per target (see targetTagsFor), so a
// WeakMap on them lives as long as the target does. Callers must not mutate what is returned.
const evaluatedCache = new WeakMap<readonly IndexFile[], WeakMap<TargetTags, Map<string, Evaluated>>>();

export function evaluateFiles(
  files: readonly IndexFile[],
  canonicalName: string,
  target: TargetTags,
  formats: readonly DistributionFormat[],
): Evaluated {
  let byTarget = evaluatedCache.get(files);
  if (!byTarget) evaluatedCache.set(files, (byTarget = new WeakMap()));
  let byKey = byTarget.get(target);
  if (!byKey) byTarget.set(target, (byKey = new Map()));
  const key = `${canonicalName}|${formats.join(",")}`;
  let evaluated = byKey.get(key);
  if (!evaluated) {
    evaluated = evaluateFilesUncached(files, canonicalName, target, formats);
    byKey.set(key, evaluated);
  }
  return evaluated;
}

function evaluateFilesUncached(
  files: readonly IndexFile[],
  canonicalName: string,
  target: TargetTags,
  formats: readonly DistributionFormat[],
): Evaluated {
  const candidates: Candidate[] = [];
  const dropped: Dropped[] = [];
  const facts = factsOfList(files, canonicalName);
  const bestByTags = bestTagsFor(target);
  files.forEach((file, position) => {
    const fileFacts = factsAt(facts, files, position, canonicalName);
    const evaluated = evaluateFile(file, canonicalName, fileFacts, target, bestByTags, formats);
    if (typeof evaluated === "string") dropped.push(droppedFile(file, fileFacts, evaluated));
    else candidates.push(evaluated);
  });
  return { candidates, dropped };
}

export interface PositionedCandidate {
  candidate: Candidate;
  /** The file's position in the index's list. */
  position: number;
}

// The candidates of one version's files on one target, kept per (file list, target, formats): a
// selection looks only at the versions its specifier admits, and every target and specifier after
// the first finds them evaluated.
const groupCache = new WeakMap<readonly IndexFile[], WeakMap<TargetTags, Map<string, Map<string, PositionedCandidate[]>>>>();

export function candidatesOfVersion(
  files: readonly IndexFile[],
  canonicalName: string,
  target: TargetTags,
  formats: readonly DistributionFormat[],
  version: string,
  group: readonly PositionedFile[],
): readonly PositionedCandidate[] {
  let byTarget = groupCache.get(files);
  if (!byTarget) groupCache.set(files, (byTarget = new WeakMap()));
  let byKey = byTarget.get(target);
  if (!byKey) byTarget.set(target, (byKey = new Map()));
  const key = `${canonicalName}|${formats.join(",")}`;
  let byVersion = byKey.get(key);
  if (!byVersion) byKey.set(key, (byVersion = new Map()));
  let evaluated = byVersion.get(version);
  if (!evaluated) {
    evaluated = [];
    const facts = factsOfList(files, canonicalName);
    const bestByTags = bestTagsFor(target);
    for (const { file, position } of group) {
      const outcome = evaluateFile(file, canonicalName, factsAt(facts, files, position, canonicalName), target, bestByTags, formats);
      if (typeof outcome !== "string") evaluated.push({ candidate: outcome, position });
    }
    byVersion.set(version, evaluated);
  }
  return evaluated;
}

/** What a filename says, worked out once per file and shared by every target of an analysis. */
type FileFacts =
  | { kind: "wheel"; wheel: WheelFilename; validVersion: boolean; tags: string[]; tagsKey: string }
  | { kind: "sdist"; version: string }
  | { kind: "unusable"; why: "unsupported-format" | "invalid-version" };

// One slot per file of a list (filled when the file is first evaluated), keyed by the list, which
// lives as long as the cached project page: one lookup per list rather than one per file and target.
const factsCache = new WeakMap<readonly IndexFile[], { project: string; facts: (FileFacts | undefined)[] }>();

// A project's files grouped by the version their names give, built once per file list (one list is
// shared by every target of an analysis) so each target looks only at the versions it may take.
// Each group keeps the files' positions: on equal sort keys pip takes the one listed last.
export interface PositionedFile {
  file: IndexFile;
  position: number;
}

const byVersionCache = new WeakMap<readonly IndexFile[], { project: string; groups: Map<string, PositionedFile[]> }>();

export function filesByVersion(files: readonly IndexFile[], canonicalName: string): ReadonlyMap<string, readonly PositionedFile[]> {
  const cached = byVersionCache.get(files);
  if (cached && cached.project === canonicalName) return cached.groups;
  const groups = new Map<string, PositionedFile[]>();
  files.forEach((file, position) => {
    const version = versionInFilename(file.filename, canonicalName);
    if (version === null) return;
    const group = groups.get(version);
    if (group) group.push({ file, position });
    else groups.set(version, [{ file, position }]);
  });
  byVersionCache.set(files, { project: canonicalName, groups });
  return groups;
}

// Cheap: the version field only. Whether the rest of the name is valid is checked when the file is evaluated.
function versionInFilename(filename: string, canonicalName: string): string | null {
  if (filename.toLowerCase().endsWith(".whl")) return filename.split("-")[1] ?? null;
  return parseSdistFilename(filename, canonicalName)?.version ?? null;
}

function factsOfList(files: readonly IndexFile[], canonicalName: string): (FileFacts | undefined)[] {
  const cached = factsCache.get(files);
  if (cached && cached.project === canonicalName) return cached.facts;
  const facts = new Array<FileFacts | undefined>(files.length);
  factsCache.set(files, { project: canonicalName, facts });
  return facts;
}

function factsAt(facts: (FileFacts | undefined)[], files: readonly IndexFile[], position: number, canonicalName: string): FileFacts {
  return (facts[position] ??= readFilename((files[position] as IndexFile).filename, canonicalName));
}

function readFilename(filename: string, canonicalName: string): FileFacts {
  if (filename.toLowerCase().endsWith(".whl")) {
    const wheel = parseWheelFilename(filename);
    if (!wheel) return { kind: "unusable", why: "unsupported-format" };
    const tags = wheel.tags.map(tagToString);
    return { kind: "wheel", wheel, validVersion: parseVersion(wheel.version) !== null, tags, tagsKey: tags.join(" ") };
  }
  // pip splits name and version at the first "-" whose prefix is the project's name. Current pip
  // (packaging ≥ 22) skips non-PEP 440 versions; pip 23.2 still sorted them below all valid ones.
  const sdist = parseSdistFilename(filename, canonicalName);
  if (sdist) return { kind: "sdist", version: sdist.version };
  return { kind: "unusable", why: SDIST_EXTENSIONS.some((ext) => filename.endsWith(ext)) ? "invalid-version" : "unsupported-format" };
}

type BestTags = Map<string, { tag: string; priority: number } | null>;
const bestTagCache = new WeakMap<TargetTags, BestTags>();

function bestTagsFor(target: TargetTags): BestTags {
  let bestByTags = bestTagCache.get(target);
  if (!bestByTags) bestTagCache.set(target, (bestByTags = new Map()));
  return bestByTags;
}

type DropReason = Dropped["why"];

// Returns the reason alone for a dropped file: a selection drops most files of most versions on most
// targets (580 000 evaluations in a cold 40-requirement × 12-image analysis), and only an explanation
// needs them as objects (see droppedFile).
function evaluateFile(
  file: IndexFile,
  canonicalName: string,
  facts: FileFacts,
  target: TargetTags,
  bestByTags: BestTags,
  formats: readonly DistributionFormat[],
): Candidate | DropReason {
  let candidate: Candidate;
  if (facts.kind === "unusable") return facts.why;
  if (facts.kind === "wheel") {
    const { wheel } = facts;
    if (wheel.name !== canonicalName) return "other-project";
    if (!facts.validVersion) return "invalid-version";
    if (!formats.includes("binary")) return "binary-not-allowed";
    // Every release of a project repeats the same few tag sets: the best match is worked out once per set and target.
    let best = bestByTags.get(facts.tagsKey);
    if (best === undefined) {
      best = null;
      for (const tag of facts.tags) {
        const priority = target.priority.get(tag);
        if (priority !== undefined && (best === null || priority < best.priority)) best = { tag, priority };
      }
      // Bounded like the other parse caches: distinct tag sets are few per project, many across PyPI.
      if (bestByTags.size >= 50_000) bestByTags.clear();
      bestByTags.set(facts.tagsKey, best);
    }
    if (!best) return "incompatible-wheel";
    candidate = { file, version: wheel.version, kind: "wheel", tag: best.tag, priority: best.priority, build: wheel.build };
  } else {
    if (!formats.includes("source")) return "source-not-allowed";
    candidate = { file, version: facts.version, kind: "sdist", tag: null, priority: Number.POSITIVE_INFINITY, build: null };
  }
  if (!requiresPythonAdmits(file.requiresPython, target.pythonFullVersion)) return "requires-python";
  return candidate;
}

/** A dropped file as an explanation reads it: its version and, for a wheel refused by its name's fields, the parsed name. */
function droppedFile(file: IndexFile, facts: FileFacts, why: DropReason): Dropped {
  if (facts.kind === "unusable") return { file, version: null, why, wheel: null };
  if (facts.kind === "sdist") return { file, version: facts.version, why, wheel: null };
  return { file, version: facts.wheel.version, why, wheel: why === "requires-python" ? null : facts.wheel };
}

// A project's files repeat a handful of Requires-Python strings; every target asks about them.
// Bounded like parseVersion's cache so a long-lived server cannot grow it.
const REQUIRES_PYTHON_CACHE_LIMIT = 20_000;
const requiresPythonCache = new Map<string, Map<string, boolean>>();

/** pip ignores a Requires-Python it cannot parse (and logs it), so only a valid one can exclude a file. */
export function requiresPythonAdmits(requiresPython: string | null, pythonFullVersion: string): boolean {
  if (!requiresPython) return true;
  let byPython = requiresPythonCache.get(requiresPython);
  if (!byPython) {
    if (requiresPythonCache.size >= REQUIRES_PYTHON_CACHE_LIMIT) requiresPythonCache.clear();
    requiresPythonCache.set(requiresPython, (byPython = new Map()));
  }
  let admits = byPython.get(pythonFullVersion);
  if (admits === undefined) {
    admits = requiresPythonAdmitsUncached(requiresPython, pythonFullVersion);
    byPython.set(pythonFullVersion, admits);
  }
  return admits;
}

function requiresPythonAdmitsUncached(requiresPython: string, pythonFullVersion: string): boolean {
  if (!requiresPython.trim()) return true;
  const parsed = parseSpecifierSet(requiresPython);
  if (!parsed.ok) return true;
  return specifierSetContains(parsed.value, pythonFullVersion);
}
