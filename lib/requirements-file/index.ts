export { parseRequirementsFile } from "./parse";
export type { Diagnostic, FileOptions, ParseResult, RequirementEntry, RequirementsFile } from "./parse";
export type { RequirementOrigin } from "./requirement-line";
export { allowedFormats, type DistributionFormat, type FormatControl } from "./format-control";
export { MAX_REQUIREMENTS, MAX_REQUIREMENTS_BYTES } from "./limits";
