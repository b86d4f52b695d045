import type { IndexFile, MetadataResult, ProjectResult } from "@/lib/index";
import { analyze } from "./analyze";
import type { Report } from "./types";

// For tests: an index in memory, each project a list of file names (the version is read from the
// name), with no dependencies; and one analysis against it.

export function memoryIndex(files: Record<string, string[]>) {
  const pages = new Map<string, ProjectResult>();
  const versionOf = new Map<string, string>();
  for (const [name, names] of Object.entries(files)) {
    const list: IndexFile[] = names.map((filename) => {
      versionOf.set(filename, filename.replace(/\.(tar\.gz|zip)$/, "").split("-")[1] ?? "");
      return { filename, url: `https://files.example/${filename}`, hashes: {}, requiresPython: null, yanked: false, size: 1000, uploadTime: null, coreMetadata: true };
    });
    pages.set(name, { ok: true, page: { name, files: list, versions: null, apiVersion: "1.1", fetchedFrom: "network" } });
  }
  return {
    getProject: async (name: string): Promise<ProjectResult> => pages.get(name) ?? { ok: false, reason: "not-found", message: `${name} was not found on the package index (HTTP 404)` },
    getCoreMetadata: async (project: string, file: IndexFile): Promise<MetadataResult> => ({
      ok: true,
      source: "pep658",
      metadata: { name: project, version: versionOf.get(file.filename) ?? "", requiresDist: [], requiresPython: null, providesExtra: [] },
    }),
  };
}

/**
 * Sdists with optional native parts and one without: Pillow 9.4.0 has wheels up to cp311 only, so
 * on Python 3.12 pip builds it; PyYAML 6.0.1 and psycopg2 2.9.9 are sdists here.
 */
export const OPTIONAL_PARTS_INDEX = memoryIndex({
  pillow: ["Pillow-9.4.0.tar.gz", "Pillow-9.4.0-cp311-cp311-manylinux_2_28_x86_64.whl"],
  pyyaml: ["PyYAML-6.0.1.tar.gz"],
  psycopg2: ["psycopg2-2.9.9.tar.gz"],
  uwsgi: ["uwsgi-2.0.28.tar.gz"],
  lxml: ["lxml-5.3.0.tar.gz"],
  setuptools: ["setuptools-69.0.2-py3-none-any.whl"],
  wheel: ["wheel-0.42.0-py3-none-any.whl"],
  cython: ["Cython-0.29.37-py2.py3-none-any.whl"],
});

export async function analyzeInMemory(requirements: string, bases: string[], index = OPTIONAL_PARTS_INDEX): Promise<Report> {
  const result = await analyze({ requirements, bases, arch: "amd64" }, { index, indexHost: "memory" });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}
