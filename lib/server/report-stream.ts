// Server-only: the streamed answer of /api/analyze (lib/contract/stream.ts) — an analysis's events as
// NDJSON lines or server-sent events, always ending with the whole report or an error.
//
// Nothing here parses or re-serialises a report: a target's entry arrives serialised from the worker
// (or is sliced out of a finished report's text by its span) and is framed by string concatenation.
//
// Buffering is bounded: the stream's queue is counted in bytes, and while it is above its high-water
// mark (a client reading slowly) progress lines are dropped, since only the latest matters; what stays
// is at most one start, one entry per target and the report, i.e. about twice the report's size.

import { NDJSON_MEDIA_TYPE, SSE_MEDIA_TYPE, type StreamError, type StreamEvent, type StreamFormat, type StreamProgress, type StreamStart } from "@/lib/contract/stream";
import type { AnalysisWatch, AnswerSource, ServiceAnswer } from "./analysis-service";
import type { AnalysisEvent, TargetName } from "./analysis-task";
import type { ServerLimits } from "./config";
import { problemAnswer } from "./problem-response";

// Above this many bytes waiting for the client, progress lines are skipped.
const HIGH_WATER_BYTES = 256 * 1024;

export interface ReportStream {
  /** Hand to AnalysisService.watch: it hears the analysis's events and says when the client has gone. */
  watch: AnalysisWatch;
  /** The response: headers now, events as they come, the report (or an error) last. */
  response(answer: Promise<ServiceAnswer>, from: AnswerSource, limits: Pick<ServerLimits, "ratePerMinute">): Response;
}

/** `gone`: the request's own signal (a client that disconnects), besides the stream being cancelled. */
export function createReportStream(format: StreamFormat, gone?: AbortSignal): ReportStream {
  const encoder = new TextEncoder();
  const left = new AbortController();
  // Events that come before the response's stream exists (a replay when joining a running analysis).
  const early: Uint8Array[] = [];
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let done = false;
  let started = false;
  const sent = new Set<number>();

  const leave = () => {
    done = true;
    early.length = 0;
    left.abort();
  };
  if (gone?.aborted) leave();
  else gone?.addEventListener("abort", leave, { once: true });

  function send(type: StreamEvent["type"], json: string, droppable = false) {
    if (done) return;
    if (droppable && controller && (controller.desiredSize ?? 0) <= 0) return;
    const chunk = encoder.encode(format === "sse" ? `event: ${type}\ndata: ${json}\n\n` : `${json}\n`);
    if (controller) controller.enqueue(chunk);
    else early.push(chunk);
  }

  function sendStart(targets: TargetName[]) {
    if (started) return;
    started = true;
    send("start", JSON.stringify({ type: "start", targets } satisfies StreamStart));
  }

  function sendTarget(index: number, json: string) {
    if (sent.has(index)) return;
    sent.add(index);
    send("target", `{"type":"target","index":${index},"target":${json}}`);
  }

  const watch: AnalysisWatch = {
    signal: left.signal,
    onEvent(event: AnalysisEvent) {
      switch (event.type) {
        case "start":
          sendStart(event.targets);
          break;
        case "progress":
          send("progress", JSON.stringify({ type: "progress", projects: event.projects, files: event.files, latest: event.latest } satisfies StreamProgress), true);
          break;
        case "target":
          sendTarget(event.index, event.json);
          break;
      }
    },
  };

  async function finish(answer: Promise<ServiceAnswer>, limits: Pick<ServerLimits, "ratePerMinute">) {
    const settled = await answer;
    if (done) {
      // The client has gone: the stream is cancelled already, or (if only its signal said so) ends here.
      try {
        controller?.close();
      } catch {
        // Cancelled: nothing to end.
      }
      return;
    }
    if (settled.ok) {
      // A cached report, or one joined late: its targets from the report's own text, then the report.
      const spans = settled.targets ?? [];
      sendStart(spans.map(({ base, arch }) => ({ base, arch })));
      spans.forEach(({ start, end }, index) => sendTarget(index, settled.json.slice(start, end)));
      send("report", `{"type":"report","report":${settled.json}}`);
    } else {
      const { status, error } = problemAnswer(settled.problem, limits);
      send("error", JSON.stringify({ type: "error", status, error } satisfies StreamError));
    }
    done = true;
    gone?.removeEventListener("abort", leave);
    controller?.close();
  }

  return {
    watch,
    response(answer, from, limits) {
      const body = new ReadableStream<Uint8Array>(
        {
          start(c) {
            controller = c;
            for (const chunk of early.splice(0)) c.enqueue(chunk);
            finish(answer, limits).catch((error: unknown) => {
              if (!done) c.error(error);
            });
          },
          cancel: leave,
        },
        { highWaterMark: HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
      );
      return new Response(body, {
        status: 200,
        headers: {
          "content-type": `${format === "sse" ? SSE_MEDIA_TYPE : NDJSON_MEDIA_TYPE}; charset=utf-8`,
          // Never kept (a stream is one client's view of one run) and never transformed: a compressing
          // proxy (or Next's own compression) would hold the events back until its window fills.
          "cache-control": "no-store, no-transform",
          // nginx and others buffer a response unless told not to.
          "x-accel-buffering": "no",
          "x-basewise-report": from,
          vary: "accept",
        },
      });
    },
  };
}
