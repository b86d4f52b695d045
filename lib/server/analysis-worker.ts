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
import type { AnalysisProgressListener } from "@/lib/report/analyze";
import type { AnalysisEvent, AnalysisOutcome, AnalysisTask, ReportPreview, TargetSpan, WorkerControl, WorkerEnd } from "./analysis-task";

// Time kept back from the hard deadline so a stopped analysis can still assemble and send its report
// (measured: assembling and serialising a 1 200-package report takes well under 500 ms).
const REPORT_MARGIN_MS = 2_000;

// Less than this left after waiting in the queue: refuse (the client retries) rather than start an
// analysis that could only report timeouts.
const MIN_WORK_MS = 3_000;

// Index answers come by the hundred: the request thread hears of them at most this often.
export const PROGRESS_INTERVAL_MS = 100;

export default async function runAnalysisTask(task: AnalysisTask): Promise<AnalysisOutcome> {
  const { port } = task;
  const left = new AbortController();
  port?.on("message", (message: WorkerControl) => {
    if (message.type === "abort") left.abort();
  });
  const events = port && task.events ? streamedProgress((event) => port.postMessage(event)) : null;
  try {
    const remaining = task.deadlineAt - Date.now() - REPORT_MARGIN_MS;
    if (remaining < MIN_WORK_MS) return { ok: false, code: "expired-in-queue" };
    const workMs = Math.min(DEFAULT_DEADLINE_MS, remaining);
    // The index comes from the server's configuration only, never from the request.
    const signal = port ? AbortSignal.any([AbortSignal.timeout(workMs), left.signal]) : AbortSignal.timeout(workMs);
    const result = await runAnalysis(task.input, { deadlineMs: workMs, signal, ...(events ? { progress: events.listener } : {}) });
    if (!result.ok) return { ok: false, code: "input-refused", status: result.status, error: result.error };
    const { json, targets } = serializeReport(result.report);
    return { ok: true, json, targets, final: isFinal(result.report) && !left.signal.aborted, preview: previewOf(result.report) };
  } finally {
    events?.stop();
    if (port) {
      port.postMessage({ type: "end" } satisfies WorkerEnd);
      port.close();
    }
  }
}

/** The engine's progress as AnalysisEvents: every start and target, index answers coalesced. */
function streamedProgress(post: (event: AnalysisEvent) => void): { listener: AnalysisProgressListener; stop(): void } {
  let pending: Extract<AnalysisEvent, { type: "progress" }> | null = null;
  let sentAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending) post(pending);
    pending = null;
    sentAt = Date.now();
  };
  return {
    listener: {
      onStart: (targets) => post({ type: "start", targets: targets.map(({ base, arch }) => ({ base, arch })) }),
      onFetched: ({ projects, files, latest }) => {
        pending = { type: "progress", projects, files, latest };
        const wait = sentAt + PROGRESS_INTERVAL_MS - Date.now();
        if (wait <= 0) flush();
        else timer ??= setTimeout(flush, wait);
      },
      onTarget: (target, index) => post({ type: "target", index, json: JSON.stringify(target) }),
    },
    stop: () => clearTimeout(timer),
  };
}

/**
 * JSON.stringify(report), and where each target's entry is in it: the report with a placeholder for
 * its targets, the placeholder replaced by the entries serialised one by one (JSON.stringify writes an
 * array as "[" + its elements joined by "," + "]", so the text is the same).
 */
export function serializeReport(report: Report): { json: string; targets: TargetSpan[] } {
  const skeleton = JSON.stringify({ ...report, targets: TARGETS_PLACEHOLDER });
  const slot = skeleton.indexOf(TARGETS_SLOT);
  if (slot < 0) throw new Error("serializeReport: the targets placeholder is missing from the serialised report");
  const targets: TargetSpan[] = [];
  let json = `${skeleton.slice(0, slot)}"targets":[`;
  report.targets.forEach((target, i) => {
    if (i > 0) json += ",";
    const start = json.length;
    json += JSON.stringify(target);
    targets.push({ base: target.base, arch: target.arch, start, end: json.length });
  });
  json += `]${skeleton.slice(slot + TARGETS_SLOT.length)}`;
  return { json, targets };
}

// NUL never occurs in a report's text (requirements with NUL bytes are refused at the edge), so the
// serialised placeholder is found exactly where "targets" holds it.
const TARGETS_PLACEHOLDER = "\u0000targets\u0000";
const TARGETS_SLOT = `"targets":${JSON.stringify(TARGETS_PLACEHOLDER)}`;

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
