/**
 * The analysis as a whole in words: what was asked (for the progress line, the page title and the
 * link preview), the recommendation's heading, the index and the date it answered as of, what the
 * estimates assume, and a diagnostic's line.
 */
import type { Recommendation, Report } from "@/lib/contract/report";
import { counted, formatUtcMinute } from "./format";
import { imageLabel } from "./target";

/** "3 requirements on 2 base images (amd64)" */
export function requestSummary(requirementLines: number, images: number, arch: string): string {
  return `${counted(requirementLines, "requirement")} on ${counted(images, "base image")} (${arch})`;
}

/** "3 requirements on python:3.12-slim-bookworm vs python:3.12-alpine3.24 (amd64)" */
export function requestTitle(requirementLines: number, bases: readonly string[], arch: string): string {
  return `${counted(requirementLines, "requirement")} on ${bases.join(" vs ")} (${arch})`;
}

export const RECOMMENDED = "Recommended";

/** "Recommended: python:3.12-slim-bookworm (amd64)" */
export function recommendedHeading(recommendation: Pick<Recommendation, "base" | "arch">): string {
  return `${RECOMMENDED}: ${imageLabel(recommendation)}`;
}

/** "Index pypi.org as of 2024-05-01 12:00 UTC" */
export function indexAsOf(report: Pick<Report, "index" | "asOf">): string {
  return `Index ${report.index.host} as of ${formatUtcMinute(report.asOf)}`;
}

/** "Estimates for 4 cores, 50 MB/s, cold cache." */
export function estimateBasis(parameters: Report["estimateParameters"]): string {
  const emulated = parameters.emulated ? ", arm64 under emulation" : "";
  return `Estimates for ${counted(parameters.cores, "core")}, ${parameters.networkMBps} MB/s, ${parameters.cache} cache${emulated}.`;
}

/** "line 2: error: Expected a version specifier" */
export function diagnosticLine(d: Pick<Report["diagnostics"][number], "line" | "severity" | "message">): string {
  return `line ${d.line}: ${d.severity}: ${d.message}`;
}

/** The errors shown beside the results: the index being unreachable is said once, as a problem (problems.ts). */
export function errorsToShow(report: Pick<Report, "errors">): Report["errors"] {
  return report.errors.filter((e) => e.code !== "index-unreachable");
}
