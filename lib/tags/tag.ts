/**
 * A PEP 425 compatibility tag triple. Components are lowercase, as
 * packaging.tags.Tag stores them, so string equality is tag equality.
 */
export interface Tag {
  interpreter: string;
  abi: string;
  platform: string;
}

export function makeTag(interpreter: string, abi: string, platform: string): Tag {
  return { interpreter: interpreter.toLowerCase(), abi: abi.toLowerCase(), platform: platform.toLowerCase() };
}

/**
 * A tag for no ABI on any platform (py3-none-any, cp312-none-any): a wheel that matched on it holds
 * no code compiled for an interpreter's ABI or for a platform.
 */
export function isPurePythonTag(t: Tag): boolean {
  return t.abi === "none" && t.platform === "any";
}

/** "cp311-cp311-manylinux_2_17_x86_64": the form pip prints and wheel filenames end with. */
export function tagToString(t: Tag): string {
  return `${t.interpreter}-${t.abi}-${t.platform}`;
}

/**
 * One tag as pip prints it and as Basewise reports the tag a wheel matched ("cp312-cp312-manylinux_2_17_x86_64"),
 * back into its triple. Not a compressed set: a component with a dot, an empty component or anything
 * but three parts is refused (null). For tag text that arrives from outside the engine (a reported tag
 * read back); the engine's own matched tags travel as values (RankedTag) and are never parsed.
 */
export function parseTag(text: string): Tag | null {
  const parts = text.split("-");
  if (parts.length !== 3 || parts.some((part) => part === "" || part.includes("."))) return null;
  const [interpreter, abi, platform] = parts as [string, string, string];
  return makeTag(interpreter, abi, platform);
}

/**
 * Expands a PEP 425 compressed tag set ("py2.py3-none-any") into every
 * combination, in interpreter × abi × platform order, without duplicates.
 * Like packaging.tags.parse_tag, components are not validated: empty ones
 * ("py3--any") are kept, they simply never match a target. Returns null when
 * the text is not exactly three dash-separated parts, or when it would expand to
 * more than MAX_TAG_SET_SIZE tags.
 */
export function parseTagSet(text: string): Tag[] | null {
  const parts = text.split("-");
  if (parts.length !== 3) return null;
  const [interpreters, abis, platforms] = parts as [string, string, string];
  // The expansion is a product: a filename of dots alone (from an index or a pasted URL) could ask for
  // billions of tags. packaging expands without a bound; no real wheel comes near this one.
  if (countParts(interpreters) * countParts(abis) * countParts(platforms) > MAX_TAG_SET_SIZE) return null;
  const seen = new Set<string>();
  const out: Tag[] = [];
  for (const interpreter of interpreters.split(".")) {
    for (const abi of abis.split(".")) {
      for (const platform of platforms.split(".")) {
        const tag = makeTag(interpreter, abi, platform);
        const key = tagToString(tag);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(tag);
      }
    }
  }
  return out;
}

/**
 * Most tags one compressed tag set may expand to. Real wheels stay far below: the widest in the PyPI
 * snapshot (../shared/data/pypi, 2023) expands to 22 tags (pyenchant 1.6.11: 11 interpreters × 2 platforms).
 */
export const MAX_TAG_SET_SIZE = 1024;

function countParts(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 46 /* "." */) count++;
  return count;
}
