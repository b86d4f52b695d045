import { evaluateMarker, markerToString } from "@/lib/pep508";
import { LOCK_KINDS, readInput, type LockKind, type ReadInput } from "@/lib/inputs";
import type { RequirementEntry, RequirementsFile } from "@/lib/requirements-file";
import { markerEnvironment, type Target } from "@/lib/targets";
import { requestParameters } from "@/lib/contract/request";
import type { AnalysisInput, AnalyzeInput, LockPin, LockSelection } from "./types";

// The analysis's input part: which file the request carries (its kind given or detected, the files
// given with it, the extras and groups chosen), read by lib/inputs into the one RequirementsFile the
// engine analyses; and, for a lock file, what its markers choose on each image.

export interface ReadAnalysisInput {
  file: RequirementsFile;
  /** A lock file: its pins are analysed as written (each image takes those its markers select), never re-resolved. */
  locked: boolean;
  /** What the report says about the input. */
  summary: AnalysisInput;
}

export function readAnalysisInput(request: AnalyzeInput): { ok: true; input: ReadAnalysisInput } | { ok: false; error: string } {
  const { input } = requestParameters(request);
  const read = readInput(
    { name: input.fileName, text: request.requirements },
    input.files.map(({ name, text }) => ({ name, text })),
    { ...(input.kind ? { kind: input.kind } : {}), extras: input.extras, groups: input.groups },
  );
  if (!read.ok) return read;
  const locked = isLockKind(read.input.kind);
  return { ok: true, input: { file: read.input.file, locked, summary: summaryOf(read.input, input.fileName, input.files.map((f) => f.name), input.extras, input.groups) } };
}

function isLockKind(kind: string): kind is LockKind {
  return (LOCK_KINDS as readonly string[]).includes(kind);
}

function summaryOf(read: ReadInput, fileName: string | null, files: string[], extras: string[], groups: string[]): AnalysisInput {
  return {
    kind: read.kind,
    detectedKind: read.detected,
    fileName,
    files,
    lock: read.lock,
    translations: read.translations,
    // What was chosen and the file offers; a choice the file does not offer is kept, so the person sees it did nothing.
    extras: { chosen: extras, available: read.available.extras },
    groups: { chosen: groups, available: read.available.groups },
  };
}

/**
 * For a lock file, per target (in the order given): the pins its markers skip there, and the pins
 * they select there but not on some other target, with the targets that do not take them. Markers
 * only, no index: known before any target is analysed, so each target's part of the report is final
 * as soon as that target is.
 */
export function lockSelections(file: RequirementsFile, targets: readonly Target[]): LockSelection[] {
  const pins = file.requirements.filter((entry) => !entry.file);
  const selected = targets.map((target) => {
    const environment = markerEnvironment(target);
    // A lock's top-level markers are evaluated with no extra active, as pip evaluates requirements.
    return new Set(pins.filter((entry) => !entry.requirement?.marker || evaluateMarker(entry.requirement.marker, environment, [])));
  });
  return targets.map((_, i) => {
    const here = selected[i] as Set<RequirementEntry>;
    const skipped = pins.filter((pin) => !here.has(pin)).map(lockPin);
    const differing = pins
      .filter((pin) => here.has(pin))
      .map((pin) => ({ pin, notOn: targets.filter((_, j) => j !== i && !(selected[j] as Set<RequirementEntry>).has(pin)) }))
      .filter(({ notOn }) => notOn.length > 0)
      .map(({ pin, notOn }) => ({ ...lockPin(pin), notOn: notOn.map((t) => ({ base: t.image.reference, arch: t.arch })) }));
    return { skipped, differing };
  });
}

function lockPin(entry: RequirementEntry): LockPin {
  const marker = entry.requirement?.marker;
  return { name: entry.name ?? entry.text, version: pinnedVersion(entry), line: entry.line, marker: marker ? markerToString(marker) : null };
}

/** The version a `name==version` pin names; null for anything else (a URL, a range). */
function pinnedVersion(entry: RequirementEntry): string | null {
  const text = entry.requirement?.specifier.text ?? "";
  const match = /^===?\s*([^,;\s*]+)$/.exec(text.trim());
  return match ? (match[1] as string) : null;
}
