/**
 * What pip does with a package on an image, in words: the short label (matrix cells, the package
 * list, the CLI's status column) and the phrase a sentence uses ("2.9.9 compiles from source").
 * Keyed by the report's status, plus "absent" (nothing on the image needs it) and "skipped" (its
 * environment marker is false there), which the comparison adds.
 */
import type { TargetPackage } from "@/lib/contract/report";

export type PackageStatus = TargetPackage["status"];
export type CellStatus = PackageStatus | "absent" | "skipped";

export const STATUS_LABEL: Record<CellStatus, string> = {
  wheel: "wheel",
  sdist: "compiles",
  none: "not installable",
  unknown: "unknown",
  direct: "direct link",
  absent: "not needed",
  skipped: "skipped",
};

export const STATUS_PHRASE: Record<CellStatus, string> = {
  wheel: "installs from a wheel",
  sdist: "compiles from source",
  none: "cannot be installed",
  unknown: "could not be checked",
  direct: "built from a direct link",
  absent: "not needed here",
  skipped: "skipped here: its environment marker is false on this image",
};

/** Why a cell without a package says what it says (a tooltip). */
export const ABSENCE_REASON: Record<"absent" | "skipped", string> = {
  absent: "Nothing on this image requires it.",
  skipped: "Skipped: its environment marker is false on this image.",
};

/** "2.9.9 compiles from source"; the phrase alone when there is no version. */
export function statusLine(version: string | null, status: CellStatus): string {
  return version ? `${version} ${STATUS_PHRASE[status]}` : STATUS_PHRASE[status];
}

/** The statuses that need a reader's attention: pip builds it, or cannot install it. */
export function needsAttention(status: CellStatus): boolean {
  return status === "sdist" || status === "none";
}
