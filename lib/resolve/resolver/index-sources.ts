import type { IndexFile, ProjectResult, SdistBuildSystemResult } from "@/lib/index";
import { asOfProject, type AsOfResult } from "@/lib/index/as-of";
import type { Dependencies, ResolverSources } from "./pip-provider";

// The resolver's view of a package index: pages fetched ahead of need and kept for the analysis (every
// target of one analysis shares them), and each file's core metadata.

export interface MetadataIndex {
  getProject(name: string): Promise<ProjectResult>;
  getCoreMetadata(
    project: string,
    file: IndexFile,
  ): Promise<{ ok: true; metadata: { requiresDist: string[]; requiresPython: string | null; providesExtra: string[] } } | { ok: false; message: string }>;
  /** Optional: an index client that may download sdists to read their [build-system]. */
  getSdistBuildSystem?(project: string, file: IndexFile): Promise<SdistBuildSystemResult>;
}

export interface AnalysisSources extends ResolverSources {
  /** Every project page asked for so far, after the "as of" cutoff. */
  pages: ReadonlyMap<string, ProjectResult>;
  /** Per project, how many of its files had no upload time, so "as of" could not check them. */
  undatedFiles: ReadonlyMap<string, number>;
  /** An sdist's own [build-system], when the index client may fetch sdists. */
  sdistBuildSystem(project: string, file: IndexFile): Promise<SdistBuildSystemResult>;
}

// Per file list the index client hands out (shared across clients by its parsed-page cache): its
// newest upload time and its undated files. When "as of" is after every upload (the usual "now"),
// the page is kept as it is, the same files array: the choice caches downstream are keyed by it, so
// a later analysis reuses their answers.
const uploads = new WeakMap<readonly IndexFile[], { newest: number; undated: number }>();

function asOfCut(page: ProjectResult, asOf: Date): AsOfResult {
  if (!page.ok) return { project: page, undatedFiles: 0 };
  let known = uploads.get(page.page.files);
  if (!known) {
    known = { newest: -Infinity, undated: 0 };
    for (const file of page.page.files) {
      const uploaded = file.uploadTime === null ? Number.NaN : Date.parse(file.uploadTime);
      // asOfProject's rule: no time, or one that does not parse, is undated (and kept).
      if (Number.isNaN(uploaded)) known.undated++;
      else if (uploaded > known.newest) known.newest = uploaded;
    }
    uploads.set(page.page.files, known);
  }
  if (known.newest <= asOf.getTime()) return { project: page, undatedFiles: known.undated };
  return asOfProject(page, asOf);
}

export function indexSources(index: MetadataIndex, asOf: Date): AnalysisSources {
  const pages = new Map<string, ProjectResult>();
  const undatedFiles = new Map<string, number>();
  const metadata = new Map<string, Promise<Dependencies>>();
  return {
    pages,
    undatedFiles,
    sdistBuildSystem: (project, file) =>
      index.getSdistBuildSystem?.(project, file) ?? Promise.resolve({ ok: false, reason: "disabled", message: "this index client does not fetch sdists" }),
    project: (name) => pages.get(name),
    async prefetch(names) {
      await Promise.all(
        names
          .filter((name) => !pages.has(name))
          .map(async (name) => {
            const page = await index.getProject(name);
            // Files uploaded after "as of" do not exist for this analysis.
            const cut = asOfCut(page, asOf);
            pages.set(name, cut.project);
            if (cut.undatedFiles > 0) undatedFiles.set(name, cut.undatedFiles);
          }),
      );
    },
    dependencies(project, file) {
      let known = metadata.get(file.url);
      if (!known) {
        known = index.getCoreMetadata(project, file).then((result) =>
          result.ok
            ? { ok: true, requiresDist: result.metadata.requiresDist, requiresPython: result.metadata.requiresPython, providesExtra: result.metadata.providesExtra }
            : { ok: false, message: result.message },
        );
        metadata.set(file.url, known);
      }
      return known;
    },
  };
}
