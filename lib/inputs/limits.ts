// Bounds of lib/inputs beyond the requirements file's own (its byte limit, MAX_REQUIREMENTS and line
// length apply to every input: lib/requirements-file/limits.ts).

/** -r/-c nesting and PEP 735 include-group nesting. pip has no limit; real files nest 2–3 deep. */
export const MAX_INCLUDE_DEPTH = 16;

/** Files read through -r/-c for one input (each at most the byte limit). */
export const MAX_INCLUDED_FILES = 32;

/** Packages read from one lock file; a lock with more is read up to here, with an error. */
export const MAX_LOCK_PACKAGES = 5000;
