// PyPI's JSON API (https://docs.pypi.org/api/json/), the fallback source of a release's dependencies
// when a file has no PEP 658 metadata. It is not a standard: only PyPI and indexes that copy it
// (the snapshot index, Artifactory, devpi's mirrors of PyPI) serve it, beside the simple API.

import type { IndexRoot } from "./index-url";
import { normalizeProjectName } from "./project-name";
import type { FileMetadata } from "./types";

/**
 * The JSON API's root, when the index has one where PyPI puts it: the simple root's sibling,
 * `…/simple/` → `…/pypi/` (https://pypi.org/simple/ → https://pypi.org/pypi/). A root that does not
 * end in /simple/ (devpi's /root/pypi/+simple/, a static file tree) is not assumed to have one.
 */
export function jsonApiRoot(index: IndexRoot): URL | null {
  const { pathname } = index.root;
  if (!pathname.endsWith("/simple/")) return null;
  return new URL(`${pathname.slice(0, -"simple/".length)}pypi/`, index.root.origin);
}

/** `<api root>/<normalised name>/<version>/json`: one release (not the whole project, which can be megabytes). */
export function jsonApiReleaseUrl(apiRoot: URL, project: string, version: string): URL {
  return new URL(`${encodeURIComponent(normalizeProjectName(project))}/${encodeURIComponent(version)}/json`, apiRoot);
}

export type JsonApiReading = { ok: true; metadata: FileMetadata } | { ok: false; message: string };

/**
 * `info.name`, `info.version`, `info.requires_dist`, `info.requires_python`, `info.provides_extra`.
 * PyPI writes null for "none declared" in the list fields, and "" for no Requires-Python.
 */
export function readJsonApiRelease(text: string): JsonApiReading {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `the JSON API answer is not valid JSON (${(error as Error).message})` };
  }
  const info = isObject(data) ? data.info : undefined;
  if (!isObject(info)) return { ok: false, message: 'the JSON API answer has no "info" object' };
  if (typeof info.name !== "string" || !info.name.trim()) return { ok: false, message: 'the JSON API answer has no "info.name"' };
  if (typeof info.version !== "string" || !info.version.trim()) return { ok: false, message: 'the JSON API answer has no "info.version"' };
  const requiresDist = stringList(info.requires_dist);
  const providesExtra = stringList(info.provides_extra);
  if (requiresDist === null) return { ok: false, message: '"info.requires_dist" in the JSON API answer is not a list of strings' };
  if (providesExtra === null) return { ok: false, message: '"info.provides_extra" in the JSON API answer is not a list of strings' };
  const requiresPython = typeof info.requires_python === "string" && info.requires_python.trim() ? info.requires_python.trim() : null;
  return { ok: true, metadata: { name: info.name, version: info.version, requiresDist, requiresPython, providesExtra } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A list of strings; null or absent is the empty list; anything else is null (unreadable). */
function stringList(value: unknown): string[] | null {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === "string")) return null;
  return value.filter((entry: string) => entry.trim() !== "");
}
