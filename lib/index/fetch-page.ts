// Server-only: performs network requests. Import from route handlers, the CLI and tests only.
//
// One GET of one index URL (a project page, a core metadata file, a JSON API document): bounded in
// time (the whole exchange, body included) and size, with redirects followed only where allowed.

export interface PageRequest {
  url: URL;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The analysis deadline: aborting it ends the exchange at once, reported as "deadline". */
  deadline?: AbortSignal;
  maxBodyBytes: number;
  fetchImpl: typeof fetch;
  /** Whether a redirect target may be followed (e.g. it must stay under the index root). */
  mayFollow: (url: URL) => boolean;
  /** Called once per HTTP request actually sent (each redirect hop is one). */
  onRequest: () => void;
}

export type PageResponse =
  | { kind: "ok"; status: number; finalUrl: string; headers: Record<string, string>; body: Uint8Array }
  | { kind: "timeout" }
  | { kind: "deadline" }
  | { kind: "network-error"; detail: string }
  | { kind: "too-large"; bytes: number | null }
  | { kind: "redirect-refused"; location: string }
  | { kind: "too-many-redirects" };

// pip (via requests) allows 30; an index that needs more than a handful is misconfigured.
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function fetchPage(request: PageRequest): Promise<PageResponse> {
  // One signal for every hop and every body chunk, so timeoutMs bounds the whole exchange. The
  // deadline's listener is removed when the exchange ends: that signal outlives thousands of requests.
  const controller = new AbortController();
  const signal = controller.signal;
  const timer = setTimeout(() => controller.abort(new DOMException("the request timed out", "TimeoutError")), request.timeoutMs);
  const onDeadline = () => controller.abort(request.deadline?.reason);
  if (request.deadline?.aborted) onDeadline();
  else request.deadline?.addEventListener("abort", onDeadline, { once: true });
  const timedOut = new Promise<never>((_, reject) => {
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  timedOut.catch(() => undefined); // observed here so it never surfaces as an unhandled rejection

  let url = request.url;
  try {
    for (let hop = 0; ; hop++) {
      request.onRequest();
      // redirect: "manual" so every hop is checked against the index root before it is requested.
      const response = await Promise.race([request.fetchImpl(url, { headers: request.headers, redirect: "manual", signal }), timedOut]);

      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        if (!location) return { kind: "network-error", detail: `HTTP ${response.status} redirect without a Location header` };
        const target = new URL(location, url);
        if (!request.mayFollow(target)) return { kind: "redirect-refused", location: target.origin + target.pathname };
        if (hop + 1 > MAX_REDIRECTS) return { kind: "too-many-redirects" };
        url = target;
        continue;
      }

      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      const declared = Number(headers["content-length"] ?? "NaN");
      if (Number.isFinite(declared) && declared > request.maxBodyBytes) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: "too-large", bytes: declared };
      }
      const body = await readLimited(response, request.maxBodyBytes, timedOut);
      if (body === null) return { kind: "too-large", bytes: null };
      return { kind: "ok", status: response.status, finalUrl: url.href, headers, body };
    }
  } catch (error) {
    if (request.deadline?.aborted) return { kind: "deadline" };
    if (signal.aborted) return { kind: "timeout" };
    return { kind: "network-error", detail: describeNetworkError(error) };
  } finally {
    clearTimeout(timer);
    request.deadline?.removeEventListener("abort", onDeadline);
  }
}

/** The body, or null once it grows past maxBytes (checked as it streams, never buffered whole first). */
async function readLimited(response: Response, maxBytes: number, timedOut: Promise<never>): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), timedOut]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) return null;
      chunks.push(value);
    }
  } finally {
    // Releases the connection when we stop early (too large, timed out); a no-op after the end.
    reader.cancel().catch(() => undefined);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Node's fetch reports "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND…) in `cause`. */
function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof Error) {
      const code = (current as Error & { code?: unknown }).code;
      const text = typeof code === "string" && !current.message.includes(code) ? `${current.message} (${code})` : current.message;
      if (text && !parts.includes(text)) parts.push(text);
      current = (current as Error & { cause?: unknown }).cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(": ") || "unknown network error";
}
