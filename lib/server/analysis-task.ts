// What crosses the thread boundary between the request handlers and the analysis workers: plain,
// structured-clonable values. The report comes back already serialised, so the request thread never
// walks (or stringifies) a report of several hundred kilobytes.

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
}

export type AnalysisOutcome =
  /**
   * `json` is the report, serialised. `final`: nothing in it depends on the moment it was made (no
   * package the index failed to answer for, nothing left unreached), so with a fixed `asOf` the same
   * request always gets the same report and it may be cached.
   */
  | { ok: true; json: string; final: boolean; preview: ReportPreview }
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
