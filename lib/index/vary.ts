// Server-only: hashes credentials (node:crypto).
//
// RFC 9111 §4.1: a response negotiated on request headers (PEP 691 pages are negotiated on Accept)
// may answer a later request only when that request's headers named by the response's `Vary` match
// the ones it was stored for; `Vary: *` never matches. The caches key every entry by URL *and*
// Accept whether or not the index says `Vary: Accept` (the snapshot index, and some static mirrors,
// negotiate without saying so), and check the other headers `Vary` names against what was recorded.

import { createHash } from "node:crypto";
import type { StoredHeaders } from "./cache-control";

/** Request header name (lower case) → value as sent; a name absent from the map was not sent. */
export type RequestHeaders = Readonly<Record<string, string>>;

/** The `Vary` members of a response, lower case; "*" when any member is `*`. */
export function varyNames(headers: StoredHeaders): string[] | "*" {
  const names = (headers["vary"] ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return names.includes("*") ? "*" : [...new Set(names)];
}

// Never written to disk in clear: a cache entry records only that the same credentials were sent.
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie"]);

/** §4.1 lets a cache normalise values that mean the same: whitespace around list commas, and runs of spaces. */
function normalise(name: string, value: string): string {
  const tidy = value.trim().replace(/\s*,\s*/g, ",").replace(/\s+/g, " ");
  return SECRET_HEADERS.has(name) ? `sha256:${createHash("sha256").update(tidy).digest("hex")}` : tidy;
}

/**
 * The selecting headers to record with a response (§4.1: "the request header fields nominated by
 * the Vary"), or null when the response must not be reused at all (`Vary: *`).
 */
export function selectingHeaders(responseHeaders: StoredHeaders, request: RequestHeaders): Record<string, string> | null {
  const names = varyNames(responseHeaders);
  if (names === "*") return null;
  const recorded: Record<string, string> = {};
  for (const name of names) {
    const value = request[name];
    if (value !== undefined) recorded[name] = normalise(name, value);
  }
  return recorded;
}

/** Whether a stored response (its headers and the selecting headers recorded with it) may answer `request`. */
export function varyMatches(stored: { headers: StoredHeaders; varying: Readonly<Record<string, string>> }, request: RequestHeaders): boolean {
  const names = varyNames(stored.headers);
  if (names === "*") return false;
  for (const name of names) {
    const sent = request[name];
    const recorded = stored.varying[name];
    // Absent on both sides matches; absent on one side only does not (§4.1).
    if (sent === undefined ? recorded !== undefined : recorded !== normalise(name, sent)) return false;
  }
  return true;
}
