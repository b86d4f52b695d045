import type { MarkerEnvironment } from "@/lib/pep508";
import { allowedFormats, type RequirementsFile } from "@/lib/requirements-file";
import type { ChoicePolicy, TargetTags, VerdictContext } from "@/lib/resolve";
import { targetTags, tagToString, type TagTarget } from "@/lib/tags";
import { markerEnvironment, type Target } from "@/lib/targets";

// Everything about one image that choosing files and evaluating markers needs, worked out once.

export interface ImageContext {
  target: Target;
  tagTarget: TagTarget;
  tags: TargetTags;
  environment: MarkerEnvironment;
  /** The file's options, per project (--only-binary / --no-binary name projects). pip hands them to build environments too. */
  policy: (project: string) => ChoicePolicy;
}

// One TargetTags and one marker environment per distinct interpreter, for the life of the process:
// building the tag priority map costs ~0.3 ms, and the choice and marker caches downstream are keyed
// by these objects, so every analysis of the same image shares them. The catalog bounds the count.
const tagsByInterpreter = new Map<string, TargetTags>();
const environments = new Map<string, MarkerEnvironment>();

export function targetTagsFor(tagTarget: TagTarget): TargetTags {
  const key = [tagTarget.pythonVersion, tagTarget.implementation, tagTarget.libc.family, tagTarget.libc.version, tagTarget.arch, tagTarget.freeThreaded ?? false].join("|");
  let tags = tagsByInterpreter.get(key);
  if (!tags) {
    const priority = new Map(targetTags(tagTarget).map((tag, index) => [tagToString(tag), index] as const));
    tags = { priority, pythonFullVersion: tagTarget.pythonVersion };
    tagsByInterpreter.set(key, tags);
  }
  return tags;
}

function environmentFor(target: Target): MarkerEnvironment {
  const fresh = markerEnvironment(target);
  const key = JSON.stringify(fresh);
  const known = environments.get(key);
  if (known) return known;
  environments.set(key, fresh);
  return fresh;
}

/** The interpreter inside the image, as the tag generator reads it. */
export function tagTargetOf(target: Target): TagTarget {
  return { pythonVersion: target.pythonVersion, implementation: "cp", libc: target.libc, arch: target.machine };
}

export function imageContext(target: Target, file: RequirementsFile): ImageContext {
  const tagTarget = tagTargetOf(target);
  return {
    target,
    tagTarget,
    tags: targetTagsFor(tagTarget),
    environment: environmentFor(target),
    policy: (project) => ({ formats: allowedFormats(file.options.formatControl, project), preferBinary: file.options.preferBinary, pre: file.options.pre }),
  };
}

export function verdictContext(image: ImageContext, project: string): VerdictContext {
  return { tags: image.tags, tagTarget: image.tagTarget, policy: image.policy(project) };
}
