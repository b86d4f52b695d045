/**
 * Prefix matching for `==1.2.*`, `!=1.2.*` and the prefix half of `~=`.
 *
 * packaging 26.2 compares split *strings*, not numbers: it splits the
 * normalised candidate and the prefix into components (`_version_split`),
 * zero-pads the candidate's release to the prefix length, cuts it to that
 * length and compares. For ordinary prefixes that is "same epoch, and the
 * zero-padded release starts with these numbers", which is the fast path here.
 * The string path exists because `~=` derives its prefix from the specifier
 * text as written, which gives results pip users really get:
 *   `~=1.0.c1`  → prefix "1.0"  (".c1" is not recognised as a suffix), so 1.5 ∉
 *   `~=1.0.RC1` → prefix "1.0"  (suffix detection is case-sensitive), so 1.5 ∉
 *   `~=v1.0`    → prefix "v1"   (never equal to a normalised candidate), so nothing ∈
 * while `~=1.0rc1` and `~=1.0` admit 1.5. We reproduce these on purpose: the
 * aim is to predict what pip (which uses packaging) installs.
 */
import { parseVersion, publicVersion, type Version } from "./version";

export interface VersionPrefix {
  /** `_version_split` components: epoch first, then release and suffix parts. */
  readonly parts: readonly string[];
  /** How many leading parts are plain digits (packaging's `_numeric_prefix_len`). */
  readonly numericLength: number;
}

const DIGITS = /^[0-9]+$/;
// packaging's `_prefix_regex`: "0rc1" splits into "0" and "rc1" (case-sensitive).
const RELEASE_WITH_PRE = /^([0-9]+)((?:a|b|c|rc)[0-9]+)$/;
const SUFFIX_STARTS = ["dev", "a", "b", "rc", "post"];

/** packaging's `_version_split`: "1!2.0rc1.post3" → ["1", "2", "0", "rc1", "post3"]. */
export function splitVersionText(text: string): string[] {
  const bang = text.lastIndexOf("!");
  const parts = [bang === -1 ? "0" : text.slice(0, bang) || "0"];
  for (const item of text.slice(bang + 1).split(".")) {
    const match = RELEASE_WITH_PRE.exec(item);
    if (match) parts.push(match[1] ?? "", match[2] ?? "");
    else parts.push(item);
  }
  return parts;
}

function numericPrefixLength(parts: readonly string[]): number {
  let count = 0;
  while (count < parts.length && DIGITS.test(parts[count] ?? "")) count++;
  return count;
}

/** The prefix of a wildcard `==<base>.*`, normalised like packaging does. */
export function wildcardPrefix(base: string): VersionPrefix {
  const parsed = parseVersion(base);
  // canonicalize_version() returns unparseable text unchanged.
  const parts = splitVersionText(parsed ? parsed.text : base);
  return { parts, numericLength: numericPrefixLength(parts) };
}

/**
 * The prefix `~=V` implies (PEP 440 "Compatible release": `~=2.2` is
 * `>=2.2, ==2.*`), derived from the text as written the way packaging does:
 * drop suffix-looking parts and the last release number.
 */
export function compatiblePrefix(specVersionText: string): VersionPrefix {
  const split = splitVersionText(specVersionText);
  const kept: string[] = [];
  for (const part of split) {
    if (SUFFIX_STARTS.some((suffix) => part.startsWith(suffix))) break;
    kept.push(part);
  }
  const [epoch = "0", ...release] = kept.slice(0, -1);
  return wildcardPrefix(`${epoch}!${release.join(".")}`);
}

export function matchesPrefix(prefix: VersionPrefix, candidate: Version): boolean {
  const { parts, numericLength } = prefix;
  if (numericLength === parts.length) {
    if (String(candidate.epoch) !== parts[0]) return false;
    for (let i = 1; i < parts.length; i++) {
      if (String(candidate.release[i - 1] ?? 0) !== parts[i]) return false;
    }
    return true;
  }
  // Rare (see the file comment): compare the split strings exactly like packaging.
  const split = splitVersionText(publicVersion(candidate).text);
  const candidateNumeric = numericPrefixLength(split);
  const padding = Math.max(0, numericLength - candidateNumeric);
  const padded = [
    ...split.slice(0, candidateNumeric),
    ...Array<string>(padding).fill("0"),
    ...split.slice(candidateNumeric),
  ];
  if (padded.length < parts.length) return false;
  return parts.every((part, i) => padded[i] === part);
}
