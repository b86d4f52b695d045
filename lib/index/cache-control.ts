// The parts of HTTP caching (RFC 9111) that pip's and uv's caches rely on, for a *private* cache:
// explicit freshness from max-age or Expires, Age, no-store, no-cache, and validators for
// revalidation. Deliberately left out: s-maxage and `private` (they concern shared caches),
// heuristic freshness (§4.2.2: a stale page is revalidated instead, which costs one small request),
// and serving stale responses on error (an answer must reflect the index as it is).

export interface CacheDirectives {
  /** Directive name (lower case) → value, or true for a directive without one. First occurrence wins. */
  values: Map<string, string | true>;
  /** Names that appeared more than once. */
  repeated: Set<string>;
}

/** RFC 9111 §5.2: comma-separated directives, names case-insensitive, values token or quoted-string. */
export function parseCacheControl(header: string | null | undefined): CacheDirectives {
  const directives: CacheDirectives = { values: new Map(), repeated: new Set() };
  if (!header) return directives;
  for (const element of splitOutsideQuotes(header)) {
    const equals = element.indexOf("=");
    const name = (equals === -1 ? element : element.slice(0, equals)).trim().toLowerCase();
    if (!name) continue; // empty list elements are allowed (RFC 9110 §5.6.1)
    let value: string | true = true;
    if (equals !== -1) {
      const raw = element.slice(equals + 1).trim();
      value = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
    }
    if (directives.values.has(name)) directives.repeated.add(name);
    else directives.values.set(name, value);
  }
  return directives;
}

function splitOutsideQuotes(header: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const char = header[i]!;
    if (quoted && char === "\\") {
      current += char + (header[i + 1] ?? "");
      i++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

export type StoredHeaders = Record<string, string>;

/** Whether a response may be kept at all: a 200 without no-store that can later be used or revalidated. */
export function isStorable(status: number, headers: StoredHeaders): boolean {
  if (status !== 200) return false;
  const directives = parseCacheControl(headers["cache-control"]);
  if (directives.values.has("no-store")) return false;
  return (freshnessLifetimeMs(headers, 0) ?? 0) > 0 || hasValidator(headers);
}

export function hasValidator(headers: StoredHeaders): boolean {
  return Boolean(headers["etag"] || headers["last-modified"]);
}

/**
 * §4.2.1: max-age wins (s-maxage is for shared caches and ignored here), else Expires minus Date.
 * null when the response states no lifetime. An invalid or repeated value means "already stale".
 */
export function freshnessLifetimeMs(headers: StoredHeaders, responseTime: number): number | null {
  const directives = parseCacheControl(headers["cache-control"]);
  const maxAge = directives.values.get("max-age");
  if (maxAge !== undefined) {
    // §4.2.1: a repeated or invalid max-age should make the response stale.
    if (directives.repeated.has("max-age")) return 0;
    return typeof maxAge === "string" && /^\d+$/.test(maxAge) ? Number(maxAge) * 1000 : 0;
  }
  const expires = headers["expires"];
  if (expires !== undefined) {
    const expiresAt = Date.parse(expires);
    if (Number.isNaN(expiresAt)) return 0; // §5.3: an invalid Expires (often "0") means already expired
    const date = Date.parse(headers["date"] ?? "");
    return Math.max(0, expiresAt - (Number.isNaN(date) ? responseTime : date));
  }
  return null;
}

export interface ResponseTiming {
  headers: StoredHeaders;
  /** When the request was sent and when its response arrived, on the client's clock (ms). */
  requestTime: number;
  responseTime: number;
}

/**
 * §4.2.3, without the Date-based apparent age: comparing the server's clock with ours turns any
 * clock skew into a wrong age, while Age (what a CDN such as PyPI's adds for time spent in its
 * cache) plus the request's own duration needs only our clock.
 */
export function currentAgeMs(timing: ResponseTiming, now: number): number {
  const ageHeader = timing.headers["age"];
  const ageValue = ageHeader !== undefined && /^\d+$/.test(ageHeader.trim()) ? Number(ageHeader.trim()) * 1000 : 0;
  const responseDelay = Math.max(0, timing.responseTime - timing.requestTime);
  const residentTime = Math.max(0, now - timing.responseTime);
  return ageValue + responseDelay + residentTime;
}

/** §4.2: usable without asking the server. `no-cache` (§5.2.2.4) means "always revalidate". */
export function isFresh(timing: ResponseTiming, now: number): boolean {
  const directives = parseCacheControl(timing.headers["cache-control"]);
  if (directives.values.has("no-cache") || directives.values.has("no-store")) return false;
  const lifetime = freshnessLifetimeMs(timing.headers, timing.responseTime);
  return lifetime !== null && currentAgeMs(timing, now) < lifetime;
}

// §4.3.4 updates stored headers from a 304, but a 304 has no body, so headers that describe the
// body (its length and coding) must stay as they were; hop-by-hop headers never describe it at all.
const KEEP_FROM_STORED = new Set(["content-length", "content-encoding", "content-type", "transfer-encoding", "connection", "keep-alive"]);

export function mergeNotModifiedHeaders(stored: StoredHeaders, notModified: StoredHeaders): StoredHeaders {
  const merged: StoredHeaders = { ...stored };
  for (const [name, value] of Object.entries(notModified)) if (!KEEP_FROM_STORED.has(name)) merged[name] = value;
  // A 304 that omits Age does not mean the old Age still applies: the server has just vouched for it.
  if (notModified["age"] === undefined) delete merged["age"];
  return merged;
}

/** RFC 9110 §13.1: the conditional headers for revalidating a stored response. */
export function conditionalHeaders(stored: StoredHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  if (stored["etag"]) headers["if-none-match"] = stored["etag"];
  if (stored["last-modified"]) headers["if-modified-since"] = stored["last-modified"];
  return headers;
}
