/**
 * The comparison across base images, shaped for reading: one headline per image (cards) and the
 * series the charts draw. Pure functions of the report; the components only render them.
 */
import type { SizeCategory, TimeCategory } from "@/lib/estimate";
import type { Report, TargetReport } from "@/lib/contract/report";

export interface Headline {
  key: string;
  base: string;
  arch: "amd64" | "arm64";
  python: string;
  libc: string;
  recommended: boolean;
  /** Rank by the recommendation rule, 1 = recommended. */
  rank: number;
  packages: number;
  compiling: number;
  /** Compiled only inside another package's build (build isolation). */
  compilingForBuilds: number;
  notInstallable: number;
  unknown: number;
  buildSeconds: { low: number; high: number };
  imageBytes: { multiStage: number; singleStage: number };
  /** Why the build fails here, when it does. */
  failsToBuild: string | null;
  /** pip finds no set of versions here. */
  noSolution: string | null;
  /** Basewise stopped before the resolution finished (work budget or deadline): why, and what it did not reach. */
  incomplete: { reason: "work-budget" | "deadline"; explanation: string; unreached: string[] } | null;
}

function isNoSolution(code: "conflict" | "too-deep" | "work-budget" | "deadline"): boolean {
  return code === "conflict" || code === "too-deep";
}

function incompleteness(t: TargetReport): Headline["incomplete"] {
  const stop = t.unreached[0];
  if (!stop) return null;
  const explanation = !t.resolution.ok && !isNoSolution(t.resolution.code) ? t.resolution.explanation : `Basewise stopped before resolving every build environment (${stop.reason}).`;
  return { reason: stop.reason, explanation, unreached: [...new Set(t.unreached.map((u) => u.name))] };
}

export function targetKey(target: Pick<TargetReport, "base" | "arch">): string {
  return `${target.base}/${target.arch}`;
}

export function headlines(report: Report): Headline[] {
  const ranking = report.recommendation?.ranking ?? [];
  const rankOf = (t: TargetReport) => {
    const index = ranking.findIndex((r) => r.base === t.base && r.arch === t.arch);
    return index === -1 ? ranking.length + 1 : index + 1;
  };
  return report.targets
    .map((t) => ({
      key: targetKey(t),
      base: t.base,
      arch: t.arch,
      python: t.python,
      libc: `${t.libc.family} ${t.libc.version}`,
      recommended: report.recommendation?.base === t.base && report.recommendation.arch === t.arch && t.blocker === null,
      rank: rankOf(t),
      packages: t.summary.packages,
      compiling: t.compiles.filter((c) => !c.buildRequirement).length,
      compilingForBuilds: t.compiles.filter((c) => c.buildRequirement).length,
      notInstallable: t.summary.none,
      unknown: t.summary.unknown,
      buildSeconds: t.estimate.buildSeconds,
      imageBytes: t.estimate.imageBytes,
      failsToBuild: t.blocker,
      noSolution: t.resolution.ok || !isNoSolution(t.resolution.code) ? null : t.resolution.explanation,
      incomplete: incompleteness(t),
    }))
    .sort((a, b) => a.rank - b.rank);
}

export const TIME_CATEGORIES: readonly { key: TimeCategory; label: string }[] = [
  { key: "pull", label: "Pull base image" },
  { key: "os-packages", label: "OS packages" },
  { key: "downloads", label: "Downloads" },
  { key: "installs", label: "Wheel installs" },
  { key: "build-environments", label: "Build environments" },
  { key: "compiles", label: "Compiles" },
];

export const SIZE_CATEGORIES: readonly { key: SizeCategory; label: string }[] = [
  { key: "base", label: "Base image" },
  { key: "runtime-libraries", label: "Runtime libraries" },
  { key: "site-packages", label: "site-packages" },
  { key: "build-leftovers", label: "Single-stage leftovers" },
];

/** Minutes per category (the low end of each range), plus the spread up to the high end. */
export type TimeRow = { label: string; uncertainty: number } & Record<TimeCategory, number>;
/** MB per category; build-leftovers is what a naive single-stage build adds. */
export type SizeRow = { label: string } & Record<SizeCategory, number>;

export function buildTimeRows(report: Report): TimeRow[] {
  return report.targets.map((t) => {
    const minutes: Record<TimeCategory, number> = { pull: 0, "os-packages": 0, downloads: 0, installs: 0, "build-environments": 0, compiles: 0 };
    for (const part of t.estimate.breakdown.build) minutes[part.category] += part.lowSeconds / 60;
    const uncertainty = Math.max(0, (t.estimate.buildSeconds.high - t.estimate.buildSeconds.low) / 60);
    return {
      label: label(t, report),
      ...(Object.fromEntries(Object.entries(minutes).map(([k, v]) => [k, round2(v)])) as Record<TimeCategory, number>),
      uncertainty: round2(uncertainty),
    };
  });
}

export function imageSizeRows(report: Report): SizeRow[] {
  return report.targets.map((t) => {
    const megabytes: Record<SizeCategory, number> = { base: 0, "runtime-libraries": 0, "site-packages": 0, "build-leftovers": 0 };
    for (const part of t.estimate.breakdown.size) megabytes[part.category] += part.bytes / 1e6;
    return { label: label(t, report), ...(Object.fromEntries(Object.entries(megabytes).map(([k, v]) => [k, round2(v)])) as Record<SizeCategory, number>) };
  });
}

export interface ScatterPoint {
  base: string;
  /** Midpoint of the cold build range, minutes. */
  minutes: number;
  minutesLow: number;
  minutesHigh: number;
  /** Multi-stage image, MB. */
  megabytes: number;
  failsToBuild: boolean;
}

export function timeSizePoints(report: Report): ScatterPoint[] {
  return report.targets.map((t) => ({
    base: label(t, report),
    minutes: round2((t.estimate.buildSeconds.low + t.estimate.buildSeconds.high) / 120),
    minutesLow: round2(t.estimate.buildSeconds.low / 60),
    minutesHigh: round2(t.estimate.buildSeconds.high / 60),
    megabytes: round2(t.estimate.imageBytes.multiStage / 1e6),
    failsToBuild: t.blocker !== null,
  }));
}

/** The base, with the arch only when the report mixes arches. */
function label(t: TargetReport, report: Report): string {
  const arches = new Set(report.targets.map((x) => x.arch));
  return arches.size > 1 ? `${t.base} (${t.arch})` : t.base;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
