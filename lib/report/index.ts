// The engine's entry point: analyze() returns the public report, whose shape and types belong to the
// report contract (lib/contract/report.ts). The engine's own intermediate types stay in ./types.
export { analyze, type AnalysisIndex, type AnalyzeDependencies } from "./analyze";
export { SCHEMA_VERSION, type AnalyzeInput, type AnalyzeResult } from "./types";
export type {
  BuildEnvironment,
  CompiledPackage,
  Recommendation,
  Report,
  ReportError,
  RequirementSummary,
  TargetPackage,
  TargetReport,
  UnreachedPackage,
} from "@/lib/contract/report";
