export type { Arch, BaseImage, BuilderImage, DistroPython, LibcFamily, MakeTargetResult, MarkerEnvironment, OsId, PackageManager, ResolveResult, Target, Variant } from "./types";
export { CATALOG_AS_OF, listBaseImages } from "./catalog";
export { baseImageBytes } from "./base-size";
export { DEFAULT_BASES } from "./defaults";
export { resolveBaseImage } from "./resolve";
export { makeTarget, markerEnvironment, parseArch, resolveTarget, runsEmulated } from "./target";
export { editDistance, closeMatches, MAX_SUGGESTIONS } from "./suggest";
