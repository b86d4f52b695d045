import type { IndexFile, MetadataFailureReason, MetadataResult, ProjectResult, SdistBuildSystemResult } from "@/lib/index";
import type { RequirementEntry } from "@/lib/requirements-file";
import type { DependenciesUnknownReason, TargetPackage } from "./types";

// Why a package's own dependencies are not known, as a code beside the words. The resolver keeps only
// the index's message for a file whose core metadata failed; the index gave a reason with it, which
// the analysis records here on its way to the resolver, by file, so the report never reads the words.

/** The index an analysis reads: project pages and files' core metadata (failures with their reason). */
export interface AnalysisIndex {
  getProject(name: string): Promise<ProjectResult>;
  getCoreMetadata(
    project: string,
    file: IndexFile,
  ): Promise<{ ok: true; metadata: { requiresDist: string[]; requiresPython: string | null; providesExtra: string[] } } | Extract<MetadataResult, { ok: false }>>;
  /** Optional: an index client that may download sdists to read their [build-system]. */
  getSdistBuildSystem?(project: string, file: IndexFile): Promise<SdistBuildSystemResult>;
}

/** The index's reason for each file whose core metadata it could not give, by filename. */
export type MetadataFailures = ReadonlyMap<string, MetadataFailureReason>;

/** The same index, remembering why each file's metadata failed. */
export function recordingMetadataFailures(index: AnalysisIndex): { index: AnalysisIndex; failures: MetadataFailures } {
  const failures = new Map<string, MetadataFailureReason>();
  const recording: AnalysisIndex = {
    getProject: (name) => index.getProject(name),
    getCoreMetadata: async (project, file) => {
      const result = await index.getCoreMetadata(project, file);
      if (!result.ok) failures.set(file.filename, result.reason);
      return result;
    },
    ...(index.getSdistBuildSystem ? { getSdistBuildSystem: index.getSdistBuildSystem.bind(index) } : {}),
  };
  return { index: recording, failures };
}

/**
 * How an install set's dependencies were followed: "resolved" (by the resolver, from each file's
 * metadata), "no-deps" (--no-deps: not at all) or "not-resolved" (the resolution failed or stopped, so
 * each line was judged on its own).
 */
export type DependencyFollowing = "resolved" | "no-deps" | "not-resolved";

/**
 * Each package with the code for its dependenciesUnknown. entries: the requirements the install set
 * was made from (a URL or path among them is never fetched, so its dependencies are not followed).
 */
export function withDependencyCodes(packages: readonly TargetPackage[], entries: readonly RequirementEntry[], following: DependencyFollowing, failures: MetadataFailures): TargetPackage[] {
  const directLines = new Set(entries.filter((e) => e.origin.kind !== "index").map((e) => e.line));
  return packages.map((pkg) => ({ ...pkg, dependenciesUnknownCode: dependenciesUnknownCode(pkg, directLines, following, failures) }));
}

function dependenciesUnknownCode(pkg: TargetPackage, directLines: ReadonlySet<number>, following: DependencyFollowing, failures: MetadataFailures): DependenciesUnknownReason | null {
  if (pkg.dependenciesUnknown === null) return null;
  if (following !== "resolved") return following;
  if (pkg.requested && pkg.line !== null && directLines.has(pkg.line)) return "direct-reference";
  return (pkg.filename !== null ? failures.get(pkg.filename) : undefined) ?? null;
}
