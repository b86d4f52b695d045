// Rules shared by the JSON (PEP 691) and HTML (PEP 503) readers, so both formats give identical IndexFiles.

import type { ProjectPage } from "./types";

export type ParsedPage = Omit<ProjectPage, "fetchedFrom">;
export type PageParseResult = { ok: true; page: ParsedPage } | { ok: false; message: string };

/**
 * PEP 629: a client must refuse a page whose major repository version it does not know (the
 * format may have changed incompatibly) and may read a newer minor version of a known major.
 */
export function unsupportedApiVersion(apiVersion: string | null): string | null {
  if (apiVersion === null) return null;
  const major = /^(\d+)\.\d+$/.exec(apiVersion.trim())?.[1];
  if (major === undefined) return `the index reports api-version "${apiVersion}", which is not a version number`;
  if (major !== "1") return `the index speaks api-version ${apiVersion}; this client reads version 1.x`;
  return null;
}

// A hash fragment's name is a hashlib algorithm name (PEP 503: "#<hashname>=<hashvalue>").
const HASH_NAME = /^[a-z0-9_]+$/i;
const HEX_DIGEST = /^[0-9a-f]+$/i;

export interface ResolvedFileUrl {
  url: string;
  fragmentHashes: Record<string, string>;
}

/**
 * Resolves a file link against the page (relative links are normal: PyPI's are absolute, devpi's and
 * many mirrors' are not) and moves a PEP 503 `#sha256=…` fragment into the hashes, so `url` is the
 * plain file URL that PEP 658 appends ".metadata" to. Returns null for a link that is not a URL.
 */
export function resolveFileUrl(href: string, base: string): ResolvedFileUrl | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  const fragmentHashes: Record<string, string> = {};
  const fragment = url.hash.replace(/^#/, "");
  if (fragment) {
    for (const pair of fragment.split("&")) {
      const [name, value] = pair.split("=", 2);
      if (name && value && HASH_NAME.test(name) && HEX_DIGEST.test(value)) fragmentHashes[name.toLowerCase()] = value.toLowerCase();
    }
  }
  url.hash = "";
  return { url: url.href, fragmentHashes };
}

/** Keeps only string-valued entries of a hashes object; anything else in it carries no usable digest. */
export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [key, entry] of Object.entries(value)) if (typeof entry === "string") out[key] = entry;
  return out;
}

/** The final path segment of a URL, percent-decoded: what pip calls a link's filename. */
export function filenameFromUrl(url: string): string {
  const last = new URL(url).pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
