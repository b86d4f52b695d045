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

export function evaluateFiles(
  files: readonly IndexFile[],
  canonicalName: string,
  target: TargetTags,
  formats: readonly DistributionFormat[],
): { candidates: Candidate[]; dropped: Dropped[] } {
  const candidates: Candidate[] = [];
  const dropped: Dropped[] = [];
  for (const file of files) {
    const evaluated = evaluateFile(file, canonicalName, target, formats);
    if ("why" in evaluated) dropped.push(evaluated);
    else candidates.push(evaluated);
  }
  return { candidates, dropped };
}

function evaluateFile(
  file: IndexFile,
  canonicalName: string,
  target: TargetTags,
  formats: readonly DistributionFormat[],
): Candidate | Dropped {
  const drop = (why: Dropped["why"], version: string | null = null, wheel: WheelFilename | null = null): Dropped => ({ file, version, why, wheel });
  let candidate: Candidate;
  if (file.filename.toLowerCase().endsWith(".whl")) {
    const wheel = parseWheelFilename(file.filename);
    if (!wheel) return drop("unsupported-format");
    if (wheel.name !== canonicalName) return drop("other-project", wheel.version, wheel);
    if (!parseVersion(wheel.version)) return drop("invalid-version", wheel.version, wheel);
    if (!formats.includes("binary")) return drop("binary-not-allowed", wheel.version, wheel);
    let best: { tag: string; priority: number } | null = null;
    for (const tag of wheel.tags) {
      const text = tagToString(tag);
      const priority = target.priority.get(text);
      if (priority !== undefined && (best === null || priority < best.priority)) best = { tag: text, priority };
    }
    if (!best) return drop("incompatible-wheel", wheel.version, wheel);
    candidate = { file, version: wheel.version, kind: "wheel", tag: best.tag, priority: best.priority, build: wheel.build };
  } else {
    // pip splits name and version at the first "-" whose prefix is the project's name. Current pip
    // (packaging ≥ 22) skips non-PEP 440 versions; pip 23.2 still sorted them below all valid ones.
    const sdist = parseSdistFilename(file.filename, canonicalName);
    if (!sdist) return drop(SDIST_EXTENSIONS.some((ext) => file.filename.endsWith(ext)) ? "invalid-version" : "unsupported-format");
    const version = sdist.version;
    if (!formats.includes("source")) return drop("source-not-allowed", version);
    candidate = { file, version, kind: "sdist", tag: null, priority: Number.POSITIVE_INFINITY, build: null };
  }
  if (!requiresPythonAdmits(file.requiresPython, target.pythonFullVersion)) return drop("requires-python", candidate.version);
  return candidate;
}

/** pip ignores a Requires-Python it cannot parse (and logs it), so only a valid one can exclude a file. */
export function requiresPythonAdmits(requiresPython: string | null, pythonFullVersion: string): boolean {
  if (!requiresPython || !requiresPython.trim()) return true;
  const parsed = parseSpecifierSet(requiresPython);
  if (!parsed.ok) return true;
  return specifierSetContains(parsed.value, pythonFullVersion);
}
