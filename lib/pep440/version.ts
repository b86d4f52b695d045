/**
 * PEP 440 versions: parsing, normalisation and ordering, matching
 * `packaging.version.Version` (packaging 26.2).
 *
 * Why not @renovatebot/pep440 here: its parser turns local-segment parts into
 * numbers with `Number()`, so `1.0+1e5` is read as local 100000 and sorts after
 * `1.0+5` (packaging: "1e5" is a string part and sorts first); it loses
 * precision past 2^53 (`1.0.99999999999999999999` == `1.0.99999999999999999998`);
 * and it re-parses both strings on every comparison, which is several times
 * slower than comparing parsed values (figures in the task report).
 */

/**
 * A numeric component. Python's ints are unbounded; JavaScript numbers are not,
 * so a component longer than 15 digits is kept as its canonical digit string
 * (no leading zeros). Everything stays JSON-serialisable (no bigint).
 */
export type VersionNumber = number | string;

export type PreReleaseKind = "a" | "b" | "rc";

export interface Version {
  /** Normalised form, identical to Python's `str(Version(text))`. */
  readonly text: string;
  readonly epoch: VersionNumber;
  readonly release: readonly VersionNumber[];
  readonly pre: { readonly kind: PreReleaseKind; readonly number: VersionNumber } | null;
  readonly post: VersionNumber | null;
  readonly dev: VersionNumber | null;
  /** Local label parts, lowercased; numeric parts as canonical digit strings. */
  readonly local: readonly string[] | null;
}

// PEP 440 Appendix B's pattern, written out with the spellings PEP 440's
// "Normalization" section accepts: a leading "v", "-", "_" or "." separators,
// alternative pre-release words and the implicit post-release "1.0-1".
const VERSION_PATTERN =
  /^v?(?:([0-9]+)!)?([0-9]+(?:\.[0-9]+)*)(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?(?:[-_.]?(dev)[-_.]?([0-9]+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;

// packaging's fast path: a string of digits and dots needs no regex.
const PLAIN_RELEASE = /^[0-9]+(?:\.[0-9]+)*$/;

const PRE_RELEASE_SPELLINGS: Record<string, PreReleaseKind> = {
  a: "a",
  alpha: "a",
  b: "b",
  beta: "b",
  c: "rc",
  rc: "rc",
  pre: "rc",
  preview: "rc",
};

const MAX_SAFE_DIGITS = 15;

function toVersionNumber(digits: string): VersionNumber {
  const trimmed = digits.replace(/^0+(?=[0-9])/, "");
  return trimmed.length <= MAX_SAFE_DIGITS ? Number(trimmed) : trimmed;
}

/** Orders two components; a digit string is always beyond any safe number. */
export function compareVersionNumbers(a: VersionNumber, b: VersionNumber): number {
  if (typeof a === "number") {
    return typeof b === "number" ? a - b : -1;
  }
  if (typeof b === "number") return 1;
  return compareDigitStrings(a, b);
}

function compareDigitStrings(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isZero(n: VersionNumber): boolean {
  return n === 0;
}

// Index pages repeat the same few hundred version strings across every
// comparison and sort; parsing dominates string comparisons (measured: 100k
// string compares 135 ms uncached). Bounded so a long-lived server cannot grow it.
const PARSE_CACHE_LIMIT = 50_000;
const CACHEABLE_LENGTH = 64;
const parseCache = new Map<string, Version | null>();

/** Parses a version the way `packaging.version.Version` does; null if invalid. */
export function parseVersion(text: string): Version | null {
  if (text.length > CACHEABLE_LENGTH) return parseUncached(text);
  const cached = parseCache.get(text);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(text);
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
  parseCache.set(text, parsed);
  return parsed;
}

function parseUncached(text: string): Version | null {
  // packaging strips surrounding whitespace (its pattern is wrapped in \s*).
  const trimmed = text.trim();
  if (PLAIN_RELEASE.test(trimmed)) {
    return makeVersion(0, trimmed.split(".").map(toVersionNumber), null, null, null, null);
  }
  const match = VERSION_PATTERN.exec(trimmed);
  if (!match) return null;
  const [, epoch, release, preWord, preNumber, impliedPost, postWord, postNumber, devWord, devNumber, local] =
    match;
  return makeVersion(
    epoch === undefined ? 0 : toVersionNumber(epoch),
    (release ?? "0").split(".").map(toVersionNumber),
    preWord === undefined
      ? null
      : {
          kind: PRE_RELEASE_SPELLINGS[preWord.toLowerCase()] ?? "rc",
          number: toVersionNumber(preNumber ?? "0"),
        },
    // "1.0-1" is PEP 440's implicit post-release; "1.0.post" means post0.
    impliedPost !== undefined
      ? toVersionNumber(impliedPost)
      : postWord !== undefined
        ? toVersionNumber(postNumber ?? "0")
        : null,
    devWord === undefined ? null : toVersionNumber(devNumber ?? "0"),
    local === undefined ? null : local.toLowerCase().split(/[-_.]/).map(normaliseLocalPart),
  );
}

// packaging: `part.lower() if not part.isdigit() else int(part)`.
function normaliseLocalPart(part: string): string {
  return /^[0-9]+$/.test(part) ? part.replace(/^0+(?=[0-9])/, "") : part;
}

/**
 * Builds a version from parts, normalising the text like packaging's __str__.
 * Exported for specifier logic that needs derived versions (e.g. V.dev0).
 */
export function makeVersion(
  epoch: VersionNumber,
  release: readonly VersionNumber[],
  pre: Version["pre"],
  post: VersionNumber | null,
  dev: VersionNumber | null,
  local: readonly string[] | null,
): Version {
  let text = release.join(".");
  if (!isZero(epoch)) text = `${epoch}!${text}`;
  if (pre) text += `${pre.kind}${pre.number}`;
  if (post !== null) text += `.post${post}`;
  if (dev !== null) text += `.dev${dev}`;
  if (local) text += `+${local.join(".")}`;
  // Frozen because parseVersion hands the same cached object to every caller.
  return Object.freeze({
    text,
    epoch,
    release: Object.freeze(release),
    pre: pre && Object.freeze(pre),
    post,
    dev,
    local: local && Object.freeze(local),
  });
}

export function isPrereleaseVersion(version: Version): boolean {
  return version.pre !== null || version.dev !== null;
}

export function isPostreleaseVersion(version: Version): boolean {
  return version.post !== null;
}

/** Parses or throws; for callers whose inputs must already be valid. */
export function requireVersion(version: string | Version): Version {
  if (typeof version !== "string") return version;
  const parsed = parseVersion(version);
  if (!parsed) throw new Error(`"${version}" is not a valid PEP 440 version`);
  return parsed;
}

/** packaging's `Version.is_prerelease`: has an a/b/rc segment or a .dev segment. */
export function isPrerelease(version: string | Version): boolean {
  return isPrereleaseVersion(requireVersion(version));
}

/** Orders two versions (negative, 0, positive); throws if either is invalid. */
export function compareVersions(a: string | Version, b: string | Version): number {
  return compareParsedVersions(requireVersion(a), requireVersion(b));
}

/**
 * Total order of PEP 440 ("Summary of permitted suffixes and relative
 * ordering"): epoch, release (trailing zeros ignored), then
 * .devN < aN < bN < rcN < final < .postN, each pre/post possibly with its own
 * .devN before it, then the local label.
 */
export function compareParsedVersions(a: Version, b: Version): number {
  return comparePublicParts(a, b) || compareLocal(a.local, b.local);
}

/** Compares ignoring local labels, as specifiers do for `<=`, `>=` and `==V`. */
export function comparePublicVersions(a: Version, b: Version): number {
  return comparePublicParts(a, b);
}

function comparePublicParts(a: Version, b: Version): number {
  return (
    compareVersionNumbers(a.epoch, b.epoch) ||
    compareReleases(a.release, b.release) ||
    preReleaseRank(a) - preReleaseRank(b) ||
    compareVersionNumbers(a.pre?.number ?? 0, b.pre?.number ?? 0) ||
    compareOptional(a.post, b.post, "absent-first") ||
    compareOptional(a.dev, b.dev, "absent-last")
  );
}

/** Release segments compare as if padded with zeros: 1.0 == 1 == 1.0.0. */
export function compareReleases(a: readonly VersionNumber[], b: readonly VersionNumber[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareVersionNumbers(a[i] ?? 0, b[i] ?? 0);
    if (order !== 0) return order;
  }
  return 0;
}

const PRE_RANK: Record<PreReleaseKind, number> = { a: 0, b: 1, rc: 2 };

// A bare 1.0.devN sorts before 1.0a0; a version without pre-release sorts after rc.
function preReleaseRank(v: Version): number {
  if (v.pre) return PRE_RANK[v.pre.kind];
  if (v.post === null && v.dev !== null) return -1;
  return 3;
}

// Post segment: absent sorts first. Dev segment: absent sorts last.
function compareOptional(
  a: VersionNumber | null,
  b: VersionNumber | null,
  absent: "absent-first" | "absent-last",
): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    const aFirst = (a === null) === (absent === "absent-first");
    return aFirst ? -1 : 1;
  }
  return compareVersionNumbers(a, b);
}

// PEP 440 "Local version identifiers": no label < any label; alphanumeric parts
// sort before numeric ones, alphanumerics lexically, numbers numerically, and a
// shorter label first when one is a prefix of the other.
function compareLocal(a: readonly string[] | null, b: readonly string[] | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareLocalPart(a[i] ?? "", b[i] ?? "");
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareLocalPart(a: string, b: string): number {
  const aNumeric = /^[0-9]+$/.test(a);
  const bNumeric = /^[0-9]+$/.test(b);
  if (aNumeric && bNumeric) return compareDigitStrings(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The version without its local label (packaging's `Version.public`). */
export function publicVersion(version: Version): Version {
  if (version.local === null) return version;
  return makeVersion(version.epoch, version.release, version.pre, version.post, version.dev, null);
}
