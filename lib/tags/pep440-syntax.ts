// Only the question "is this a PEP 440 version?" — ordering and specifiers
// live in lib/pep440. Filename parsing needs just this, so that a file whose
// version packaging would reject is rejected here too.
//
// Written from the grammar in PEP 440 §"Appendix B: Parsing version strings"
// as packaging.version.Version applies it (fullmatch, surrounding whitespace
// allowed, case-insensitive, optional leading "v"). No "u" flag on purpose:
// without it JavaScript's case-insensitive matching never folds non-ASCII
// letters onto ASCII ones ("ſ" ≠ "s"), matching packaging's (?a:...) groups.
const SEP = "[-_.]?";
const PEP440_VERSION = new RegExp(
  "^\\s*v?" +
    "(?:[0-9]+!)?" + // epoch
    "[0-9]+(?:\\.[0-9]+)*" + // release
    `(?:${SEP}(?:alpha|a|beta|b|preview|pre|c|rc)${SEP}[0-9]*)?` + // pre-release
    `(?:-[0-9]+|${SEP}(?:post|rev|r)${SEP}[0-9]*)?` + // post-release ("-1" is an implicit post)
    `(?:${SEP}dev${SEP}[0-9]*)?` + // dev release
    "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?" + // local version label
    "\\s*$",
  "i",
);

export function isPep440Version(text: string): boolean {
  return PEP440_VERSION.test(text);
}
