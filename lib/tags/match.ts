import { classifyTag, MISS_KINDS, type MissKind, type TagMiss } from "./classify-tag";
import { describeMiss, type MissReason } from "./describe-miss";
import { tagToString, type Tag } from "./tag";
import { indexTags } from "./tag-index";
import { targetTags, type TagTarget } from "./target-tags";
import type { WheelFilename } from "./wheel-filename";

export type TagMatch =
  | { compatible: true; /** index in targetTags, lower is better */ priority: number; tag: Tag }
  | { compatible: false; reason: MissReason };

/**
 * pip's Wheel.support_index_min: the wheel's best (lowest) position in the
 * target's ordered tag list. When none of its tags is in the list, the
 * closest miss among them says why. Pass the same `tags` array for every call
 * against one target: its lookup index is built once and cached.
 */
export function matchWheel(wheelTags: readonly Tag[], tags: readonly Tag[], target: TagTarget): TagMatch {
  const index = indexTags(tags);
  let best: { priority: number; tag: Tag } | null = null;
  for (const tag of wheelTags) {
    const priority = index.priority.get(tagToString(tag));
    if (priority !== undefined && (best === null || priority < best.priority)) best = { priority, tag };
  }
  if (best) return { compatible: true, ...best };

  const misses = wheelTags.map((t) => classifyTag(t, index, target)).filter((m): m is TagMiss => m !== null);
  const kind = closestKind(misses);
  if (!kind) return { compatible: false, reason: { kind: "python", detail: "wheel filename carries no tags" } };
  return { compatible: false, reason: { kind, detail: describeMiss(kind, misses, target, "wheel") } };
}

export type NoWheels = { kind: "no-wheels"; detail: string };

/**
 * Why none of a release's wheels fits the target, reporting the CLOSEST miss
 * over all of them (farthest → closest: no wheels, other Python/ABI, other
 * platform family, libc too old, other CPU), with every wheel that misses in
 * that same way named in the detail. Wheels that do fit are skipped: pass the
 * release's files as they are.
 */
export function closestMiss(wheels: readonly WheelFilename[], target: TagTarget): MissReason | NoWheels {
  if (wheels.length === 0) return { kind: "no-wheels", detail: "no wheels are published, only source" };
  const tags = cachedTargetTags(target);
  const index = indexTags(tags);
  const misses: TagMiss[] = [];
  for (const wheel of wheels) {
    for (const tag of wheel.tags) {
      const miss = classifyTag(tag, index, target);
      if (miss) misses.push(miss);
    }
  }
  const kind = closestKind(misses);
  if (!kind) return { kind: "no-wheels", detail: "every wheel given fits this image; there is no miss to explain" };
  return { kind, detail: describeMiss(kind, misses, target, "wheels") };
}

function closestKind(misses: readonly TagMiss[]): MissKind | null {
  let rank = -1;
  for (const m of misses) rank = Math.max(rank, MISS_KINDS.indexOf(m.kind));
  return MISS_KINDS[rank] ?? null;
}

// One tag list per distinct target, so repeated closestMiss calls reuse the same index.
const targetTagCache = new Map<string, Tag[]>();

function cachedTargetTags(target: TagTarget): Tag[] {
  const key = [target.pythonVersion, target.implementation, target.freeThreaded ? "t" : "", target.libc.family, target.libc.version, target.arch].join("|");
  let tags = targetTagCache.get(key);
  if (!tags) targetTagCache.set(key, (tags = targetTags(target)));
  return tags;
}
