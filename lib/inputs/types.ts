/**
 * The input formats Basewise reads, and what reading one yields. Every format becomes the same
 * RequirementsFile the requirements.txt parser returns (requirements with their line in the original
 * file, diagnostics with lines, pip options), so the engine has one input type.
 * Browser-safe: no node: imports (the page detects the kind while a person types or drops files).
 */
import type { RequirementsFile } from "@/lib/requirements-file";

/** Every input format, by a stable code. */
export const INPUT_KINDS = ["requirements", "pyproject", "uv-lock", "poetry-lock", "pdm-lock", "pipfile-lock", "pylock"] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** Lock formats: one pinned version per package (per marker fork), analysed as written, never re-resolved. */
export const LOCK_KINDS = ["uv-lock", "poetry-lock", "pdm-lock", "pipfile-lock", "pylock"] as const satisfies readonly InputKind[];
export type LockKind = (typeof LOCK_KINDS)[number];

/** One file as given: pasted (no name), dropped or named on the command line. */
export interface InputFile {
  /** The file's base name when known ("uv.lock", "requirements/dev.txt"); null for pasted text. */
  name: string | null;
  text: string;
}

/** What the person chose about the input. */
export interface InputChoices {
  /** Overrides the detected kind. */
  kind?: InputKind;
  /** pyproject.toml: `[project.optional-dependencies]` extras (or Poetry extras) to include. */
  extras?: string[];
  /** pyproject.toml: PEP 735 `[dependency-groups]` (or Poetry groups) to include; lock files: the groups whose packages are installed. */
  groups?: string[];
}

/** A Poetry constraint rewritten as PEP 440, shown to the person beside the requirement. */
export interface ConstraintTranslation {
  line: number;
  name: string;
  /** As written, e.g. "^1.2". */
  from: string;
  /** The PEP 440 specifier set it means, e.g. ">=1.2,<2.0". */
  to: string;
}

/** What a lock file says about itself and its pins. */
export interface LockSummary {
  kind: LockKind;
  /** The lock's format version as written (uv.lock `version`, poetry.lock `lock-version`, pylock `lock-version`…), null when absent. */
  formatVersion: string | null;
  /** The tool that wrote it, when the file names it (pylock `created-by`, pdm/poetry headers). */
  createdBy: string | null;
  /** `requires-python` recorded by the lock, null when absent. */
  requiresPython: string | null;
  /** Pinned packages in the file (before markers choose per image). */
  pins: number;
  /** Environments the lock was resolved for, as PEP 508 markers (uv `environments`/`resolution-markers`, pylock `environments`); empty when not recorded. */
  environments: string[];
}

export interface ReadInput {
  /** The kind read: the person's choice, else the detected one. */
  kind: InputKind;
  /** What detection said from the name and the content. */
  detected: InputKind;
  /** The requirements every later layer analyses; lines refer to the main file. */
  file: RequirementsFile;
  /** Lock files only. */
  lock: LockSummary | null;
  translations: ConstraintTranslation[];
  /** Extras and groups the file offers (pyproject) or records (locks), for the person to choose from. */
  available: { extras: string[]; groups: string[] };
}

export type ReadInputResult = { ok: true; input: ReadInput } | { ok: false; error: string };
