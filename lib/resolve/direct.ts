import type { RequirementOrigin } from "@/lib/requirements-file";
import { matchWheel, parseWheelFilename, rankedTags, tagToString, type TagTarget } from "@/lib/tags";
import { matchedTag } from "./matched-tag";
import type { PackageVerdict } from "./verdict";

// A requirement that names a URL or a path: pip takes exactly that, never the index. Basewise does not
// fetch it; what the reference itself says is all there is to go on.

export function directVerdict(name: string, origin: Exclude<RequirementOrigin, { kind: "index" }>, tagTarget: TagTarget): PackageVerdict {
  const base = { name, kind: null, version: null, filename: null, file: null, tag: null, matchedTag: null, code: null, miss: null, alternative: null, sizeBytes: null } as const;
  const where = origin.kind === "url" ? origin.url : origin.path;
  const filename = lastSegment(where);
  const wheel = filename.toLowerCase().endsWith(".whl") ? parseWheelFilename(filename) : null;
  if (wheel) {
    // pip refuses a wheel whose tags this interpreter does not support ("is not a supported wheel on this platform").
    const ranked = rankedTags(tagTarget);
    const match = matchWheel(wheel.tags, ranked.ordered, tagTarget);
    if (match.compatible) {
      // matchWheel's priority is the tag's place in the list it was given.
      const tag = matchedTag({ tag: tagToString(match.tag), priority: match.priority }, ranked);
      return {
        ...base, status: "wheel", kind: "wheel", version: wheel.version, filename, tag: tag.text, matchedTag: tag, compiles: false,
        reason: `pip installs the wheel at ${where} (tag ${tag.text}).`,
      };
    }
    return {
      ...base, status: "none", code: "unsupported-wheel", version: wheel.version, filename, compiles: false, miss: match.reason,
      reason: `pip refuses the wheel at ${where}: it is not a supported wheel on this image (${match.reason.detail}).`,
    };
  }
  const what = origin.kind === "url" && origin.vcs ? "a version-control checkout" : origin.kind === "path" ? "a local path" : "a source archive";
  return {
    ...base, status: "direct", compiles: true,
    reason: `pip builds ${what} (${where}) from source; Basewise does not fetch it, so whether that needs a compiler depends on what it contains.`,
  };
}

function lastSegment(location: string): string {
  const withoutFragment = location.split("#")[0]?.split("?")[0] ?? location;
  const segment = withoutFragment.replace(/\/+$/, "").split("/").pop() ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
