/**
 * What went wrong, in words a person acts on: the index could not be reached at all, some names are
 * not on the index, some packages could not be checked. Derived from the per-package verdicts' codes,
 * which stay the detailed truth; the words shown come from here (and the index's own message).
 */
import type { PackageCode, Report } from "@/lib/contract/report";

export interface Problem {
  kind: "index-unreachable" | "unknown-packages" | "unchecked-packages";
  title: string;
  detail: string;
}

/** Unknown because the index failed (as opposed to not having the project, or not being asked). */
const INDEX_FAILED: ReadonlySet<PackageCode> = new Set<PackageCode>(["index-error", "index-unreadable", "timeout"]);

export function problemsOf(report: Report): Problem[] {
  const problems: Problem[] = [];
  const all = report.targets.flatMap((t) => t.packages);
  const unknown = all.filter((p) => p.status === "unknown");
  const failed = unknown.filter((p) => p.code !== null && INDEX_FAILED.has(p.code));
  if (all.length > 0 && failed.length === all.length) {
    problems.push({
      kind: "index-unreachable",
      title: "The package index could not be reached",
      detail: `Basewise asked ${report.index.host} about ${names(failed).length} package(s) and got no answer (${firstReason(failed)}). Nothing could be checked, so there is no comparison yet: try again in a minute.`,
    });
    return problems;
  }
  const missing = names(unknown.filter((p) => p.code === "not-on-index"));
  if (missing.length > 0) {
    const lines = missing.map((name) => {
      const line = report.requirements.find((r) => r.name === name)?.line;
      return line ? `${name} (line ${line})` : name;
    });
    problems.push({
      kind: "unknown-packages",
      title: `${missing.length === 1 ? "1 package is" : `${missing.length} packages are`} not on the package index`,
      detail: `${lines.join(", ")}: check the spelling. Private packages are not visible to Basewise; they are left out of the estimates.`,
    });
  }
  const unchecked = names(failed);
  if (unchecked.length > 0) {
    problems.push({
      kind: "unchecked-packages",
      title: `${unchecked.length === 1 ? "1 package" : `${unchecked.length} packages`} could not be checked`,
      detail: `The index failed for ${unchecked.join(", ")} (${firstReason(failed)}). The rest of the analysis stands; these are shown as "unknown".`,
    });
  }
  return problems;
}

function names(packages: readonly { name: string }[]): string[] {
  return [...new Set(packages.map((p) => p.name))].sort();
}

// An unknown package's reason is "unknown: " and the index's message; the message alone reads better here.
const UNKNOWN_PREFIX = "unknown: ";

function firstReason(packages: readonly { reason: string }[]): string {
  const reason = packages[0]?.reason ?? "";
  return reason.startsWith(UNKNOWN_PREFIX) ? reason.slice(UNKNOWN_PREFIX.length) : reason;
}
