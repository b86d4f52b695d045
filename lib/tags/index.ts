// Wheel and sdist filenames and compatibility tags (PEP 425, 427, 491, 600, 656):
// which files a given Linux CPython image can install, in pip's order of preference,
// and — when none — the closest reason why not.
export { isPurePythonTag, makeTag, MAX_TAG_SET_SIZE, parseTag, parseTagSet, tagToString, type Tag } from "./tag";
export { rankedTags, type RankedTag, type RankedTags } from "./ranked-tags";
export { parseWheelFilename, type WheelFilename } from "./wheel-filename";
export { parseSdistFilename, SDIST_EXTENSIONS, type SdistFilename } from "./sdist-filename";
export {
  interpreterAbi,
  linuxPlatforms,
  stableAbi,
  targetTags,
  type TagTarget,
} from "./target-tags";
export { parsePlatformTag, type PlatformRequirement } from "./platform-tag";
export { indexTags, type TagIndex } from "./tag-index";
export { MISS_KINDS, type MissKind } from "./classify-tag";
export type { MissReason } from "./describe-miss";
export { closestMiss, matchWheel, type NoWheels, type TagMatch } from "./match";
export { pipPlatformArgs, pipTargetArgs } from "./pip-args";
