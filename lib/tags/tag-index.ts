import { tagToString, type Tag } from "./tag";

/** Lookups over one target's ordered tag list, built once per list. */
export interface TagIndex {
  /** tag string -> index in the list (its priority; lower is better) */
  priority: ReadonlyMap<string, number>;
  /** "interpreter-abi" -> the platforms the list accepts for that pair */
  platformsByPair: ReadonlyMap<string, ReadonlySet<string>>;
  /** every platform the list accepts, for any pair */
  platforms: ReadonlySet<string>;
}

// Keyed by the array itself: callers compute targetTags() once per target and
// then match thousands of files against it, so the index is built once too.
const cache = new WeakMap<readonly Tag[], TagIndex>();

export function indexTags(tags: readonly Tag[]): TagIndex {
  const cached = cache.get(tags);
  if (cached) return cached;
  const priority = new Map<string, number>();
  const platformsByPair = new Map<string, Set<string>>();
  tags.forEach((t, i) => {
    const key = tagToString(t);
    // First occurrence wins, as in pip's support_index_min over a list.
    if (!priority.has(key)) priority.set(key, i);
    const pair = `${t.interpreter}-${t.abi}`;
    let platforms = platformsByPair.get(pair);
    if (!platforms) platformsByPair.set(pair, (platforms = new Set()));
    platforms.add(t.platform);
  });
  const index = { priority, platformsByPair, platforms: new Set(tags.map((t) => t.platform)) };
  cache.set(tags, index);
  return index;
}
