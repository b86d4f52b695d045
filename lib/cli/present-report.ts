import type { Report, TargetReport } from "@/lib/contract/report";
import { reportMarkdown } from "@/lib/present/markdown";
import { compilesList, imageLabel } from "@/lib/present/target";
import { failingBuildNote } from "@/lib/present/viability";
import type { FailOnCondition } from "./fail-on";
import { formatReportTable } from "./format-table";

// What `basewise analyze` prints once the report is in: the report in the chosen format, and why a
// --fail-on condition holds. Loaded with the engine, never for --help.

/** The report as --format asks: the table, the versioned JSON, or the page's "Copy as Markdown"; the share link (--link) ends the table and the Markdown. */
export function formatReport(report: Report, format: "table" | "json" | "markdown", shareUrl: string | null = null): string {
  switch (format) {
    case "table":
      return `${formatReportTable(report)}${shareUrl ? `Open this analysis: ${shareUrl}\n` : ""}`;
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "markdown":
      return reportMarkdown(report, shareUrl);
  }
}

/** Why each condition holds, one line per target (empty when none does): printed on stderr before exit 3. */
export function failOnFindings(report: Pick<Report, "targets">, conditions: readonly FailOnCondition[]): string[] {
  const lines: string[] = [];
  for (const condition of conditions) {
    for (const target of report.targets) {
      const finding = FINDING[condition](target);
      if (finding) lines.push(`--fail-on ${condition}: ${imageLabel(target)} ${finding}`);
    }
  }
  return lines;
}

const FINDING: Record<FailOnCondition, (target: TargetReport) => string | null> = {
  compile: (target) => {
    const compiled = target.compiles.length > 0 ? compilesList(target.compiles) : target.packages.filter((p) => p.compiles).map((p) => `${p.name}${p.version ? ` ${p.version}` : ""}`).join(", ");
    return compiled ? `compiles ${compiled}.` : null;
  },
  fails: (target) => {
    const failing = target.compiles.map(failingBuildNote).filter((note): note is string => note !== null);
    if (failing.length > 0) return `${failing.join("; ")}.`;
    return target.blockerCode === "build-fails" ? `fails to build: ${target.blocker ?? ""}` : null;
  },
  unknown: (target) => {
    const unknown = target.packages.filter((p) => p.status === "unknown").map((p) => p.name);
    const unreached = target.unreached.map((u) => u.name);
    const parts = [unknown.length > 0 ? `could not check ${unknown.join(", ")}` : null, unreached.length > 0 ? `did not reach ${unreached.join(", ")}` : null].filter((p) => p !== null);
    return parts.length > 0 ? `${parts.join("; ")}.` : null;
  },
};
