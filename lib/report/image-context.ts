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

export function imageContext(target: Target, file: RequirementsFile): ImageContext {
  const tagTarget: TagTarget = { pythonVersion: target.pythonVersion, implementation: "cp", libc: target.libc, arch: target.machine };
  const priority = new Map(targetTags(tagTarget).map((tag, index) => [tagToString(tag), index] as const));
  return {
    target,
    tagTarget,
    tags: { priority, pythonFullVersion: target.pythonVersion },
    environment: markerEnvironment(target),
    policy: (project) => ({ formats: allowedFormats(file.options.formatControl, project), preferBinary: file.options.preferBinary, pre: file.options.pre }),
  };
}

export function verdictContext(image: ImageContext, project: string): VerdictContext {
  return { tags: image.tags, tagTarget: image.tagTarget, policy: image.policy(project) };
}
