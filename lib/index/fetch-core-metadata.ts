// Server-only: performs network requests (through the client's IndexHttp).
//
// A file's dependencies without downloading the file, in pip's order of preference:
//   1. PEP 658 (as renamed by PEP 714): when the page announces it, `<file url>.metadata` is the
//      file's own METADATA, checked against the digests the page gives for it;
//   2. otherwise PyPI's JSON API for the release, where the index has one (see json-api.ts).
// pip's third way, downloading the distribution (or ranges of a wheel), is never taken.
//
// Which URLs can be requested: the caller has already matched `file` to an entry of a page this
// client read from the configured index, and passes that entry. So the metadata URL is always
// "a file URL the index listed" + ".metadata" (PEP 658's own rule: PyPI lists files on
// files.pythonhosted.org, a different origin from pypi.org, and serves their metadata there), and
// the JSON API URL is derived from the configured root. Nothing a request supplies (requirements
// text, a direct-reference URL) ever becomes a URL here. Credentials go to the index's origin only.

import { compareParsedVersions, parseVersion } from "@/lib/pep440";
import { parseSdistFilename, parseWheelFilename } from "@/lib/tags";
import { readCoreMetadata } from "./core-metadata";
import { checkDigests, hasStrongDigest } from "./digests";
import type { BodyReading, IndexGetOutcome, IndexHttp } from "./index-http";
import type { IndexRoot } from "./index-url";
import { jsonApiReleaseUrl, jsonApiRoot, readJsonApiRelease } from "./json-api";
import { normalizeProjectName } from "./project-name";
import type { FileMetadata, IndexFile, MetadataFailureReason, MetadataResult } from "./types";

// A METADATA file is a few KB; with a long README as its description, a few hundred. A JSON API
// release document repeats that description. 8 MB is far beyond both.
export const MAX_METADATA_BYTES = 8 * 1024 * 1024;

export interface MetadataSources {
  http: IndexHttp;
  index: IndexRoot;
}

/** `file` must be the entry as the index listed it for `project` (the client checks this). */
export async function fetchCoreMetadata(sources: MetadataSources, project: string, file: IndexFile): Promise<MetadataResult> {
  const version = fileVersion(file.filename, project);
  let why = "its page offers no PEP 658 metadata file";
  if (file.coreMetadata !== false) {
    const pep658 = await fromPep658(sources, project, file, version);
    // The page promised a metadata file and it is not there: PyPI's JSON API may still know.
    if (pep658.ok || pep658.reason !== "unavailable") return pep658;
    why = pep658.message;
  }
  return fromJsonApi(sources, project, file, version, why);
}

async function fromPep658(sources: MetadataSources, project: string, file: IndexFile, version: string | null): Promise<MetadataResult> {
  const url = metadataUrl(file.url);
  if (!url) return failure("unavailable", `its metadata URL is not an http(s) URL`);
  const digests = typeof file.coreMetadata === "object" ? file.coreMetadata : {};
  const subject = `${file.filename}.metadata`;
  const outcome = await sources.http({
    url,
    accept: "*/*",
    subject,
    maxBodyBytes: MAX_METADATA_BYTES,
    // The file's host may move a file within itself, never hand the request to another host.
    mayFollow: (target) => target.origin === url.origin && !target.username && !target.password,
    followScope: url.origin,
    // PEP 658: the metadata file is immutable once published; a digest pins exactly which one.
    contentAddressed: hasStrongDigest(digests),
    // The reading checks the digests and that the metadata names this project and version.
    readKey: `pep658 ${normalizeProjectName(project)} ${version ?? ""} ${JSON.stringify(digests)}`,
    read: (body): BodyReading<FileMetadata> => {
      const check = checkDigests(body, digests);
      if (!check.ok) {
        return { ok: false, reason: "hash-mismatch", message: `${subject} does not match the ${check.algorithm} the index gives for it (expected ${check.expected}, got ${check.actual})` };
      }
      const reading = readCoreMetadata(new TextDecoder("utf-8").decode(body));
      if (!reading.ok) return { ok: false, reason: "malformed", message: `the core metadata of ${file.filename} could not be read: ${reading.message}` };
      return consistentWith(reading.metadata, project, version, `the core metadata of ${file.filename}`);
    },
  });
  if (outcome.ok) return { ok: true, metadata: outcome.value, source: "pep658" };
  if (outcome.kind === "not-found") return failure("unavailable", `its page offers a PEP 658 metadata file, but ${outcome.message}`);
  return failure(outcome.kind, outcome.message);
}

async function fromJsonApi(sources: MetadataSources, project: string, file: IndexFile, version: string | null, why: string): Promise<MetadataResult> {
  const apiRoot = jsonApiRoot(sources.index);
  const none = (detail: string) => failure("unavailable", `the index offers no metadata for ${file.filename}: ${why}, and ${detail}`);
  if (!apiRoot) return none(`it has no JSON API to fall back on (its root ${sources.index.display} does not end in /simple/)`);
  if (version === null) return none(`the file's version, needed to ask its JSON API, cannot be read from the filename`);
  const url = jsonApiReleaseUrl(apiRoot, project, version);
  const outcome: IndexGetOutcome<FileMetadata> = await sources.http({
    url,
    accept: "application/json",
    subject: `${project} ${version} (JSON API)`,
    readKey: `json-api ${normalizeProjectName(project)} ${version}`,
    maxBodyBytes: MAX_METADATA_BYTES,
    // PyPI redirects a non-canonical name to the canonical one, on its own origin.
    mayFollow: (target) => target.origin === sources.index.root.origin && !target.username && !target.password,
    followScope: sources.index.root.origin,
    read: (body): BodyReading<FileMetadata> => {
      const reading = readJsonApiRelease(new TextDecoder("utf-8").decode(body));
      if (!reading.ok) return { ok: false, reason: "malformed", message: `the JSON API answer for ${project} ${version} could not be read: ${reading.message}` };
      return consistentWith(reading.metadata, project, version, `the JSON API answer for ${project} ${version}`);
    },
  });
  if (outcome.ok) return { ok: true, metadata: outcome.value, source: "json-api" };
  if (outcome.kind === "not-found") return none(`its JSON API has no release ${project} ${version}`);
  return failure(outcome.kind, outcome.message);
}

/** PEP 658: the file's URL (without any fragment, which the page readers have already removed) plus ".metadata". */
function metadataUrl(fileUrl: string): URL | null {
  let url: URL;
  try {
    url = new URL(`${fileUrl}.metadata`);
  } catch {
    return null;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) return null;
  return url;
}

/** The file's version as its filename gives it (a wheel's, or an sdist's split against the project name, as pip splits it). */
function fileVersion(filename: string, project: string): string | null {
  return (parseWheelFilename(filename) ?? parseSdistFilename(filename, project))?.version ?? null;
}

/**
 * pip (resolution/resolvelib/candidates.py, _check_metadata_consistency) refuses metadata whose
 * name or version differs from the file's: it describes some other distribution.
 */
function consistentWith(metadata: FileMetadata, project: string, version: string | null, what: string): BodyReading<FileMetadata> {
  const inconsistent = (detail: string): BodyReading<FileMetadata> => ({
    ok: false,
    reason: "malformed",
    message: `${what} does not describe the file: ${detail} (pip rejects such metadata as inconsistent)`,
  });
  if (normalizeProjectName(metadata.name) !== normalizeProjectName(project)) return inconsistent(`it names ${metadata.name}, not ${project}`);
  if (version !== null) {
    const stated = parseVersion(metadata.version);
    const expected = parseVersion(version);
    if (stated === null || (expected !== null && compareParsedVersions(stated, expected) !== 0)) {
      return inconsistent(`it says version ${metadata.version}, the filename ${version}`);
    }
  }
  return { ok: true, value: metadata };
}

function failure(reason: MetadataFailureReason, message: string): MetadataResult {
  return { ok: false, reason, message };
}
