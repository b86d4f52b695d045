// Bounds of lib/inputs beyond the requirements file's own (its byte limit, MAX_REQUIREMENTS and line
// length apply to every input: lib/requirements-file/limits.ts).

/** -r/-c nesting and PEP 735 include-group nesting. pip has no limit; real files nest 2–3 deep. */
export const MAX_INCLUDE_DEPTH = 16;

/** Files read through -r/-c for one input (each at most the byte limit). */
export const MAX_INCLUDED_FILES = 32;

/**
 * Packages read from one lock file; a lock with more is read up to here, with an error. The
 * requirement cap (MAX_REQUIREMENTS, 2000) applies to the pins it yields in any case, and within the
 * 256 KiB byte limit a real lock (0.5–4 KB per package with its file list) has a few hundred at most.
 */
export const MAX_LOCK_PACKAGES = 1000;
