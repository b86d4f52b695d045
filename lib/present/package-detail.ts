/**
 * One package across the compared images: what pip does with it on each, why it compiles (the
 * closest wheel that missed), the nearest version that would not compile, the OS packages its build
 * and its runtime need there, and what pulls it in.
 */
import type { Arch } from "@/lib/contract/request";
import type { Report } from "@/lib/contract/report";
import { groupByImage, type ImageGroup } from "./architectures";
import { targetKey } from "./comparison";
import { chainFromFile, insideBuildsNote, nearestWheelNote, requirerWithRequirement } from "./package";
import { ABSENCE_REASON, statusLine, type CellStatus } from "./status";
import { buildPartsView, type BuildPartsView } from "./build-parts";
import { packageOsNeeds } from "./target";
import { buildTableNote, compileOf, viabilityView, type ViabilityView } from "./viability";

export interface PackageOnImage {
  key: string;
  base: string;
  arch: Arch;
  /** The report's status, or "absent" when nothing on this image needs it. */
  status: Exclude<CellStatus, "skipped">;
  /** "2.9.9 compiles from source" */
  statusLine: string;
  version: string | null;
  file: string | null;
  tag: string | null;
  reason: string;
  /** Why no wheel fits (for a compile). */
  closestMiss: string | null;
  /** The nearest version with a wheel here, and whether the file's requirement allows it. */
  nearestWheel: { version: string; tag: string; allowedByRequirement: boolean } | null;
  /** The same in words, when the package does not install from a wheel here. */
  nearestWheelNote: string | null;
  buildPackages: string[];
  runtimePackages: string[];
  manager: string;
  /** "builder installs (apk): g++ …" and "final image keeps: libgomp", for this package's compile. */
  osNeeds: { build: string | null; runtime: string | null };
  /** What those packages enable where parts are optional, and the packages for the rest; null when none. */
  buildParts: BuildPartsView | null;
  /** Compiled only inside these builds (build isolation). */
  forBuildOf: string[];
  /** The same in words, when the package is also in the image's own install set. */
  insideBuilds: string | null;
  /** "django 4.2.7 (asgiref<4,>=3.6.0)", "your requirements (scikit-learn==1.4.2)" */
  requiredBy: string[];
  chain: string[];
  /** "your file → scikit-learn 1.4.2 → joblib", for a dependency. */
  chainNote: string | null;
  line: number | null;
  /** Whether its source build succeeds here (for a compile): label, reason, fix, sources. */
  viability: ViabilityView | null;
  /** "Basewise's build table: always compiles on Linux", for a package the index could not answer for. */
  buildTable: string | null;
}

export function packageDetail(report: Report, name: string): PackageOnImage[] {
  return report.targets.map((t) => {
    const pkg = t.packages.find((p) => p.name === name);
    const compile = compileOf(t.compiles, name);
    const label = compile ? `${compile.name}${compile.version ? ` ${compile.version}` : ""}` : null;
    const neededBy = (list: { name: string; neededBy: string[] }[]) => (label ? list.filter((p) => p.neededBy.includes(label)).map((p) => p.name) : []);
    const status = pkg ? pkg.status : compile ? "sdist" : "absent";
    const version = pkg?.version ?? compile?.version ?? null;
    const buildPackages = neededBy(t.sysdeps.build);
    const runtimePackages = neededBy(t.sysdeps.runtime);
    const forBuildOf = compile?.forBuildOf ?? [];
    return {
      key: targetKey(t),
      base: t.base,
      arch: t.arch,
      status,
      statusLine: statusLine(version, status),
      version,
      file: pkg?.filename ?? null,
      tag: pkg?.tag ?? null,
      reason: pkg?.reason ?? (compile ? insideBuildsNote(forBuildOf) : ABSENCE_REASON.absent),
      closestMiss: pkg?.miss?.detail ?? null,
      nearestWheel: pkg?.alternative ? { version: pkg.alternative.version, tag: pkg.alternative.tag, allowedByRequirement: pkg.alternative.satisfiesSpecifier } : null,
      nearestWheelNote: pkg ? nearestWheelNote(pkg) : null,
      buildPackages,
      runtimePackages,
      manager: t.sysdeps.manager,
      osNeeds: packageOsNeeds(t.sysdeps.manager, buildPackages, runtimePackages),
      buildParts: compile ? buildPartsView(compile, t.sysdeps.manager) : null,
      forBuildOf,
      insideBuilds: pkg && forBuildOf.length > 0 ? insideBuildsNote(forBuildOf) : null,
      requiredBy: (pkg?.requiredBy ?? []).map(requirerWithRequirement),
      chain: pkg?.via ?? [],
      chainNote: pkg && pkg.via.length > 0 ? chainFromFile(name, pkg.via) : null,
      line: pkg?.line ?? null,
      viability: compile ? viabilityView(compile, t.sysdeps.manager) : null,
      buildTable: pkg ? buildTableNote(pkg) : null,
    };
  });
}

/**
 * The same, gathered by image (an image's architectures side by side), with the status they share —
 * or "mixed" when the architectures differ (arm64 compiles what amd64 installs from a wheel).
 */
export function packageDetailByImage(report: Report, name: string): (ImageGroup<PackageOnImage> & { status: PackageOnImage["status"] | "mixed" })[] {
  return groupByImage(packageDetail(report, name), report.archs).map((group) => {
    const statuses = new Set(group.targets.map((t) => t.status));
    const [only] = statuses;
    return { ...group, status: statuses.size === 1 && only ? only : "mixed" };
  });
}

/** Every package name in the comparison: requested first (file order), then dependencies by name. */
export function packageNames(report: Report): { name: string; requested: boolean }[] {
  const byName = new Map<string, boolean>();
  for (const t of report.targets) for (const p of t.packages) byName.set(p.name, (byName.get(p.name) ?? false) || p.requested);
  for (const t of report.targets) for (const c of t.compiles) if (!byName.has(c.name)) byName.set(c.name, false);
  return [...byName].map(([name, requested]) => ({ name, requested }));
}
