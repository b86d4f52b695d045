// Reads a PEP 691 JSON project page (application/vnd.pypi.simple.v1+json), with the PEP 700
// additions (size, upload-time, versions) and PEP 714's renamed core-metadata key.

import { filenameFromUrl, resolveFileUrl, stringRecord, unsupportedApiVersion, type PageParseResult } from "./page-common";
import type { IndexFile } from "./types";

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * @param text the response body, already decoded
 * @param pageUrl the URL the page was finally served from: relative file URLs resolve against it
 * @param requestedName shown as the name when the page does not carry one
 */
export function parseJsonProjectPage(text: string, pageUrl: string, requestedName: string): PageParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `the project page is not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(data)) return { ok: false, message: "the project page is JSON but not an object" };

  const meta = data.meta;
  const apiVersion = isObject(meta) && typeof meta["api-version"] === "string" ? meta["api-version"] : null;
  const unsupported = unsupportedApiVersion(apiVersion);
  if (unsupported) return { ok: false, message: unsupported };

  if (!Array.isArray(data.files)) return { ok: false, message: 'the project page has no "files" list' };
  const files: IndexFile[] = [];
  for (const [position, entry] of data.files.entries()) {
    const file = readJsonFile(entry, pageUrl);
    if (typeof file === "string") return { ok: false, message: `file ${position + 1} on the project page ${file}` };
    files.push(file);
  }

  // PEP 700 makes "versions" mandatory from api-version 1.1; older pages simply lack it.
  const versions = Array.isArray(data.versions) && data.versions.every((v) => typeof v === "string") ? (data.versions as string[]) : null;
  const name = typeof data.name === "string" && data.name.trim() ? data.name : requestedName;
  return { ok: true, page: { name, files, versions, apiVersion } };
}

/** One entry of `files`; a string explains why it cannot be read. */
function readJsonFile(entry: unknown, pageUrl: string): IndexFile | string {
  if (!isObject(entry)) return "is not an object";
  if (typeof entry.url !== "string" || !entry.url) return 'has no "url"';
  const resolved = resolveFileUrl(entry.url, pageUrl);
  if (!resolved) return `has a url that is not a URL: ${JSON.stringify(entry.url)}`;
  const filename = typeof entry.filename === "string" && entry.filename ? entry.filename : filenameFromUrl(resolved.url);
  if (!filename) return 'has no "filename"';

  return {
    filename,
    url: resolved.url,
    hashes: { ...resolved.fragmentHashes, ...stringRecord(entry.hashes) },
    requiresPython: typeof entry["requires-python"] === "string" && entry["requires-python"].trim() ? entry["requires-python"] : null,
    yanked: readYanked(entry.yanked),
    size: typeof entry.size === "number" && Number.isSafeInteger(entry.size) && entry.size >= 0 ? entry.size : null,
    uploadTime: typeof entry["upload-time"] === "string" && entry["upload-time"] ? entry["upload-time"] : null,
    coreMetadata: readCoreMetadata(entry),
  };
}

/**
 * PEP 592/691: `yanked` is a boolean or a reason. An empty string is not a valid reason, and pip
 * (models/link.py, Link.from_json) reads it as "not yanked"; do the same so predictions match pip.
 */
function readYanked(value: unknown): false | string {
  if (value === true) return "";
  if (typeof value === "string" && value !== "") return value;
  return false;
}

/**
 * PEP 714 renamed `dist-info-metadata` to `core-metadata` (because of a pip bug that made the old
 * key unsafe to serve); clients read the new key first and fall back to the old one. Some indexes
 * also emit `data-dist-info-metadata`, the HTML attribute's name, in JSON, so that is read last.
 * The value is a boolean or a dict of hashes of the metadata file (PEP 658).
 */
function readCoreMetadata(entry: JsonObject): IndexFile["coreMetadata"] {
  const value = entry["core-metadata"] ?? entry["dist-info-metadata"] ?? entry["data-dist-info-metadata"];
  if (value === true) return true;
  if (isObject(value)) return stringRecord(value);
  return false;
}
