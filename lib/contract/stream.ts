/**
 * The streamed answer of /api/analyze: the same analysis as the JSON answer, told as it happens. A
 * client asks for it with `Accept: application/x-ndjson` (one event a line) or `text/event-stream`
 * (server-sent events: `event: <type>` and `data: <the same JSON>`); anything else gets the report as
 * one JSON document, as before.
 *
 * Order: `start` first; then `progress` and `target` events in any order (one `target` per entry of
 * the report's targets, as each image finishes; a cached report sends them all at once); last, always,
 * `report` (the whole report, exactly the JSON answer) or `error`. A client that reads only the last
 * event has everything. Refusals found before any work starts (a bad request, 413, 429, a full queue)
 * are not streamed: they are the same plain JSON problem answers as the JSON path's, with their status.
 *
 * Browser-safe, like the rest of lib/contract.
 */
import { z } from "zod";
import { ARCHES } from "./request-limits";
import { reportSchema, targetReportSchema } from "./report";

export const NDJSON_MEDIA_TYPE = "application/x-ndjson";
export const SSE_MEDIA_TYPE = "text/event-stream";

export type StreamFormat = "ndjson" | "sse";

/**
 * The format an Accept header asks for, or null for the JSON answer. Only an explicit mention counts
 * (a browser's default `*\/*` is the JSON answer); NDJSON wins when both are named, unless q says otherwise.
 */
export function streamFormatFor(accept: string | null): StreamFormat | null {
  if (!accept) return null;
  let best: { format: StreamFormat; q: number } | null = null;
  // Bounded: an Accept header is a few hundred bytes; only the first 32 entries are read.
  for (const entry of accept.split(",", 32)) {
    const [type = "", ...params] = entry.split(";").map((p) => p.trim().toLowerCase());
    const format: StreamFormat | null = type === NDJSON_MEDIA_TYPE ? "ndjson" : type === SSE_MEDIA_TYPE ? "sse" : null;
    if (!format) continue;
    const qParam = params.find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    if (!best || q > best.q) best = { format, q };
  }
  return best?.format ?? null;
}

/**
 * The longest line (one event) a client needs to accept: the final report of the largest request
 * (2 000 requirements on 12 images × 2 architectures) serialises to well under this.
 */
export const MAX_STREAM_EVENT_CHARS = 64 * 1024 * 1024;

const count = () => z.int().nonnegative();

export const streamStartSchema = z.strictObject({
  type: z.literal("start"),
  /** The (image, architecture) pairs being analysed, in the order of the report's targets. */
  targets: z.array(z.strictObject({ base: z.string(), arch: z.enum(ARCHES) })),
});

export const streamProgressSchema = z.strictObject({
  type: z.literal("progress"),
  /** Project pages and files' metadata the index has answered so far (one analysis fetches each once). */
  projects: count(),
  files: count(),
  /** The last one: a project name or a file name. */
  latest: z.string(),
});

export const streamTargetSchema = z.strictObject({
  type: z.literal("target"),
  /** Its position in the report's targets (and in `start`'s). */
  index: count(),
  target: targetReportSchema,
});

export const streamReportSchema = z.strictObject({
  type: z.literal("report"),
  report: reportSchema,
});

export const streamErrorSchema = z.strictObject({
  type: z.literal("error"),
  /** The HTTP status the JSON answer would have had (e.g. 503 when the analysis timed out). */
  status: z.int().min(400).max(599),
  error: z.string(),
});

export const streamEventSchema = z.discriminatedUnion("type", [streamStartSchema, streamProgressSchema, streamTargetSchema, streamReportSchema, streamErrorSchema]);

export type StreamEvent = z.infer<typeof streamEventSchema>;
export type StreamStart = z.infer<typeof streamStartSchema>;
export type StreamProgress = z.infer<typeof streamProgressSchema>;
export type StreamTarget = z.infer<typeof streamTargetSchema>;
export type StreamReport = z.infer<typeof streamReportSchema>;
export type StreamError = z.infer<typeof streamErrorSchema>;

/**
 * Reads an NDJSON body line by line as it arrives, handing each line's parsed JSON on. A line longer
 * than `maxChars` is refused (an Error) before it is all held: a broken or hostile server cannot make
 * the reader buffer without bound. Chunks are scanned once each (a several-megabyte report arriving in
 * many chunks is joined once, not rescanned per chunk).
 */
export async function readNdjson(body: ReadableStream<Uint8Array>, onValue: (value: unknown) => void, maxChars = MAX_STREAM_EVENT_CHARS): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // The current line's pieces so far (none holds a newline).
  let pieces: string[] = [];
  let pending = 0;
  const take = (text: string) => {
    let from = 0;
    for (let newline = text.indexOf("\n"); newline !== -1; newline = text.indexOf("\n", from)) {
      const line = pieces.length > 0 ? pieces.join("") + text.slice(from, newline) : text.slice(from, newline);
      pieces = [];
      pending = 0;
      from = newline + 1;
      if (line.length > maxChars) throw new Error(`A line of the stream is longer than ${maxChars} characters.`);
      if (line.trim() !== "") onValue(JSON.parse(line));
    }
    const rest = text.slice(from);
    if (rest !== "") {
      pending += rest.length;
      if (pending > maxChars) throw new Error(`A line of the stream is longer than ${maxChars} characters.`);
      pieces.push(rest);
    }
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      take(decoder.decode(value, { stream: true }));
    }
    take(decoder.decode());
    // A last line without its newline still counts.
    if (pieces.length > 0) take("\n");
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}
