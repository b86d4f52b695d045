import { parseVersion } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";

/**
 * Source-archive extensions pip will build from: pip 23.2.1
 * (pip/_internal/utils/unpacking.py SUPPORTED_EXTENSIONS, minus ".whl"; the
 * bz2 and lzma modules are present in every python image). packaging's
 * parse_sdist_filename accepts only ".tar.gz" and ".zip", the two forms PEP 625
 * and today's PyPI allow for new uploads; but old releases on PyPI still carry
 * ".tgz", ".tar.bz2", ... and pip installs them, so for "what will pip do" the
 * wider list is the right one. Matching is case-sensitive, as in pip
 * (".TAR.GZ" is skipped as "unsupported archive format"). ".egg", ".exe",
 * ".rpm" etc. are never candidates.
 */
export const SDIST_EXTENSIONS: readonly string[] = [
  ".tar.gz", ".tgz", ".tar", ".zip",
  ".tar.bz2", ".tbz",
  ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma",
];

export interface SdistFilename {
  /** PEP 503 normalised project name */
  name: string;
  /** the version as written (valid PEP 440, not normalised) */
  version: string;
}

/**
 * Splits an sdist filename into name and version, or null when pip would not
 * treat the file as a source distribution of a PEP 440 version.
 *
 * Without `projectName` the stem is split at its LAST dash, as
 * packaging.utils.parse_sdist_filename does (a PEP 440 version in normal form
 * has no dash). With it, the split is at the first dash whose prefix
 * normalises to the project name, as pip's LinkEvaluator does
 * (_find_name_version_sep) — which is what lets "foo-1.0-1.tar.gz" be foo
 * 1.0.post1 rather than "foo-1.0" version 1. Index pages always know the
 * project, so callers should pass it.
 *
 * pip 23.2.1 still accepted non-PEP 440 versions (LegacyVersion, deprecated);
 * pip 24.1+ and packaging reject them, and so do we.
 */
export function parseSdistFilename(filename: string, projectName?: string): SdistFilename | null {
  const split = splitArchiveExtension(filename);
  if (!split || !SDIST_EXTENSIONS.includes(split.ext)) return null;
  const stem = split.base;

  let namePart: string;
  let version: string;
  if (projectName === undefined) {
    const dash = stem.lastIndexOf("-");
    if (dash < 0) return null;
    namePart = stem.slice(0, dash);
    version = stem.slice(dash + 1);
  } else {
    const wanted = canonicalizeName(projectName);
    const dash = findNameVersionDash(stem, wanted);
    if (dash < 0) return null;
    namePart = stem.slice(0, dash);
    version = stem.slice(dash + 1);
  }
  if (parseVersion(version) === null) return null;
  return { name: canonicalizeName(namePart), version };
}

/**
 * pip's misc.splitext: Python's posixpath.splitext (last dot, ignoring leading
 * dots of the name), then ".tar" is pulled into the extension. So
 * "x.tar.zip" has extension ".tar.zip", which pip does not support.
 */
function splitArchiveExtension(filename: string): { base: string; ext: string } | null {
  const name = filename.slice(filename.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || /^\.*$/.test(name.slice(0, dot))) return null;
  let base = name.slice(0, dot);
  let ext = name.slice(dot);
  if (base.toLowerCase().endsWith(".tar")) {
    ext = base.slice(-4) + ext;
    base = base.slice(0, -4);
  }
  return { base, ext };
}

function findNameVersionDash(stem: string, canonicalProject: string): number {
  for (let i = 0; i < stem.length; i++) {
    if (stem[i] === "-" && canonicalizeName(stem.slice(0, i)) === canonicalProject) return i;
  }
  return -1;
}
