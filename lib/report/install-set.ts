import type { RequirementEntry } from "@/lib/requirements-file";
import { directVerdict, unknownVerdict, type PackageVerdict } from "@/lib/resolve";
import { resolveTarget, type AnalysisSources, type InstalledPackage, type ResolutionFailureCode, type WorkBudget } from "@/lib/resolve/resolver";
import type { ImageContext } from "./image-context";
import type { TargetPackage } from "./types";

// One image's whole install set, as pip resolves it there, each package with its verdict (wheel or
// build from source, and why: the resolver classifies each choice where it makes it) and the chain
// of requirements that brought it in.

export type InstallSet = { ok: true; packages: TargetPackage[] } | { ok: false; code: ResolutionFailureCode; explanation: string; unreached: string[] };

/** What bounds an analysis's resolutions: its deadline and its work budget, shared by every image and build. */
export interface AnalysisBounds {
  signal?: AbortSignal;
  budget?: WorkBudget;
}

/** entries: requirements whose markers hold on this image; constraints: the file's -c constraints. */
export async function resolveInstallSet(entries: readonly RequirementEntry[], sources: AnalysisSources, image: ImageContext, bounds: AnalysisBounds = {}, constraints: readonly RequirementEntry[] = []): Promise<InstallSet> {
  const resolution = await resolveTarget(entries, sources, { tags: image.tags, tagTarget: image.tagTarget, environment: image.environment, policy: image.policy, signal: bounds.signal, budget: bounds.budget, constraints });
  if (!resolution.ok) return resolution;

  const lineOf = new Map<string, number>();
  for (const entry of entries) if (entry.name && !lineOf.has(entry.name)) lineOf.set(entry.name, entry.line);
  const chains = shortestChains(resolution.packages);
  const resolved: TargetPackage[] = resolution.packages.map((pkg) => {
    const requested = pkg.requiredBy.some((r) => r.project === null);
    return {
      ...installedVerdict(pkg),
      line: requested ? (lineOf.get(pkg.project) ?? null) : null,
      requested,
      requiredBy: pkg.requiredBy,
      via: chains.get(pkg.project) ?? [],
      dependenciesUnknown: pkg.dependenciesUnknown,
    };
  });
  // A URL or path is installed as it is; Basewise does not fetch it, so its dependencies are not followed.
  const direct = entries
    .filter((entry): entry is RequirementEntry & { origin: Exclude<RequirementEntry["origin"], { kind: "index" }> } => entry.origin.kind !== "index")
    .map((entry) => requestedOnly(directVerdict(entry.name ?? entry.text, entry.origin, image.tagTarget), entry, "Basewise does not fetch direct references, so their dependencies are not followed."));
  return { ok: true, packages: inReportOrder([...resolved, ...direct]) };
}

/** A line of the file judged on its own (--no-deps, or when no resolution exists). */
export function requestedOnly(verdict: PackageVerdict, entry: RequirementEntry, dependenciesUnknown: string | null): TargetPackage {
  return {
    ...verdict,
    line: entry.line,
    requested: true,
    requiredBy: [{ project: null, version: null, requirement: entry.text }],
    via: [],
    dependenciesUnknown,
  };
}

/** The file's packages first, in line order; then dependencies by name. */
export function inReportOrder(packages: TargetPackage[]): TargetPackage[] {
  return [...packages].sort((a, b) => {
    if (a.requested !== b.requested) return a.requested ? -1 : 1;
    if (a.requested && a.line !== b.line) return (a.line ?? Infinity) - (b.line ?? Infinity);
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

function installedVerdict(pkg: InstalledPackage): PackageVerdict {
  if (pkg.unknown !== null || pkg.choice === null) {
    return unknownVerdict(pkg.project, pkg.unknown ?? "the index could not answer for this project", pkg.unknownCode ?? "index-error");
  }
  return pkg.choice.verdict;
}

/** For each package, the labels of the packages on the shortest path from the file to it (breadth first). */
export function shortestChains(packages: readonly InstalledPackage[]): Map<string, string[]> {
  const label = (p: InstalledPackage) => (p.version === null ? p.project : `${p.project} ${p.version}`);
  const chains = new Map<string, string[]>();
  // Who each package requires, in package order (the order the scan over all packages had).
  const children = new Map<string | null, InstalledPackage[]>();
  for (const child of packages) {
    for (const project of new Set(child.requiredBy.map((r) => r.project))) {
      const list = children.get(project);
      if (list) list.push(child);
      else children.set(project, [child]);
    }
  }
  let frontier = children.get(null) ?? [];
  for (const p of frontier) chains.set(p.project, []);
  while (frontier.length > 0) {
    const next: InstalledPackage[] = [];
    for (const parent of frontier) {
      for (const child of children.get(parent.project) ?? []) {
        if (chains.has(child.project)) continue;
        chains.set(child.project, [...(chains.get(parent.project) ?? []), label(parent)]);
        next.push(child);
      }
    }
    frontier = next;
  }
  return chains;
}
