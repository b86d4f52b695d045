import type { RankedTag, RankedTags } from "@/lib/tags";

/**
 * The target's own tag a wheel matched, as a value. A candidate's priority is its tag's place in the
 * target's ordered list, which TargetTags was made from, so the value is read by position; the printed
 * forms must agree, or the TargetTags and the TagTarget given together describe different interpreters.
 * null for an sdist (no tag).
 */
export function matchedTag(candidate: { readonly tag: string; readonly priority: number }, ranked: RankedTags): RankedTag;
export function matchedTag(candidate: { readonly tag: string | null; readonly priority: number }, ranked: RankedTags): RankedTag | null;
export function matchedTag(candidate: { readonly tag: string | null; readonly priority: number }, ranked: RankedTags): RankedTag | null {
  if (candidate.tag === null) return null;
  const tag = ranked.ordered[candidate.priority];
  if (tag?.text !== candidate.tag) throw new Error(`${candidate.tag} is not tag ${candidate.priority} of the target: the tags and the tagTarget given describe different interpreters`);
  return tag;
}
