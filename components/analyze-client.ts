import type { Report } from "@/lib/report/types";

export interface AnalyzeRequestBody {
  requirements: string;
  bases: string[];
  arch: "amd64" | "arm64";
}

/** POSTs to /api/analyze; a non-2xx answer becomes an Error carrying the server's message. */
export async function fetchReport(body: AnalyzeRequestBody): Promise<Report> {
  const response = await fetch("/api/analyze", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message =
      payload && typeof payload === "object" && "error" in payload && typeof payload.error === "string"
        ? payload.error
        : `The analysis failed (HTTP ${response.status}).`;
    throw new Error(message);
  }
  return payload as Report;
}
