export { indexSources, type AnalysisSources, type MetadataIndex } from "./index-sources";
export type { Dependencies, ResolverSources } from "./pip-provider";
export { constraintsByProject, resolveTarget, type InstalledPackage, type Requirer, type ResolutionFailureCode, type ResolveOptions, type TargetResolution } from "./resolve-target";
export { WorkBudget, type StopReason } from "./resolvelib";
