export type { Arch, BaseImage, BaseImageDraft, BuilderImage, DistroPython, ImageSupport, LibcFamily, MakeTargetResult, MarkerEnvironment, OsId, PackageManager, ResolveResult, Target, Variant } from "./types";
export { CATALOG_AS_OF, listBaseImages } from "./catalog";
export { isEndOfLife } from "./support";
export { baseImageBytes } from "./base-size";
export { DEFAULT_BASES } from "./defaults";
export { resolveBaseImage, type ResolveOptions } from "./resolve";
export { makeTarget, markerEnvironment, parseArch, resolveTarget } from "./target";
export { editDistance, closeMatches, MAX_SUGGESTIONS } from "./suggest";
