// Server-only: performs a network request (through the client's IndexHttp).
//
// Downloads one sdist the index listed, checks it against the page's digests, and reads its
// [build-system] table. Only when the server allows fetching sdists: it is the one place Basewise
// downloads a distribution, and it never runs anything from it.

import { checkDigests, hasStrongDigest } from "./digests";
import type { BodyReading, IndexHttp } from "./index-http";
import { readSdistBuildSystem, type SdistBuildSystem } from "./sdist-build-system";
import type { IndexFile, SdistBuildSystemResult } from "./types";

// Most sdists are well under 10 MB; numpy's and scipy's are 15–80 MB. Beyond this, the table answers.
export const MAX_SDIST_BYTES = 50 * 1024 * 1024;

const SDIST_SUFFIXES = [".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tar"];

export async function fetchSdistBuildSystem(http: IndexHttp, file: IndexFile): Promise<SdistBuildSystemResult> {
  if (!SDIST_SUFFIXES.some((suffix) => file.filename.toLowerCase().endsWith(suffix))) {
    return { ok: false, reason: "not-an-sdist", message: `${file.filename} is not a source distribution` };
  }
  if (file.size !== null && file.size > MAX_SDIST_BYTES) {
    return { ok: false, reason: "unavailable", message: `${file.filename} is ${Math.round(file.size / (1024 * 1024))} MB, more than Basewise downloads to read a pyproject.toml` };
  }
  let url: URL;
  try {
    url = new URL(file.url);
  } catch {
    return { ok: false, reason: "unavailable", message: `${file.filename} has no usable URL` };
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) {
    return { ok: false, reason: "unavailable", message: `${file.filename} has no http(s) URL` };
  }
  const outcome = await http({
    url,
    accept: "*/*",
    subject: file.filename,
    maxBodyBytes: MAX_SDIST_BYTES,
    mayFollow: (target) => target.origin === url.origin && !target.username && !target.password,
    followScope: url.origin,
    contentAddressed: hasStrongDigest(file.hashes),
    read: (body): BodyReading<SdistBuildSystem> => {
      const check = checkDigests(body, file.hashes);
      if (!check.ok) return { ok: false, reason: "hash-mismatch", message: `${file.filename} does not match the ${check.algorithm} the index gives for it` };
      const reading = readSdistBuildSystem(body, file.filename);
      return reading.ok ? { ok: true, value: reading.value } : { ok: false, reason: "malformed", message: reading.message };
    },
  });
  if (outcome.ok) return { ok: true, buildSystem: outcome.value };
  return { ok: false, reason: outcome.kind === "not-found" ? "unavailable" : outcome.kind, message: outcome.message };
}
