// The body of an analysis worker thread (bundled to dist/analysis-worker.mjs by bin/bundle.mjs and run
// by lib/server/analysis-pool.ts). Everything CPU-heavy — parsing the file, resolving every image,
// estimates, Dockerfiles, serialising the report — happens here, off the thread that serves pages.
// Module state (the index client's process-wide caches) lives as long as the worker, so later
// analyses on the same worker start warm.

import { DEFAULT_DEADLINE_MS } from "@/lib/index";
import { groupByImage } from "@/lib/present/architectures";
import { headlines } from "@/lib/present/comparison";
import { recommendationWords } from "@/lib/present/analysis";
import type { Report } from "@/lib/report";
import { runAnalysis } from "./analysis-entry";
import type { AnalysisOutcome, AnalysisTask, ReportPreview } from "./analysis-task";

// Time kept back from the hard deadline so a stopped analysis can still assemble and send its report
// (measured: assembling and serialising a 1 200-package report takes well under 500 ms).
const REPORT_MARGIN_MS = 2_000;

// Less than this left after waiting in the queue: refuse (the client retries) rather than start an
// analysis that could only report timeouts.
const MIN_WORK_MS = 3_000;

export default async function runAnalysisTask(task: AnalysisTask): Promise<AnalysisOutcome> {
  const remaining = task.deadlineAt - Date.now() - REPORT_MARGIN_MS;
  if (remaining < MIN_WORK_MS) return { ok: false, code: "expired-in-queue" };
  const workMs = Math.min(DEFAULT_DEADLINE_MS, remaining);
  // The index comes from the server's configuration only, never from the request.
  const result = await runAnalysis(task.input, { deadlineMs: workMs, signal: AbortSignal.timeout(workMs) });
  if (!result.ok) return { ok: false, code: "input-refused", status: result.status, error: result.error };
  return { ok: true, json: JSON.stringify(result.report), final: isFinal(result.report), preview: previewOf(result.report) };
}

// The preview image has room for five rows, one per image (an image's architectures share its row).
const PREVIEW_ROWS = 5;

export function previewOf(report: Report): ReportPreview {
  // No "recommended" when every image's build fails (recommendationWords says so).
  const rows = groupByImage(headlines(report), report.archs).slice(0, PREVIEW_ROWS);
  return { recommended: recommendationWords(report)?.recommended ? (report.recommendation?.base ?? null) : null, headlines: rows.flatMap((image) => image.targets) };
}

/**
 * Nothing in the report depends on the moment: nothing left unreached when the work budget or the
 * deadline stopped it, no package the index could not answer for, no error about the index.
 */
function isFinal(report: Report): boolean {
  if (report.errors.some((e) => e.code === "index-unreachable")) return false;
  return report.targets.every((t) => t.unreached.length === 0 && t.summary.unknown === 0 && t.builds.every((b) => b.packages.every((p) => p.status !== "unknown")));
}
