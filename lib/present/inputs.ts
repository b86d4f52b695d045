import type { Report, ReportInput, TargetLock } from "@/lib/contract/report";
import type { InputKind } from "@/lib/inputs/types";
import { counted, listed } from "./format";

// Words for the input: what kind of file was read (and what was detected), what a lock says about
// itself, Poetry's constraints as PEP 440, and what a lock's markers choose on each image. The page,
// the Markdown export and the CLI say the same things.

/** Each input kind as a person names the file. */
export const INPUT_KIND_LABEL: Readonly<Record<InputKind, string>> = {
  requirements: "requirements.txt",
  pyproject: "pyproject.toml",
  "uv-lock": "uv.lock",
  "poetry-lock": "poetry.lock",
  "pdm-lock": "pdm.lock",
  "pipfile-lock": "Pipfile.lock",
  pylock: "pylock.toml (PEP 751)",
};

/** What was read, and what detection said when the person chose another kind. */
export function inputKindLine(input: Pick<ReportInput, "kind" | "detectedKind" | "fileName">): string {
  const read = `Read as ${INPUT_KIND_LABEL[input.kind]}`;
  // "uv.lock" read as uv.lock needs no name beside it; "requirements/dev.txt" does.
  const name = input.fileName && !INPUT_KIND_LABEL[input.kind].startsWith(`${input.fileName} `) && input.fileName !== INPUT_KIND_LABEL[input.kind] ? ` (${input.fileName})` : "";
  if (input.kind === input.detectedKind) return `${read}${name}.`;
  return `${read}${name}, as chosen; Basewise recognised ${INPUT_KIND_LABEL[input.detectedKind]}.`;
}

/** How a locked analysis differs from a resolved one, in one sentence. */
export const LOCKED_MODE_NOTE = "The lock's pins are analysed as written: each image takes the pins its markers select, and nothing is re-resolved (like pip install --no-deps of the whole pinned set).";

/** The lock file in one line: its format, the tool, its pins and the Python it was made for. */
export function lockSummaryLine(lock: NonNullable<ReportInput["lock"]>): string {
  const parts = [
    `${INPUT_KIND_LABEL[lock.kind]}${lock.formatVersion ? ` format ${lock.formatVersion}` : ""}`,
    lock.createdBy ? `written by ${lock.createdBy}` : null,
    counted(lock.pins, "pinned package"),
    lock.requiresPython ? `requires-python ${lock.requiresPython}` : null,
  ].filter((part): part is string => part !== null);
  return `${parts.join(" · ")}.`;
}

/** The environments the lock was resolved for, when it records them. */
export function lockEnvironmentsLine(lock: NonNullable<ReportInput["lock"]>): string | null {
  if (lock.environments.length === 0) return null;
  return `Resolved for: ${lock.environments.join("; ")}.`;
}

/** One Poetry constraint and the PEP 440 it means. */
export function translationLine(t: ReportInput["translations"][number]): string {
  return `line ${t.line}: ${t.name} ${t.from} means ${t.to}`;
}

/** Extras or groups: what was chosen of what the file offers. */
export function choiceLine(what: "extras" | "groups", choice: ReportInput["extras"]): string | null {
  if (choice.available.length === 0 && choice.chosen.length === 0) return null;
  const noun = what === "extras" ? "Extras" : "Dependency groups";
  const chosen = choice.chosen.length ? listed(choice.chosen) : "none";
  const offered = choice.available.length ? listed(choice.available) : "none";
  return `${noun} included: ${chosen} (the file offers ${offered}).`;
}

function pinLabel(pin: { name: string; version: string | null }): string {
  return pin.version ? `${pin.name} ${pin.version}` : pin.name;
}

/** A pin the lock's markers skip on this image. */
export function lockSkippedLine(pin: TargetLock["skipped"][number]): string {
  return `${pinLabel(pin)} (line ${pin.line}) is skipped here: its marker ${pin.marker ?? "(none)"} is false.`;
}

/** A pin selected here but not on some other analysed image. */
export function lockDifferingLine(pin: TargetLock["differing"][number]): string {
  const elsewhere = listed(pin.notOn.map((t) => `${t.base} ${t.arch}`));
  return `${pinLabel(pin)} (line ${pin.line}) is installed here${pin.marker ? ` (${pin.marker})` : ""} but not on ${elsewhere}.`;
}

/** Whether the lock's markers choose other packages on some images than on others. */
export function lockSelectsDifferently(report: Pick<Report, "targets">): boolean {
  return report.targets.some((t) => (t.lock?.differing.length ?? 0) > 0);
}

/** The heading of one image's lock differences. */
export function lockTargetHeading(target: { base: string; arch: string; lock: TargetLock | null }): string {
  const lock = target.lock;
  if (!lock) return `${target.base} ${target.arch}`;
  return `${target.base} ${target.arch}: ${counted(lock.differing.length, "pin")} only some images take, ${counted(lock.skipped.length, "pin")} skipped`;
}
