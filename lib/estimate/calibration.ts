/**
 * Runs the model over published measurements (data/calibration/*.json rows, read by the caller):
 * every row the model can predict — a compile of a package with a cost figure, a wheel install
 * with its size, an installed size — gives predicted vs measured and their ratio.
 */
import { compileCost, type Toolchain } from "./compile-costs";
import { onCores } from "./build-time";
import { EMULATION, INSTALL, MB, UNPACK_RATIO } from "./parameters";

export interface BuildTimeRow {
  id: number;
  package: string;
  version: string;
  arch: string;
  libc: string;
  seconds: number;
  kind: string;
  cores?: number;
  emulated?: boolean;
  bound?: string;
  wheel_mb?: number;
  installed_mb?: number;
  notes?: string;
}

export interface SizeRow {
  id: number;
  item: string;
  kind: string;
  compressed_mb: number | null;
  installed_mb: number | null;
  notes?: string;
}

export interface CalibrationPoint {
  source: string;
  what: string;
  measured: number;
  predicted: number;
  unit: "s" | "MB";
  /** predicted ÷ measured. */
  ratio: number;
  bound: string;
}

const LINUX_LIBC = new Set(["glibc", "musl"]);

/** Compile rows: a package with a cost figure, a version we can read, on x86_64/aarch64 Linux. */
export function compilePoints(rows: readonly BuildTimeRow[]): CalibrationPoint[] {
  const points: CalibrationPoint[] = [];
  for (const row of rows) {
    if (row.kind !== "compile" || !LINUX_LIBC.has(row.libc)) continue;
    // Not what pip does: an explicit parallel `build_ext -jN` developer build, or a distro RPM build
    // that runs the test suite too.
    if (/-j\d|%check|incl\. tests|RPM/.test(row.notes ?? "")) continue;
    if (!/^(x86_64|aarch64)/.test(row.arch)) continue;
    const version = /^\d+(\.\d+)*/.exec(row.version)?.[0];
    const cost = compileCost(row.package, version ?? null, ["c"]);
    if (!version || !cost.measured) continue;
    const cores = row.cores ?? 2; // the GitHub/Travis runners of the unannotated rows had 2 vCPU
    const wall = onCores(cost.seconds, cost.parallel, cores);
    const emulation = row.emulated ? EMULATION.compile : ([1, 1] as const);
    const predicted = ((wall[0] * emulation[0] + wall[1] * emulation[1]) / 2);
    points.push(point(`build-times #${row.id}`, `compile ${row.package} ${row.version} (${row.arch}, ${row.libc})`, row.seconds, predicted, "s", row.bound ?? "approx"));
  }
  return points;
}

/** Wheel install rows with the wheel's size: pip's install time and the installed size. */
export function installPoints(rows: readonly BuildTimeRow[]): CalibrationPoint[] {
  const points: CalibrationPoint[] = [];
  for (const row of rows) {
    if (row.kind !== "install" || row.wheel_mb === undefined || row.installed_mb === undefined) continue;
    const pure = /none-any/.test(row.notes ?? "");
    const perMB = pure ? INSTALL.pureSecondsPerMB : INSTALL.compiledSecondsPerMB;
    const seconds = INSTALL.pipStartSeconds + (INSTALL.perPackageSeconds[0] + INSTALL.perPackageSeconds[1]) / 2 + row.wheel_mb * ((perMB[0] + perMB[1]) / 2);
    points.push(point(`build-times #${row.id}`, `install ${row.package} ${row.version} (${row.wheel_mb} MB wheel)`, row.seconds, seconds, "s", row.bound ?? "exact"));
    const installed = row.wheel_mb * (pure ? UNPACK_RATIO.pure : UNPACK_RATIO.compiled);
    points.push(point(`build-times #${row.id}`, `installed size of ${row.package} ${row.version}`, row.installed_mb, installed, "MB", row.bound ?? "exact"));
  }
  return points;
}

/** Installed-size rows of package-sizes.json with a wheel size beside them. */
export function sizePoints(rows: readonly SizeRow[]): CalibrationPoint[] {
  const points: CalibrationPoint[] = [];
  for (const row of rows) {
    if (row.kind !== "package-installed" || row.compressed_mb === null || row.installed_mb === null) continue;
    if (!/installed by pip/.test(JSON.stringify(row))) continue;
    const pure = /\(pure/.test(row.item);
    const predicted = row.compressed_mb * (pure ? UNPACK_RATIO.pure : UNPACK_RATIO.compiled);
    points.push(point(`package-sizes #${row.id}`, `installed size of ${row.item}`, row.installed_mb, predicted, "MB", "exact"));
  }
  return points;
}

function point(source: string, what: string, measured: number, predicted: number, unit: "s" | "MB", bound: string): CalibrationPoint {
  return { source, what, measured, predicted: Math.round(predicted * 10) / 10, unit, ratio: Math.round((predicted / measured) * 100) / 100, bound };
}

/** Median ratio, and the worst by distance from 1 on a log scale. */
export function summarize(points: readonly CalibrationPoint[]): { median: number; worst: CalibrationPoint | null } {
  if (points.length === 0) return { median: Number.NaN, worst: null };
  const ratios = points.map((p) => p.ratio).sort((a, b) => a - b);
  const mid = Math.floor(ratios.length / 2);
  const median = ratios.length % 2 ? (ratios[mid] ?? 0) : ((ratios[mid - 1] ?? 0) + (ratios[mid] ?? 0)) / 2;
  const worst = points.reduce((a, b) => (Math.abs(Math.log(b.ratio)) > Math.abs(Math.log(a.ratio)) ? b : a));
  return { median, worst };
}

export function formatPoints(points: readonly CalibrationPoint[]): string {
  return points
    .map((p) => `${p.source.padEnd(18)} ${p.what.slice(0, 62).padEnd(62)} measured ${String(p.measured).padStart(7)} ${p.unit}  predicted ${String(p.predicted).padStart(7)} ${p.unit}  ratio ${p.ratio.toFixed(2)}${p.bound === "exact" || p.bound === "approx" ? "" : ` (${p.bound})`}`)
    .join("\n");
}

export type { Toolchain };
export { MB };
