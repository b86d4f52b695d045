import { MAX_LOCK_BYTES, MAX_REQUIREMENTS_BYTES } from "@/lib/contract/request-limits";
import { requirementsTooLarge } from "@/lib/requirements-file/limits";
import { LOCK_KINDS, type InputKind } from "./types";

// Bounds of lib/inputs beyond the requirements file's own (its byte limit, MAX_REQUIREMENTS and line
// length apply to every input: lib/requirements-file/limits.ts).

/** -r/-c nesting and PEP 735 include-group nesting. pip has no limit; real files nest 2–3 deep. */
export const MAX_INCLUDE_DEPTH = 16;

/** Files read through -r/-c for one input (each at most the byte limit). */
export const MAX_INCLUDED_FILES = 32;

/**
 * Packages read from one lock file; a lock with more is read up to here, with an error. The
 * requirement cap (MAX_REQUIREMENTS, 2000) applies to the pins it yields in any case, and within the
 * 4 MiB lock limit (MAX_LOCK_BYTES) a real lock (1.5–12 KB per package with its file list) has a few
 * hundred to a thousand.
 */
export const MAX_LOCK_PACKAGES = 1000;

/** The byte limit of an input of this kind: a lock's is larger (it lists every file's URL and hash). */
export function maxInputBytes(kind: InputKind): number {
  return (LOCK_KINDS as readonly InputKind[]).includes(kind) ? MAX_LOCK_BYTES : MAX_REQUIREMENTS_BYTES;
}

/** A sentence when `text`, read as `kind`, is over its kind's byte limit; else null. */
export function inputTooLarge(text: string, kind: InputKind): string | null {
  const max = maxInputBytes(kind);
  return requirementsTooLarge(text, max, max === MAX_REQUIREMENTS_BYTES ? undefined : "The lock file");
}
