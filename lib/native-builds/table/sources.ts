/**
 * How rows cite their sources, so every row cites the same way: URLs, or `owner/repo@commit:path`
 * for a file read at a commit in the public-code corpus.
 */

// rgommers/external-deps-build builds top PyPI sdists from source on Arch, Fedora, Ubuntu and
// conda-forge in CI, with each project's external (non-PyPI) dependencies declared per distro.
const EXTERNAL_DEPS_BUILD = "rgommers/external-deps-build@89a049c88be224b166a52bc0d230a0083129a75a";

/** The project's external-dependency metadata in rgommers/external-deps-build. */
export function externalDeps(project: string): string {
  return `${EXTERNAL_DEPS_BUILD}:external_metadata/${project}.toml`;
}

/** A file read at a commit. */
export function readAt(repo: string, commit: string, path: string): string {
  return `${repo}@${commit}:${path}`;
}

/** A release's file at its tag on GitHub. */
export function atTag(repo: string, tag: string, path: string): string {
  return `https://github.com/${repo}/blob/${tag}/${path}`;
}

/** A GitHub issue or pull request. */
export function github(repo: string, kind: "issues" | "pull", number: number): string {
  return `https://github.com/${repo}/${kind}/${number}`;
}

/** The project's files on PyPI (which wheels and sdists a release has). */
export function pypiFiles(project: string): string {
  return `https://pypi.org/project/${project}/#files`;
}
