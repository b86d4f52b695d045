/**
 * The result of parsing text a person wrote: either the value, or a reason
 * written for that person (never a stack trace). Shared by lib/pep440 and
 * lib/pep508 so errors travel in the report as plain values.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function parsedValue<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function parseFailure<T>(error: string): Parsed<T> {
  return { ok: false, error };
}

/** Shortens user text quoted in a message, so a pasted megabyte does not come back. */
export function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
