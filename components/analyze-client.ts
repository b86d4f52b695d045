import type { Report } from "@/lib/report/types";
import type { requestFor } from "@/lib/share/state";

export type AnalyzeRequestBody = ReturnType<typeof requestFor>;

/** POSTs to /api/analyze; a failure becomes an Error with a message a person can act on. */
export async function fetchReport(body: AnalyzeRequestBody): Promise<Report> {
  let response: Response;
  try {
    response = await fetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
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
