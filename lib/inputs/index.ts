/**
 * Every input format Basewise reads, read into the one RequirementsFile the engine analyses.
 * Browser-safe (no node: imports): the page detects and reads while a person types or drops files.
 */
import type { RequirementsFile } from "@/lib/requirements-file";
import { detectInputKind } from "./detect";
import { tooManyError } from "./entries";
import { inputTooLarge } from "./limits";
import { readLock } from "./locks";
import { readPyproject } from "./pyproject";
import { readRequirements } from "./requirements";
import type { InputChoices, InputFile, ReadInputResult } from "./types";

export { detectInputKind, kindFromContent, kindFromName } from "./detect";
export { translatePoetryConstraint, pythonConstraintMarker } from "./poetry-constraint";
export * from "./types";
export { inputTooLarge, maxInputBytes } from "./limits";

/**
 * Reads `main` as `choices.kind` (else as detected). `others` are files given with it: a
 * requirements file's `-r`/`-c` lines are followed into them. Oversized input is refused whole, as
 * for requirements files; anything else malformed becomes diagnostics with line numbers.
 */
export function readInput(main: InputFile, others: readonly InputFile[], choices: InputChoices): ReadInputResult {
  const detected = detectInputKind(main);
  const kind = choices.kind ?? detected;
  const tooLarge = inputTooLarge(main.text, kind);
  if (tooLarge) return { ok: false, error: tooLarge };
  const none = { extras: [], groups: [] };

  if (kind === "requirements") {
    const read = readRequirements(main, others);
    if (!read.ok) return read;
    return { ok: true, input: { kind, detected, file: read.file, lock: null, translations: [], available: none } };
  }
  if (kind === "pyproject") {
    const read = readPyproject(main.text, choices);
    if (read.builder.tooMany) return { ok: false, error: tooManyError() };
    sortDiagnostics(read.builder.file);
    return { ok: true, input: { kind, detected, file: read.builder.file, lock: null, translations: read.translations, available: read.available } };
  }
  const read = readLock(kind, main.text, choices);
  if (read.builder.tooMany) return { ok: false, error: tooManyError() };
  sortDiagnostics(read.builder.file);
  return { ok: true, input: { kind, detected, file: read.builder.file, lock: read.lock, translations: [], available: read.available } };
}

/** Diagnostics in line order (stable: one line's keep the order they were found in). */
function sortDiagnostics(file: RequirementsFile): void {
  file.diagnostics.sort((a, b) => a.line - b.line);
}
