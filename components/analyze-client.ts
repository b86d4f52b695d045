import type { Report } from "@/lib/contract/report";
import type { requestFor } from "@/lib/share/state";

export type AnalyzeRequestBody = ReturnType<typeof requestFor>;

/**
 * Asks /api/analyze for the report: by GET with the share link's parameter when there is one (an
 * analysis with a fixed asOf never changes, so the browser or a CDN may keep the answer), else by
 * POST. A failure becomes an Error with a message a person can act on (the server's own, which says
 * when to try again after a 429 or 503).
 */
export async function fetchReport(body: AnalyzeRequestBody, shareParam: string | null = null): Promise<Report> {
  let response: Response;
  try {
    response = shareParam
      ? await fetch(`/api/analyze?s=${encodeURIComponent(shareParam)}`)
      : await fetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new Error("Basewise's server could not be reached. Check your connection and try again.");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message =
      payload && typeof payload === "object" && "error" in payload && typeof payload.error === "string"
        ? payload.error
        : `The analysis failed (HTTP ${response.status}). Try again in a minute.`;
    throw new Error(message);
  }
  return payload as Report;
}
