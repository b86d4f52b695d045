/**
 * The analysis as a whole in words: what was asked (for the progress line, the page title and the
 * link preview), the recommendation's heading, the index and the date it answered as of, what the
 * estimates assume, and a diagnostic's line.
 */
import type { Arch } from "@/lib/contract/request";
import type { BlockerCode, RankingOutCode, Recommendation, Report, TargetReport } from "@/lib/contract/report";
import { archsLabel, buildHostBasis } from "./architectures";
import { counted, formatUtcMinute, listed } from "./format";
import { nearestWheelNote } from "./package";
import { imageLabel } from "./target";

/** "3 requirements, 2 images on amd64 + arm64": short, the link preview's title. */
export function requestSummary(requirementLines: number, images: number, archs: readonly Arch[]): string {
  return `${counted(requirementLines, "requirement")}, ${counted(images, "image")} on ${archsLabel(archs)}`;
}

/** "3 requirements: python:3.12-slim-bookworm vs python:3.12-alpine3.24 on amd64 + arm64" */
export function requestTitle(requirementLines: number, bases: readonly string[], archs: readonly Arch[]): string {
  return `${counted(requirementLines, "requirement")}: ${bases.join(" vs ")} on ${archsLabel(archs)}`;
}

export const RECOMMENDED = "Recommended";

/** "python:3.12-slim-bookworm (amd64 + arm64)": an image with the architectures it was analysed on. */
export function imageArchsLabel(image: Pick<Recommendation, "base" | "archs">): string {
  return `${image.base} (${archsLabel(image.archs)})`;
}

/** "Recommended: python:3.12-slim-bookworm (amd64 + arm64)" */
export function recommendedHeading(recommendation: Pick<Recommendation, "base" | "archs">): string {
  return `${RECOMMENDED}: ${imageArchsLabel(recommendation)}`;
}

export const NO_RECOMMENDATION = "No image can be recommended";

/** Why the build fails on an image, by the report's blocker code: the end of "on 2 images, …". */
export const BLOCKER_PHRASE: Record<BlockerCode, string> = {
  "no-solution": "pip finds no set of versions that works",
  "nothing-installable": "a package has nothing installable",
  "build-environment": "a build environment pip needs cannot be set up",
  "build-fails": "a source build is known to fail",
};

/** Why an image is out of the ranking, by code: a blocker, or an architecture it is not published for. */
export const OUT_PHRASE: Record<RankingOutCode, string> = {
  ...BLOCKER_PHRASE,
  "arch-not-published": "the image is not published for an architecture asked for",
};

/** A ranked image's note: "out on arm64: nothing installable for torch"; null when it is not out. */
export function rankingNote(entry: Pick<Recommendation["ranking"][number], "out" | "outArch">): string | null {
  if (entry.out === null) return null;
  return entry.outArch ? `out on ${entry.outArch}: ${entry.out}` : `out: ${entry.out}`;
}

/** The recommendation box's ranking, one line per image: "2. python:3.12-alpine3.24 — out on arm64: …". */
export function rankingLines(recommendation: Pick<Recommendation, "ranking">): { base: string; line: string; out: boolean }[] {
  return recommendation.ranking.map((entry, i) => {
    const note = rankingNote(entry);
    return { base: entry.base, line: `${i + 1}. ${imageArchsLabel(entry)}${note ? ` — ${note}` : ""}`, out: note !== null };
  });
}

/** What the recommendation box reads of an image: why its build fails and what stands in the way. */
export type BlockedImage = Pick<TargetReport, "base" | "arch" | "blockerCode" | "resolution"> & {
  packages: readonly Pick<TargetReport["packages"][number], "name" | "status" | "alternative">[];
  builds: readonly Pick<TargetReport["builds"][number], "name" | "version" | "code" | "explanation">[];
  /** The source builds, with whether each is known to fail (read for "build-fails"). */
  compiles?: readonly Pick<TargetReport["compiles"][number], "name" | "version" | "viability" | "viabilityReason">[];
};

/** The recommendation box: its heading and its sentence; `recommended` is false when every image's build fails. */
export interface RecommendationWords {
  recommended: boolean;
  heading: string;
  why: string;
}

/**
 * "Recommended: <image>" and the engine's reason when an image can be taken; otherwise no
 * "Recommended" at all: what blocks every image (by the ranking's codes) and what would unblock the
 * first of them (the engine ranks the image with the fewest blockers first).
 */
export function recommendationWords(report: { recommendation: Report["recommendation"]; targets: readonly BlockedImage[] }): RecommendationWords | null {
  const recommendation = report.recommendation;
  if (!recommendation) return null;
  const [first] = recommendation.ranking;
  if (!first || first.outCode === null) return { recommended: true, heading: recommendedHeading(recommendation), why: recommendation.why };
  const closest =
    first.outCode === "arch-not-published"
      ? notPublishedClosest(first)
      : (() => {
          const target = report.targets.find((t) => t.base === first.base && t.arch === first.outArch) ?? report.targets.find((t) => t.base === first.base && t.blockerCode !== null);
          return target ? closestToBuilding(target) : null;
        })();
  return { recommended: false, heading: NO_RECOMMENDATION, why: [blockedEverywhere(recommendation.ranking), closest].filter((s) => s !== null).join(" ") };
}

/** "Closest to building: python:3.8-alpine3.12, if it were published for arm64." */
function notPublishedClosest(entry: Recommendation["ranking"][number]): string {
  return `Closest to building: ${entry.base}, if it were published for ${entry.outArch ?? "every architecture asked for"}.`;
}

/**
 * "The build fails on every image (3): a package has nothing installable on 2, pip finds no set of versions that works on 1."
 * When an image is out because it is not published for an architecture, the opening says so instead of "the build fails".
 */
export function blockedEverywhere(ranking: Recommendation["ranking"]): string {
  const byCode = new Map<RankingOutCode, number>();
  for (const r of ranking) if (r.outCode) byCode.set(r.outCode, (byCode.get(r.outCode) ?? 0) + 1);
  const parts = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => (ranking.length === 1 ? OUT_PHRASE[code] : `${OUT_PHRASE[code]} on ${n}`));
  const every = ranking.length === 1 ? "the only image" : `every image (${ranking.length})`;
  const opening = byCode.has("arch-not-published") ? `No image works on every architecture asked for — ${every}` : `The build fails on ${every}`;
  return `${opening}: ${parts.join(", ")}.`;
}

/** What stands between the first-ranked blocked image and a build, from its packages, builds and resolution. */
export function closestToBuilding(target: BlockedImage): string | null {
  const label = imageLabel(target);
  switch (target.blockerCode) {
    case null:
      return null;
    case "nothing-installable": {
      const none = target.packages.filter((p) => p.status === "none");
      const nearest = none.map(nearestWheelNote).filter((n): n is string => n !== null);
      return `Closest to building: ${label}, if ${listed(none.map((p) => p.name))} had something installable there${nearest.length ? ` (${nearest.join("; ")})` : ""}.`;
    }
    case "build-environment": {
      const coded = target.builds.filter((b) => b.code !== null);
      const failed = coded.filter((b) => b.code !== "work-budget" && b.code !== "deadline");
      const broken = failed.length > 0 ? failed : coded;
      return `Closest to building: ${label}, if the build environment of ${listed(broken.map((b) => `${b.name} ${b.version}`))} could be set up${broken[0]?.explanation ? ` (${broken[0].explanation})` : ""}.`;
    }
    case "no-solution":
      return `Closest to building: ${label}, if your requirements left pip a set of versions that works there${target.resolution.ok ? "" : ` (${target.resolution.explanation})`}.`;
    case "build-fails": {
      const failing = (target.compiles ?? []).filter((c) => c.viability === "fails");
      return `Closest to building: ${label}, if the build of ${listed(failing.map((c) => `${c.name}${c.version ? ` ${c.version}` : ""}`))} succeeded there${failing[0] ? ` (${failing[0].viabilityReason.replace(/\.$/, "")})` : ""}.`;
    }
  }
}

/** "Index pypi.org as of 2024-05-01 12:00 UTC" */
export function indexAsOf(report: Pick<Report, "index" | "asOf">): string {
  return `Index ${report.index.host} as of ${formatUtcMinute(report.asOf)}`;
}

/** "Estimates for 4 cores, 50 MB/s, cold cache, built on an amd64 CI runner (arm64 emulated)." */
export function estimateBasis(parameters: Report["estimateParameters"], archs: readonly Arch[]): string {
  return `Estimates for ${counted(parameters.cores, "core")}, ${parameters.networkMBps} MB/s, ${parameters.cache} cache${buildHostBasis(parameters.buildHost, archs)}.`;
}

/** "line 2: error: Expected a version specifier" */
export function diagnosticLine(d: Pick<Report["diagnostics"][number], "line" | "severity" | "message"> & { file?: string | null }): string {
  // A line of a file the main one includes (-r/-c) is named with its file.
  return `${d.file ? `${d.file} ` : ""}line ${d.line}: ${d.severity}: ${d.message}`;
}

/** The errors shown beside the results: the index being unreachable is said once, as a problem (problems.ts). */
export function errorsToShow(report: Pick<Report, "errors">): Report["errors"] {
  return report.errors.filter((e) => e.code !== "index-unreachable");
}
