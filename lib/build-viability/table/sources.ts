/**
 * How rows cite their sources, so every row cites the same way (all URLs).
 */

/** A file at a tag on GitHub (a release's Cargo.lock, changelog, pyproject.toml). */
export function atTag(repo: string, tag: string, path: string): string {
  return `https://github.com/${repo}/blob/${tag}/${path}`;
}

/** A GitHub issue or pull request. */
export function github(repo: string, kind: "issues" | "pull", number: number): string {
  return `https://github.com/${repo}/${kind}/${number}`;
}

/**
 * A release's files on PyPI. Cited for "the project's CI built cpXY wheels of this release from
 * this source", read from the snapshot in ../shared/data/pypi/packages.jsonl.gz (wheels up to
 * 2023-09-07).
 */
export function pypiFiles(project: string, version: string): string {
  return `https://pypi.org/project/${project}/${version}/#files`;
}
