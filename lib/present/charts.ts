/**
 * The series the comparison charts draw, and the words that stand for each chart (its accessible
 * summary, its tooltips). Loaded with the charts, not with the first results. Sizes in MB
 * (10^6 bytes, as everywhere: see format.ts), times in minutes.
 */
import type { SizeCategory, TimeCategory } from "@/lib/estimate";
import type { Report, TargetReport } from "@/lib/contract/report";
import type { Arch } from "@/lib/contract/request";
import { EMULATED } from "./architectures";
import { MB, formatBytes, formatSeconds } from "./format";
import { STAGE_LABEL, imageLabel } from "./target";

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

/**
 * What names a bar: `label` (the base, or "base (arch)" when the report has several architectures;
 * unique, the chart's key and its words), and the two lines its axis tick draws: the image, and the
 * architecture ("arm64 · emulated"), null when the report has one architecture.
 */
export interface BarName {
  label: string;
  image: string;
  archLine: string | null;
}
/** Minutes per category (the low end of each range), plus the spread up to the high end. */
export type TimeRow = BarName & { uncertainty: number } & Record<TimeCategory, number>;
/** MB per category; build-leftovers is what a naive single-stage build adds. */
export type SizeRow = BarName & Record<SizeCategory, number>;

export function buildTimeRows(report: Report): TimeRow[] {
  return report.targets.map((t) => {
    const minutes: Record<TimeCategory, number> = { pull: 0, "os-packages": 0, downloads: 0, installs: 0, "build-environments": 0, compiles: 0 };
    for (const part of t.estimate.breakdown.build) minutes[part.category] += part.lowSeconds / 60;
    const uncertainty = Math.max(0, (t.estimate.buildSeconds.high - t.estimate.buildSeconds.low) / 60);
    return {
      ...barName(t, report),
      ...(Object.fromEntries(Object.entries(minutes).map(([k, v]) => [k, round2(v)])) as Record<TimeCategory, number>),
      uncertainty: round2(uncertainty),
    };
  });
}

/** Images whose base size is not known are left out: a bar without the base would be no image size. */
export function imageSizeRows(report: Report): SizeRow[] {
  return report.targets.filter((t) => !t.estimate.imageBytes.baseUnknown).map((t) => {
    const megabytes: Record<SizeCategory, number> = { base: 0, "runtime-libraries": 0, "site-packages": 0, "build-leftovers": 0 };
    for (const part of t.estimate.breakdown.size) megabytes[part.category] += part.bytes / MB;
    return { ...barName(t, report), ...(Object.fromEntries(Object.entries(megabytes).map(([k, v]) => [k, round2(v)])) as Record<SizeCategory, number>) };
  });
}

export interface ScatterPoint {
  /** The point's label: the base, or "base (arch)" when the report has several architectures. */
  base: string;
  arch: Arch;
  /** Midpoint of the cold build range, minutes. */
  minutes: number;
  minutesLow: number;
  minutesHigh: number;
  /** Multi-stage image, MB. */
  megabytes: number;
  failsToBuild: boolean;
}

/** Images whose base size is not known are left out (no size to place them at). */
export function timeSizePoints(report: Report): ScatterPoint[] {
  return report.targets.filter((t) => !t.estimate.imageBytes.baseUnknown).map((t) => ({
    base: label(t, report),
    arch: t.arch,
    minutes: round2((t.estimate.buildSeconds.low + t.estimate.buildSeconds.high) / 120),
    minutesLow: round2(t.estimate.buildSeconds.low / 60),
    minutesHigh: round2(t.estimate.buildSeconds.high / 60),
    megabytes: round2(t.estimate.imageBytes.multiStage / MB),
    failsToBuild: t.blocker !== null,
  }));
}

function lowMinutes(r: TimeRow): number {
  return r.pull + r["os-packages"] + r.downloads + r.installs + r["build-environments"] + r.compiles;
}

/** The build-time chart in words: "python:3.12-slim-bookworm: 1.2 to 3.4 minutes; …" */
export function buildTimeSummary(rows: readonly TimeRow[]): string {
  return rows.map((r) => `${r.label}: ${lowMinutes(r).toFixed(1)} to ${(lowMinutes(r) + r.uncertainty).toFixed(1)} minutes`).join("; ");
}

/** The image-size chart in words: "python:3.12-slim-bookworm: 150 MB multi-stage; …" */
export function imageSizeSummary(rows: readonly SizeRow[]): string {
  return rows.map((r) => `${r.label}: ${formatBytes((r.base + r["runtime-libraries"] + r["site-packages"]) * MB)} ${STAGE_LABEL.multiStage}`).join("; ");
}

/** The scatter in words: "python:3.12-slim-bookworm: about 2 min, 150 MB; …" */
export function timeSizeSummary(points: readonly ScatterPoint[]): string {
  return points.map((p) => `${p.base}: about ${formatSeconds(p.minutes * 60)}, ${formatBytes(p.megabytes * MB)}`).join("; ");
}

/** A tooltip's value: a bar of the time chart (minutes) or of the size chart (MB). */
export function minutesValue(minutes: number): string {
  return formatSeconds(minutes * 60);
}

export function megabytesValue(megabytes: number): string {
  return formatBytes(megabytes * MB);
}

/** The scatter's series: one per architecture, named by it ("arm64 · emulated" when its builds are). */
export function scatterSeries(report: Report, points: readonly ScatterPoint[]): { arch: Arch; name: string; points: ScatterPoint[] }[] {
  const archs = [...new Set(points.map((p) => p.arch))];
  return archs.map((arch) => {
    const emulated = report.targets.some((t) => t.arch === arch && t.estimate.parameters.emulated);
    return { arch, name: emulated ? `${arch} · ${EMULATED}` : arch, points: points.filter((p) => p.arch === arch) };
  });
}

// About what the charts' 170-pixel axis holds at 11 px.
const TICK_CHARS = 26;

/** An image on a chart's axis: whole when it fits, else its tail ("…ubi9/python-312"), which tells images apart. */
export function tickImage(image: string): string {
  return image.length > TICK_CHARS ? `…${image.slice(-(TICK_CHARS - 1))}` : image;
}

function severalArchs(report: Report): boolean {
  return new Set(report.targets.map((x) => x.arch)).size > 1;
}

/** The base, with the arch only when the report mixes arches. */
function label(t: TargetReport, report: Report): string {
  return severalArchs(report) ? imageLabel(t) : t.base;
}

function barName(t: TargetReport, report: Report): BarName {
  const archLine = severalArchs(report) ? (t.estimate.parameters.emulated ? `${t.arch} · ${EMULATED}` : t.arch) : null;
  return { label: label(t, report), image: t.base, archLine };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
