import { ALIAS_HISTORY, LISTED, TAG_HISTORY_END, VERSION_HISTORY } from "./tag-history";

// Questions about the past of python: tags, answered from official-images' history (tag-history.ts).
// Dates are YYYY-MM-DD strings and compare as strings.

export interface Dated<T> {
  value: T;
  /** The date of the listing that started this state. */
  from: string;
}

function parseVersions(tag: string): Dated<string>[] {
  const text = VERSION_HISTORY[tag];
  if (!text) return [];
  return text.split(", ").map((entry) => {
    const [from = "", value = ""] = entry.split(" ");
    return { from, value };
  });
}

/** The CPython the tag's last push carried, and when that push was first listed. */
export function lastListedVersion(tag: string): { version: string; from: string } | undefined {
  const last = parseVersions(tag).at(-1);
  return last ? { version: last.value, from: last.from } : undefined;
}

/** The CPython the tag carried on `date`; undefined before its first listing or for an unknown tag. */
export function versionAt(tag: string, date: string): Dated<string> | undefined {
  let found: Dated<string> | undefined;
  for (const entry of parseVersions(tag)) if (entry.from <= date) found = entry;
  return found;
}

/** When the tag was first and last listed by docker-library. */
export function listedBetween(tag: string): { first: string; last: string } | undefined {
  const listed = LISTED[tag];
  return listed ? { first: listed[0], last: listed[1] } : undefined;
}

export type AliasAt =
  | { kind: "known"; canonical: string; from: string }
  /** The alias is in the history, but `date` is before its first listing there. */
  | { kind: "before"; first: string }
  /** The history does not record this alias. */
  | { kind: "unknown" };

/** What a floating tag (without "python:") pointed at on `date`. After the history's end, its last state. */
export function aliasAt(alias: string, date: string): AliasAt {
  const history = ALIAS_HISTORY[alias];
  if (!history || history.length === 0) return { kind: "unknown" };
  let found: { canonical: string; from: string } | undefined;
  for (const [from, canonical] of history) if (from <= date) found = { canonical, from };
  if (!found) return { kind: "before", first: history[0]?.[0] ?? "" };
  return { kind: "known", ...found };
}

/** The last state of a floating tag in the history (what it still points at if upstream stopped listing it). */
export function lastAliasTarget(alias: string): { canonical: string; from: string } | undefined {
  const last = ALIAS_HISTORY[alias]?.at(-1);
  return last ? { canonical: last[1], from: last[0] } : undefined;
}

export { TAG_HISTORY_END };
