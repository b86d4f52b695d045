/**
 * PEP 440 versions and specifiers with the semantics of Python's
 * `packaging` 26.2 (what current pip vendors, or will), written here rather
 * than taken from @renovatebot/pep440; see version.ts and specifier.ts for the
 * concrete cases where that library disagrees with packaging.
 */
export { parseFailure, parsedValue, shorten, type Parsed } from "./parsed";
export {
  compareParsedVersions,
  compareVersions,
  isPrerelease,
  isPrereleaseVersion,
  parseVersion,
  type PreReleaseKind,
  type Version,
  type VersionNumber,
} from "./version";
export { parseSpecifier, specifierMatches, type Specifier, type SpecifierOperator } from "./specifier";
export { describeSpecifierProblem, explainInvalidSpecifier, type SpecifierProblem } from "./specifier-errors";
export {
  ANY_VERSION,
  filterVersions,
  intersectSpecifierSets,
  pinsExactVersion,
  parseSpecifierSet,
  specifierSetContains,
  specifierSetNamesPrerelease,
  type PrereleaseOptions,
  type SpecifierSet,
} from "./specifier-set";
