/**
 * Comma-separated specifier sets (`>=1.0,!=1.3.*,<2`) and the PEP 440
 * pre-release policy, following `packaging.specifiers.SpecifierSet` 26.2.
 *
 * Pre-releases (PEP 440 "Handling of pre-releases"): excluded unless asked
 * for, or unless a clause names one (`>=2.0b1`), or unless nothing but
 * pre-releases matches. packaging ≥ 26.0 (pypa/packaging#897) applies that
 * last fallback to every set; packaging 21.3 (vendored by pip 23.2.1) and 25.x
 * applied it only to the empty set, so there `pkg>=1.0` with only 2.0rc1
 * published found nothing. We follow current packaging.
 */
import { parsedValue, type Parsed } from "./parsed";
import {
  parseSpecifier,
  specifierIdentity,
  specifierMatches,
  specifierNamesPrerelease,
  type Specifier,
} from "./specifier";
import { isPrereleaseVersion, parseVersion, type Version } from "./version";

export interface SpecifierSet {
  /** Canonical text as packaging prints it: clauses sorted, duplicates dropped, no spaces. "" = any version. */
  readonly text: string;
  /** The clauses in the order written. */
  readonly clauses: readonly Specifier[];
  /** packaging's `SpecifierSet.prereleases` when not forced: a clause names a pre-release (`>=2.0b1`). */
  readonly namesPrerelease: boolean;
}

export interface PrereleaseOptions {
  /** true: admit pre-releases (pip --pre); false: never; undefined: PEP 440 default. */
  prereleases?: boolean;
}

export function parseSpecifierSet(text: string): Parsed<SpecifierSet> {
  const clauses: Specifier[] = [];
  // packaging skips empty pieces, so ">=1.0," and ">=1,,<2" are accepted.
  for (const piece of text.split(",")) {
    if (piece.trim() === "") continue;
    const parsed = parseSpecifier(piece);
    if (!parsed.ok) return parsed;
    clauses.push(parsed.value);
  }
  return parsedValue(makeSpecifierSet(clauses));
}

export function makeSpecifierSet(clauses: readonly Specifier[]): SpecifierSet {
  return { text: canonicalText(clauses), clauses, namesPrerelease: clauses.some(specifierNamesPrerelease) };
}

/** The set with no clauses, `SpecifierSet("")`: any version (pre-releases by the PEP 440 default). */
export const ANY_VERSION: SpecifierSet = makeSpecifierSet([]);

/**
 * Both sets at once, as values: packaging's `SpecifierSet.__and__`, which is how pip combines the
 * requirements on one project. The clauses of `a` then those of `b`, with the canonical text and
 * the pre-release opt-in of that list, exactly what parsing the two texts joined by "," gives. An
 * empty side hands back the other set itself, so sets cached by identity stay shared.
 */
export function intersectSpecifierSets(a: SpecifierSet, b: SpecifierSet): SpecifierSet {
  if (b.clauses.length === 0) return a;
  if (a.clauses.length === 0) return b;
  return makeSpecifierSet([...a.clauses, ...b.clauses]);
}

// packaging's str(SpecifierSet): sorted by clause text, keeping the first of
// clauses that compare equal (">=1.0,>=1.0.0" prints ">=1.0").
function canonicalText(clauses: readonly Specifier[]): string {
  const sorted = [...clauses].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const clause of sorted) {
    const identity = specifierIdentity(clause);
    if (seen.has(identity)) continue;
    seen.add(identity);
    kept.push(clause.text);
  }
  return kept.join(",");
}

/** packaging's `SpecifierSet.prereleases` when not forced: does any clause name a pre-release? */
export function specifierSetNamesPrerelease(set: SpecifierSet): boolean {
  return set.namesPrerelease;
}

function matchesAll(set: SpecifierSet, version: Version, text: string): boolean {
  for (const clause of set.clauses) {
    if (!specifierMatches(clause, version, text)) return false;
  }
  return true;
}

/**
 * The versions pip may choose from, in input order: packaging's
 * `SpecifierSet.filter(versions, prereleases)`, which pip calls with
 * `prereleases=allow_all_prereleases or None`. Text that is not a PEP 440
 * version is skipped: pip ≥ 24.1 (packaging ≥ 22) ignores such files, and
 * packaging 21.3's LegacyVersion fallback is gone.
 */
export function filterVersions(
  set: SpecifierSet,
  versions: readonly string[],
  opts: PrereleaseOptions = {},
): string[] {
  const prereleases = opts.prereleases ?? (set.namesPrerelease ? true : undefined);
  const finals: string[] = [];
  const all: string[] = [];
  for (const text of versions) {
    const version = parseVersion(text);
    if (!version) continue;
    const isPre = isPrereleaseVersion(version);
    if (isPre && prereleases === false) continue;
    if (!matchesAll(set, version, text)) continue;
    all.push(text);
    if (!isPre) finals.push(text);
  }
  if (prereleases !== undefined) return all;
  // PEP 440: pre-releases count only when no final or post release matches.
  return finals.length > 0 ? finals : all;
}

/**
 * packaging's `SpecifierSet.contains(version, prereleases)`. Judging one
 * version alone, a matching pre-release is admitted unless `prereleases` is
 * false, since there is no final release beside it to prefer (packaging
 * ≥ 26.0; 21.3 said no). To choose among an index's versions use
 * filterVersions, which applies the fallback across the whole list.
 */
export function specifierSetContains(
  set: SpecifierSet,
  version: string | Version,
  opts: PrereleaseOptions = {},
): boolean {
  const text = typeof version === "string" ? version : version.text;
  const parsed = typeof version === "string" ? parseVersion(version) : version;
  if (!parsed) return containsUnparsed(set, text);
  const prereleases = opts.prereleases ?? (set.namesPrerelease ? true : undefined);
  if (prereleases === false && isPrereleaseVersion(parsed)) return false;
  return matchesAll(set, parsed, text);
}

// packaging: text that is not a version can only match `===` clauses, by
// string; and the empty set admits anything (it never looks at the text).
function containsUnparsed(set: SpecifierSet, text: string): boolean {
  return set.clauses.every(
    (clause) => clause.operator === "===" && clause.version.toLowerCase() === text.toLowerCase(),
  );
}

/**
 * The pin that lets pip take a yanked file (PEP 592), as pip's resolver decides it
 * (resolution/resolvelib/factory.py `is_pinned`): any `===` clause, or any `==` clause
 * that is not a wildcard, whatever other clauses there are. (InstallRequirement.is_pinned, used
 * for --require-hashes, is stricter: exactly one clause.)
 */
export function pinsExactVersion(set: SpecifierSet): boolean {
  return set.clauses.some((clause) => clause.operator === "===" || (clause.operator === "==" && !clause.version.endsWith(".*")));
}
