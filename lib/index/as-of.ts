import type { ProjectResult } from "./types";

// Reproducible answers: an analysis "as of" a moment ignores files uploaded after it (like uv's
// --exclude-newer), so a shared link gives the same answer next year.

export interface AsOfResult {
  project: ProjectResult;
  /** Files the index gives no upload time for: they cannot be dated, so they are kept. */
  undatedFiles: number;
}

export function asOfProject(project: ProjectResult, asOf: Date): AsOfResult {
  if (!project.ok) return { project, undatedFiles: 0 };
  const cutoff = asOf.getTime();
  let undatedFiles = 0;
  const files = project.page.files.filter((file) => {
    if (file.uploadTime === null) {
      undatedFiles++;
      return true;
    }
    const uploaded = Date.parse(file.uploadTime);
    // An unparseable time is as good as none.
    if (Number.isNaN(uploaded)) {
      undatedFiles++;
      return true;
    }
    return uploaded <= cutoff;
  });
  return { project: { ok: true, page: { ...project.page, files } }, undatedFiles };
}
