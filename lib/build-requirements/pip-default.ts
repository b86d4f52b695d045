/**
 * pip's build requirements for an sdist without a `[build-system]` table (no pyproject.toml, or
 * one without that table): src/pip/_internal/pyproject.py, `load_pyproject_toml`.
 *
 * - pip 19.1 – 23.3: `["setuptools>=40.8.0", "wheel"]`, backend `setuptools.build_meta:__legacy__`.
 * - pip ≥ 24.0: `["setuptools>=40.8.0"]` — pypa/pip#12449 stopped adding `wheel`, because
 *   setuptools' own get_requires_for_build_wheel asks for it when it needs it (before 70.1).
 *
 * Whether pip uses this isolated build at all for such a project also depends on pip: before
 * 25.3 a project without pyproject.toml could still be built by running its setup.py in the
 * image's own environment (pip < 23.1 always; 23.1 – 25.2 only when setuptools and wheel are both
 * importable — pypa/pip#8559 — as in the python:3.11-and-older images), and then nothing is
 * installed first. pip 25.3 removed that path (the deprecation names 25.3, pypa/pip#6334).
 */
import { compareVersions, parseVersion } from "@/lib/pep440";
import { BACKEND } from "./backends";

export const PIP_DEFAULT_BACKEND = BACKEND.setuptoolsLegacy;

export const PIP_DEFAULT_SOURCE =
  "pip src/pip/_internal/pyproject.py load_pyproject_toml (https://github.com/pypa/pip/blob/24.0/src/pip/_internal/pyproject.py); " +
  "wheel dropped in pip 24.0 by https://github.com/pypa/pip/pull/12449 (see https://github.com/pypa/pip/issues/12550); " +
  "https://pip.pypa.io/en/stable/reference/build-system/pyproject-toml/#fallback-behaviour";

const WHEEL_DROPPED_IN = "24.0";
const LEGACY_PATH_REMOVED_IN = "25.3";

/** pip's default `build-system.requires` for the given pip (current pip when absent or unreadable). */
export function pipDefaultRequires(pipVersion?: string): string[] {
  const requires = ["setuptools>=40.8.0"];
  if (isBefore(pipVersion, WHEEL_DROPPED_IN)) requires.push("wheel");
  return requires;
}

/**
 * A sentence on pip's legacy path for a project with no `[build-system]`: empty for pip ≥ 25.3,
 * which always builds in isolation; the caveat otherwise, also when the pip is not known.
 */
export function legacyPathNote(pipVersion?: string): string {
  const parsed = pipVersion === undefined ? null : parseVersion(pipVersion.trim());
  if (parsed && compareVersions(parsed, LEGACY_PATH_REMOVED_IN) >= 0) return "";
  return (
    "pip before 25.3 may skip the isolated environment for such a project and run its setup.py " +
    "(bdist_wheel) in the image's own environment (pip < 23.1 always; 23.1–25.2 when setuptools and " +
    "wheel are both installed, as in python:3.11-and-older images); then nothing is installed first."
  );
}

function isBefore(pipVersion: string | undefined, threshold: string): boolean {
  if (pipVersion === undefined) return false;
  const parsed = parseVersion(pipVersion.trim());
  if (!parsed) return false;
  return compareVersions(parsed, threshold) < 0;
}
