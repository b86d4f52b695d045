/**
 * How table rows name their sources, so every row cites the same way.
 */

/** The shared sysdeps entry a row was checked against (`../shared/data/sysdeps/native-packages.json`). */
export function sysdeps(project: string): string {
  return `sysdeps/native-packages.json "${project}" (backend, build_requires_python, notes)`;
}

/** A release's pyproject.toml (or other file) on GitHub, at its tag. */
export function atTag(repo: string, tag: string, path = "pyproject.toml"): string {
  return `https://github.com/${repo}/blob/${tag}/${path}`;
}

/** A file read at a commit in the public-code corpus (what was actually seen). */
export function readAt(repo: string, commit: string, path = "pyproject.toml", what = ""): string {
  return `${repo}@${commit.slice(0, 10)}:${path}${what ? ` (${what})` : ""}`;
}

/**
 * A release's file read at its tag in a clone of the project (`owner/repo@tag:path`), with the
 * commit the tag pointed to. "no pyproject.toml" and "no [build-system]" rows cite the same way.
 */
export function readAtTag(repo: string, tag: string, commit: string, path = "pyproject.toml"): string {
  return `${repo}@${tag}:${path} (commit ${commit.slice(0, 10)})`;
}

/** Spack's package recipes track build requirements per release, "from pyproject.toml". */
export function spack(pkg: string): string {
  return `spack/spack-packages repos/spack_repo/builtin/packages/${pkg}/package.py (build dependencies per release)`;
}

export function cite(...parts: string[]): string {
  return parts.join("; ");
}
