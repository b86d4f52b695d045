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

export { MAX_STREAM_EVENT_CHARS, NDJSON_MEDIA_TYPE, readNdjson, SSE_MEDIA_TYPE, streamFormatFor, type StreamFormat } from "./stream-wire";

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
