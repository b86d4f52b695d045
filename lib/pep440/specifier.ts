/**
 * One PEP 440 version specifier clause (`>=1.0`, `==1.2.*`, `~=2.2`, `===foo`):
 * parsing, and whether a version satisfies it, with packaging 26.2's semantics.
 */
import { splitOperator, type SpecifierOperator } from "./operators";
import { parseFailure, parsedValue, shorten, type Parsed } from "./parsed";
import { compatiblePrefix, matchesPrefix, wildcardPrefix, type VersionPrefix } from "./prefix-match";
import { describeSpecifierProblem, explainInvalidSpecifier } from "./specifier-errors";
import {
  compareParsedVersions,
  comparePublicVersions,
  isPrereleaseVersion,
  makeVersion,
  parseVersion,
  publicVersion,
  type Version,
} from "./version";

export type { SpecifierOperator } from "./operators";

export interface Specifier {
  readonly operator: SpecifierOperator;
  /** The version text after the operator, trimmed, as written ("1.2.*", "V1.0"). */
  readonly version: string;
  /** `operator + version`, how packaging prints the clause. */
  readonly text: string;
  /** The version compared against; for a wildcard, its base (`1.2` for `==1.2.*`). Null only for `===` text that is not a version. */
  readonly parsed: Version | null;
  /** Set for `==X.*`, `!=X.*` and `~=` (its implied `==prefix.*`). */
  readonly prefix: VersionPrefix | null;
}

const WILDCARD = /^v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*\.\*$/i;
// `===` takes any text up to whitespace, ";" or ")" (packaging's regex).
const ARBITRARY = /^[^\s;)]*$/;

/** Parses one clause; whitespace around and after the operator is allowed. */
export function parseSpecifier(clause: string): Parsed<Specifier> {
  const trimmed = clause.trim();
  const split = splitOperator(trimmed);
  const specifier = split ? buildSpecifier(split.operator, split.rest) : null;
  if (specifier) return parsedValue(specifier);
  const why = describeSpecifierProblem(explainInvalidSpecifier(trimmed));
  return parseFailure(`Invalid version specifier "${shorten(trimmed)}": ${why}`);
}

function buildSpecifier(operator: SpecifierOperator, version: string): Specifier | null {
  const text = operator + version;
  if (operator === "===") {
    if (!ARBITRARY.test(version)) return null;
    return { operator, version, text, parsed: parseVersion(version), prefix: null };
  }
  if (WILDCARD.test(version)) {
    if (operator !== "==" && operator !== "!=") return null;
    const base = version.slice(0, -2);
    return { operator, version, text, parsed: parseVersion(base), prefix: wildcardPrefix(base) };
  }
  const parsed = parseVersion(version);
  if (!parsed) return null;
  // Local labels are only meaningful to == and != (PEP 440 "Version matching").
  if (parsed.local !== null && operator !== "==" && operator !== "!=") return null;
  if (operator === "~=") {
    // PEP 440: "~=V.N" needs at least two release segments.
    if (parsed.release.length < 2) return null;
    return { operator, version, text, parsed, prefix: compatiblePrefix(version) };
  }
  return { operator, version, text, parsed, prefix: null };
}

/**
 * Whether `candidate` satisfies the clause, ignoring the pre-release policy
 * (that belongs to the set; see specifier-set.ts). `candidateText` is the text
 * as given, which `===` compares case-insensitively.
 */
export function specifierMatches(spec: Specifier, candidate: Version, candidateText: string): boolean {
  switch (spec.operator) {
    case "===":
      return candidateText.toLowerCase() === spec.version.toLowerCase();
    case "==":
      return matchesEqual(spec, candidate);
    case "!=":
      return !matchesEqual(spec, candidate);
    case "~=":
      return comparePublicVersions(candidate, target(spec)) >= 0 && matchesPrefix(prefixOf(spec), candidate);
    case "<=":
      return comparePublicVersions(candidate, target(spec)) <= 0;
    case ">=":
      return comparePublicVersions(candidate, target(spec)) >= 0;
    case "<":
      return matchesLessThan(target(spec), candidate);
    case ">":
      return matchesGreaterThan(target(spec), candidate);
  }
}

function target(spec: Specifier): Version {
  if (!spec.parsed) throw new Error(`Specifier "${spec.text}" has no comparable version`);
  return spec.parsed;
}

function prefixOf(spec: Specifier): VersionPrefix {
  if (!spec.prefix) throw new Error(`Specifier "${spec.text}" has no prefix`);
  return spec.prefix;
}

// PEP 440 "Version matching": without a local label in the specifier, the
// candidate's local label is ignored (==1.0 admits 1.0+cpu); with one, it must match.
function matchesEqual(spec: Specifier, candidate: Version): boolean {
  if (spec.prefix) return matchesPrefix(spec.prefix, candidate);
  const wanted = target(spec);
  return wanted.local === null
    ? comparePublicVersions(candidate, wanted) === 0
    : compareParsedVersions(candidate, wanted) === 0;
}

// PEP 440 "Exclusive ordered comparison": <V must not admit a pre-release of
// V unless V is itself one. packaging draws the line at V.dev0 (keeping V's
// post segment), so <1.0 rejects 1.0a1 and 1.0.dev0, and <1.0.post1 rejects
// 1.0.post1.dev0 but admits 1.0rc1.
function matchesLessThan(wanted: Version, candidate: Version): boolean {
  if (compareParsedVersions(candidate, wanted) >= 0) return false;
  if (isPrereleaseVersion(wanted) || !isPrereleaseVersion(candidate)) return true;
  return compareParsedVersions(candidate, earliestPrerelease(wanted)) < 0;
}

function earliestPrerelease(v: Version): Version {
  return makeVersion(v.epoch, v.release, v.pre, v.post, 0, null);
}

// PEP 440: >V must not admit a post-release of V unless V is itself one, nor a
// local version of V. So >1.0 rejects 1.0.post1 and 1.0+cpu; >1.0a1 rejects
// 1.0a1.post1; >1.0.post1 admits 1.0.post2.
function matchesGreaterThan(wanted: Version, candidate: Version): boolean {
  if (compareParsedVersions(candidate, wanted) <= 0) return false;
  if (wanted.post === null && candidate.post !== null) {
    const postBase = makeVersion(candidate.epoch, candidate.release, candidate.pre, null, null, null);
    if (compareParsedVersions(postBase, wanted) === 0) return false;
  }
  if (candidate.local !== null && compareParsedVersions(publicVersion(candidate), wanted) === 0) {
    return false;
  }
  return true;
}

/** packaging's `Specifier.prereleases` when not forced: does this clause name a pre-release? */
export function specifierNamesPrerelease(spec: Specifier): boolean {
  // != never opts in, and a wildcard cannot carry a pre-release.
  if (spec.operator === "!=" || (spec.operator === "==" && spec.prefix)) return false;
  return spec.parsed !== null && isPrereleaseVersion(spec.parsed);
}

/**
 * packaging's `Specifier.__eq__`/`__hash__` key: trailing release zeros do
 * not matter (">=1.0" equals ">=1"), except for ~= where they set the prefix.
 */
export function specifierIdentity(spec: Specifier): string {
  if (spec.operator === "===" || spec.version.endsWith(".*") || !spec.parsed) return spec.text;
  const v = spec.parsed;
  const release = spec.operator === "~=" ? v.release : trimTrailingZeros(v.release);
  return spec.operator + makeVersion(v.epoch, release, v.pre, v.post, v.dev, v.local).text;
}

function trimTrailingZeros<T>(release: readonly T[]): readonly T[] {
  let end = release.length;
  while (end > 1 && release[end - 1] === 0) end--;
  return release.slice(0, end);
}
