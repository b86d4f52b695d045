/**
 * One package across the compared images: what pip does with it on each, why it compiles (the
 * closest wheel that missed), the nearest version that would not compile, the OS packages its build
 * and its runtime need there, and what pulls it in.
 */
import type { Report } from "@/lib/contract/report";
import { targetKey } from "./comparison";

export interface PackageOnImage {
  key: string;
  base: string;
  arch: "amd64" | "arm64";
  /** "wheel", "sdist", "none", "unknown", "direct", or "absent" when nothing on this image needs it. */
  status: string;
  version: string | null;
  file: string | null;
  tag: string | null;
  reason: string;
  /** Why no wheel fits (for a compile). */
  closestMiss: string | null;
  /** The nearest version with a wheel here, and whether the file's requirement allows it. */
  nearestWheel: { version: string; tag: string; allowedByRequirement: boolean } | null;
  buildPackages: string[];
  runtimePackages: string[];
  manager: string;
  /** Compiled only inside these builds (build isolation). */
  forBuildOf: string[];
  requiredBy: string[];
  chain: string[];
  line: number | null;
}

export function packageDetail(report: Report, name: string): PackageOnImage[] {
  return report.targets.map((t) => {
    const pkg = t.packages.find((p) => p.name === name);
    const compile = t.compiles.find((c) => c.name === name);
    const label = compile ? `${compile.name}${compile.version ? ` ${compile.version}` : ""}` : null;
    const neededBy = (list: { name: string; neededBy: string[] }[]) => (label ? list.filter((p) => p.neededBy.includes(label)).map((p) => p.name) : []);
    return {
      key: targetKey(t),
      base: t.base,
      arch: t.arch,
      status: pkg ? pkg.status : compile ? "sdist" : "absent",
      version: pkg?.version ?? compile?.version ?? null,
      file: pkg?.filename ?? null,
      tag: pkg?.tag ?? null,
      reason: pkg?.reason ?? (compile ? `Built from source inside the build of ${compile.forBuildOf.join(", ")}.` : "Nothing on this image requires it."),
      closestMiss: pkg?.miss?.detail ?? null,
      nearestWheel: pkg?.alternative ? { version: pkg.alternative.version, tag: pkg.alternative.tag, allowedByRequirement: pkg.alternative.satisfiesSpecifier } : null,
      buildPackages: neededBy(t.sysdeps.build),
      runtimePackages: neededBy(t.sysdeps.runtime),
      manager: t.sysdeps.manager,
      forBuildOf: compile?.forBuildOf ?? [],
      requiredBy: (pkg?.requiredBy ?? []).map((r) => (r.project ? `${r.project} ${r.version ?? ""}`.trim() + ` (${r.requirement})` : `your requirements (${r.requirement})`)),
      chain: pkg?.via ?? [],
      line: pkg?.line ?? null,
    };
  });
}

/** Every package name in the comparison: requested first (file order), then dependencies by name. */
export function packageNames(report: Report): { name: string; requested: boolean }[] {
  const byName = new Map<string, boolean>();
  for (const t of report.targets) for (const p of t.packages) byName.set(p.name, (byName.get(p.name) ?? false) || p.requested);
  for (const t of report.targets) for (const c of t.compiles) if (!byName.has(c.name)) byName.set(c.name, false);
  return [...byName].map(([name, requested]) => ({ name, requested }));
}
