// What crosses the thread boundary between the request handlers and the analysis workers: plain,
// structured-clonable values. The report comes back already serialised, so the request thread never
// walks (or stringifies) a report of several hundred kilobytes.

import type { MessagePort } from "node:worker_threads";
import type { Arch } from "@/lib/contract/request";
import type { Headline } from "@/lib/present/comparison";
import type { AnalyzeInput } from "@/lib/report/types";

export interface AnalysisTask {
  input: AnalyzeInput;
  /**
   * Epoch milliseconds by which the worker must have answered. The worker stops its own work a little
   * earlier (index deadline and resolver abort) so that it can still report what it did not reach; the
   * pool ends the worker outright at this moment.
   */
  deadlineAt: number;
  /**
   * The task's own channel (transferred with it): the worker listens on it for "abort" (every client
   * that waited for this analysis went away) and, when `events` is set, sends AnalysisEvents on it as
   * the analysis goes; its last message is always { type: "end" }.
   */
  port?: MessagePort;
  events?: boolean;
}

/** What a worker says about an analysis while it runs (one port per task, in order). */
export type AnalysisEvent =
  | { type: "start"; targets: TargetName[] }
  /** At most one every PROGRESS_INTERVAL_MS: the index's answers so far. */
  | { type: "progress"; projects: number; files: number; latest: string }
  /** A target's report entry, serialised in the worker: exactly the text the final report holds for it. */
  | { type: "target"; index: number; json: string };

/** On the task's port, from the worker: nothing follows. */
export type WorkerEnd = { type: "end" };
/** On the task's port, to the worker. */
export type WorkerControl = { type: "abort" };

export interface TargetName {
  base: string;
  arch: Arch;
}

/**
 * Where each target's entry sits in the serialised report ([start, end) in `json`), so a finished
 * report (from the cache, or for a client that joined late) can be streamed target by target by
 * slicing the string, without parsing it on the request thread.
 */
export type TargetSpan = TargetName & { start: number; end: number };

export type AnalysisOutcome =
  /**
   * `json` is the report, serialised. `final`: nothing in it depends on the moment it was made (no
   * package the index failed to answer for, nothing left unreached), so with a fixed `asOf` the same
   * request always gets the same report and it may be cached.
   */
  | { ok: true; json: string; final: boolean; preview: ReportPreview; targets?: TargetSpan[] }
  /** It waited in the queue until too little of its time was left to start. */
  | { ok: false; code: "expired-in-queue" }
  /** The input itself was refused (e.g. too large); `status` is the HTTP status to answer with. */
  | { ok: false; code: "input-refused"; status: number; error: string };

/** What a link preview (/api/og) draws: a few small values, so it never has to read the whole report. */
export interface ReportPreview {
  /** The recommended image, when there is one. */
  recommended: string | null;
  /** The first images by rank. */
  headlines: Headline[];
}
