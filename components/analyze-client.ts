import type { Report, TargetReport } from "@/lib/contract/report";
import type { StreamEvent, StreamProgress, StreamStart } from "@/lib/contract/stream";
import { NDJSON_MEDIA_TYPE, readNdjson } from "@/lib/contract/stream-wire";
import type { requestFor } from "@/lib/share/state";

export type AnalyzeRequestBody = ReturnType<typeof requestFor>;

const UNREACHABLE = "Basewise's server could not be reached. Check your connection and try again.";

/**
 * Asks /api/analyze for the report: by GET with the share link's parameter when there is one, else by
 * POST. The answer is streamed (NDJSON, lib/contract/stream.ts): `onEvent` hears each event as it
 * arrives, so the page can fill in image by image; the promise is the final report. A failure becomes
 * an Error with a message a person can act on (the server's own, which says when to try again after a
 * 429 or 503). A server (or proxy) that answers with plain JSON instead is read as before.
 */
export async function fetchReport(body: AnalyzeRequestBody, shareParam: string | null = null, onEvent?: (event: StreamEvent) => void, signal?: AbortSignal): Promise<Report> {
  let response: Response;
  const headers = { accept: `${NDJSON_MEDIA_TYPE}, application/json;q=0.5` };
  try {
    response = shareParam
      ? await fetch(`/api/analyze?s=${encodeURIComponent(shareParam)}`, { headers, signal })
      : await fetch("/api/analyze", { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(UNREACHABLE);
  }
  if (!response.ok || !response.body || !response.headers.get("content-type")?.startsWith(NDJSON_MEDIA_TYPE)) return jsonAnswer(response);

  let report: Report | null = null;
  let failure: string | null = null;
  try {
    await readNdjson(response.body, (value) => {
      // The server's own contract: its events are not re-validated here, as its JSON answer was not.
      const event = value as StreamEvent;
      if (event.type === "report") report = event.report;
      else if (event.type === "error") failure = event.error;
      else onEvent?.(event);
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error("The connection to Basewise's server broke off before the analysis finished. Try again.");
  }
  if (failure !== null) throw new Error(failure);
  if (report === null) throw new Error("Basewise's server ended the answer before the report. Try again.");
  return report;
}

async function jsonAnswer(response: Response): Promise<Report> {
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

/** An analysis as it runs, from its stream's events: what the page draws until the report arrives. */
export interface LiveAnalysis {
  /** The request it belongs to (the SWR key): events of an earlier request never show under a later one. */
  key: string;
  /** The (image, architecture) pairs, once the server has said; null before. */
  targets: StreamStart["targets"] | null;
  /** Each finished target by its position in `targets`. */
  finished: Record<number, TargetReport>;
  /** The index's answers so far. */
  fetched: Omit<StreamProgress, "type"> | null;
}

/** The live state after one more event of the request `key`; events of another request leave it as it was. */
export function nextLiveAnalysis(live: LiveAnalysis | null, key: string, event: StreamEvent): LiveAnalysis | null {
  if (event.type === "start") return { key, targets: event.targets, finished: {}, fetched: live?.key === key ? live.fetched : null };
  const current = live?.key === key ? live : { key, targets: null, finished: {}, fetched: null };
  switch (event.type) {
    case "progress":
      return { ...current, fetched: { projects: event.projects, files: event.files, latest: event.latest } };
    case "target":
      return { ...current, finished: { ...current.finished, [event.index]: event.target } };
    default:
      return current;
  }
}
