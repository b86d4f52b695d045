import { tagToString, type Tag } from "./tag";
import { targetTags, type TagTarget } from "./target-tags";

/** One of a target's compatibility tags, with its place in the target's order and the form pip prints. */
export interface RankedTag extends Tag {
  /** Index in targetTags(target): lower is better, as pip's support_index_min counts. */
  readonly priority: number;
  /** "cp312-cp312-manylinux_2_17_x86_64": the string the report and pip show. */
  readonly text: string;
}

/** A target's ordered tags as values: `ordered[i].priority === i`. */
export interface RankedTags {
  readonly ordered: readonly RankedTag[];
  /** By printed form; a tag listed twice keeps its first (best) place, as indexTags does. */
  readonly byText: ReadonlyMap<string, RankedTag>;
}

// One list per interpreter for the life of the process: every image, build environment and analysis
// on the same Python, libc and arch shares it. Targets come from the catalog, which bounds the count;
// the limit only guards against a caller that makes targets up.
const RANKED_LIMIT = 1_000;
const ranked = new Map<string, RankedTags>();

export function rankedTags(target: TagTarget): RankedTags {
  const key = [target.pythonVersion, target.implementation, target.libc.family, target.libc.version, target.arch, target.freeThreaded ?? false].join("|");
  let known = ranked.get(key);
  if (!known) {
    const ordered = targetTags(target).map((tag, priority): RankedTag => Object.freeze({ ...tag, priority, text: tagToString(tag) }));
    const byText = new Map<string, RankedTag>();
    for (const tag of ordered) if (!byText.has(tag.text)) byText.set(tag.text, tag);
    known = { ordered, byText };
    if (ranked.size >= RANKED_LIMIT) ranked.clear();
    ranked.set(key, known);
  }
  return known;
}
